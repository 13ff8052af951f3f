"""The SMS channel on a real Sanic server, signed with twilio's own algorithm, sending to a local fake."""

from __future__ import annotations

import time
from collections.abc import Iterator

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from bot.storage.engine import session_scope
from bot.storage.models import MessageReceipt, OutboundMessage
from tests.channels.sms_helpers import RESIDENT, inbound, post_signed, sign, sms_env
from tests.support.channel_app import RunningChannel, ScriptedBot
from tests.support.fake_providers import FakeApi

BIN_BUTTONS = [
    {"title": "General waste (black bin)", "payload": "General waste"},
    {"title": "Recycling (blue bin)", "payload": "Recycling"},
]


def scripted_reply(text: str) -> list[dict]:
    if text == "my bin wasn't collected":
        return [
            {"text": "Sorry about that \u2014 which bin was it? \U0001f5d1", "buttons": BIN_BUTTONS}
        ]
    return [{"text": f"You said: \u201c{text}\u201d"}]


@pytest.fixture
def twilio_api() -> Iterator[FakeApi]:
    api = FakeApi("twilio").start()
    yield api
    api.stop()


@pytest.fixture
def sms(sqlite_url: str, twilio_api: FakeApi, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple]:
    from channels.twilio_sms import TwilioSmsInput

    sms_env(monkeypatch, twilio_api.url)
    channel = TwilioSmsInput.from_credentials(None)
    bot = ScriptedBot(scripted_reply)
    with RunningChannel(channel, bot) as running, httpx.Client(timeout=30) as client:
        yield running, client, bot


def settle(running: RunningChannel) -> None:
    """Wait until every background task (Rasa turn and sends) has finished."""
    time.sleep(0.05)
    running.run(running.channel.sender.drain())


def outbound_count() -> int:
    with session_scope() as session:
        return session.execute(select(func.count()).select_from(OutboundMessage)).scalar_one()


def test_a_signed_text_is_acknowledged_with_empty_twiml_and_answered_by_sms(sms, twilio_api):
    running, client, bot = sms
    reply = post_signed(client, running.base_url, inbound("hello"))
    assert reply.status_code == 200
    assert "<Response></Response>" in reply.text
    settle(running)
    assert [m.text for m in bot.received] == ["hello"]
    assert bot.received[0].sender_id == RESIDENT
    [sent] = twilio_api.requests
    assert sent.params["To"] == RESIDENT
    assert sent.params["Body"] == 'You said: "hello"'
    assert (
        sent.params["StatusCallback"] == "https://council.example.gov.uk/webhooks/twilio_sms/status"
    )


def test_a_text_with_bank_details_is_answered_after_a_short_text_saying_they_were_removed(
    sms, twilio_api
):
    running, client, bot = sms
    post_signed(client, running.base_url, inbound("sort code 12-34-56 account 12345678 help"))
    settle(running)
    said = "sort code [bank details removed] account [bank details removed] help"
    assert [m.text for m in bot.received] == [said]
    notice, answer = [r.params["Body"] for r in twilio_api.requests]
    assert notice.startswith("I've removed what looked like bank details from your message")
    assert len(notice) <= 160 * 2 and answer == f'You said: "{said}"'
    with session_scope() as session:
        stored = repr(session.execute(select(MessageReceipt.response)).scalars().all())
        stored += repr(session.execute(select(OutboundMessage.body)).scalars().all())
    assert "12345678" not in stored and "12-34-56" not in stored


def test_a_card_number_at_the_end_of_an_overlong_text_is_removed_before_it_is_cut(sms, twilio_api):
    running, client, bot = sms
    text = "x" * 1590 + " 4111111111111111"
    post_signed(client, running.base_url, inbound(text))
    settle(running)
    assert "4111" not in bot.received[0].text


def test_buttons_become_numbered_options_and_a_reply_of_1_means_the_first(sms, twilio_api):
    running, client, bot = sms
    post_signed(client, running.base_url, inbound("my bin wasn't collected"))
    settle(running)
    body = twilio_api.sent_bodies()[0]
    assert body == (
        "Sorry about that - which bin was it?\n\n"
        "Reply 1 for General waste (black bin)\nReply 2 for Recycling (blue bin)"
    )
    post_signed(client, running.base_url, inbound(" 1 "))
    settle(running)
    assert bot.received[-1].text == "General waste"


@pytest.mark.parametrize(
    "tampered",
    [
        {"header": None},
        {"header": "bm90IGEgc2lnbmF0dXJl"},
        {"body": "something else"},
        {"number": "+447700900999"},
        {"token": "another-account-token"},
    ],
)
def test_unsigned_forged_or_mutated_requests_are_refused_and_change_nothing(
    sms, twilio_api, tampered
):
    running, client, bot = sms
    params = inbound("hello")
    signature = sign(
        "/webhooks/twilio_sms/webhook",
        params,
        tampered.get("token", "test-auth-token-0123456789abcdef"),
    )
    if "body" in tampered:
        params["Body"] = tampered["body"]
    if "number" in tampered:
        params["From"] = tampered["number"]
    headers = (
        {}
        if tampered.get("header", signature) is None
        else {"X-Twilio-Signature": tampered.get("header", signature)}
    )
    reply = client.post(f"{running.base_url}/webhook", data=params, headers=headers)
    assert reply.status_code == 403
    settle(running)
    assert bot.received == [] and twilio_api.requests == []
    with session_scope() as session:
        assert session.execute(select(func.count()).select_from(MessageReceipt)).scalar_one() == 0


_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=20)


@st.composite
def mutations(draw: st.DrawFn) -> tuple[str, dict[str, str], str]:
    """A correctly signed request with one thing changed: the URL, a parameter or the signature."""
    path = "/webhooks/twilio_sms/webhook"
    params = inbound("report a missed bin", sid="SM" + "a" * 32)
    signature = sign(path, params)
    kind = draw(
        st.sampled_from(["query", "param_value", "param_added", "param_removed", "signature"])
    )
    query = ""
    if kind == "query":
        query = "?" + draw(st.from_regex(r"[a-z]{1,8}=[a-z0-9]{0,8}", fullmatch=True))
    elif kind == "param_value":
        name = draw(st.sampled_from(sorted(params)))
        params[name] = draw(_text.filter(lambda v, old=params[name]: v != old))
    elif kind == "param_added":
        name = draw(
            st.from_regex(r"[A-Z][A-Za-z]{1,12}", fullmatch=True).filter(lambda n: n not in params)
        )
        params[name] = draw(_text)
    elif kind == "param_removed":
        del params[draw(st.sampled_from(sorted(params)))]
    else:
        position = draw(st.integers(0, len(signature) - 1))
        replacement = draw(
            st.sampled_from("ABCDEFabcdef0123456789+/=").filter(lambda c: c != signature[position])
        )
        signature = signature[:position] + replacement + signature[position + 1 :]
    return query, params, signature


def test_every_mutation_of_url_parameters_or_signature_is_refused(sms, twilio_api):
    running, client, bot = sms

    @settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
    @given(mutations())
    def refused(mutation: tuple[str, dict[str, str], str]) -> None:
        query, params, signature = mutation
        reply = client.post(
            f"{running.base_url}/webhook{query}",
            data=params,
            headers={"X-Twilio-Signature": signature},
        )
        assert reply.status_code in {403}, (reply.status_code, mutation)

    refused()
    settle(running)
    assert bot.received == [] and twilio_api.requests == []


def test_a_webhook_replayed_five_times_is_answered_once(sms, twilio_api):
    running, client, bot = sms
    params = inbound("hello")
    for _ in range(5):
        assert post_signed(client, running.base_url, params).status_code == 200
    settle(running)
    for _ in range(5):
        assert post_signed(client, running.base_url, params).status_code == 200
    settle(running)
    assert len(bot.received) == 1
    assert len(twilio_api.requests) == 1
    assert outbound_count() == 1


@pytest.mark.parametrize(
    "word", ["STOP", "stop", "  Stop  ", "STOPALL", "unsubscribe", "Cancel", "END", "quit"]
)
def test_an_opt_out_word_gets_no_reply_and_nothing_is_sent_until_start(sms, twilio_api, word):
    running, client, bot = sms
    post_signed(client, running.base_url, inbound(word))
    settle(running)
    post_signed(client, running.base_url, inbound("hello again"))
    settle(running)
    assert twilio_api.requests == [] and bot.received == []

    from channels.delivery import DeliveryError, delivery_for

    with pytest.raises(DeliveryError, match="STOP"):
        running.run(delivery_for(running.app, "twilio_sms").send(RESIDENT, "An advisor's reply"))
    assert twilio_api.requests == []

    post_signed(client, running.base_url, inbound("START"))
    settle(running)
    assert "again" in twilio_api.sent_bodies()[-1]
    post_signed(client, running.base_url, inbound("hello"))
    settle(running)
    assert bot.received[-1].text == "hello"


def test_a_message_queued_before_stop_is_not_sent_after_it(sms, twilio_api):
    running, client, _ = sms
    ids = running.channel.outbound.enqueue(
        "twilio_sms", "advisor:late", RESIDENT, [("Late reply", [])]
    )
    running.channel.outbound.set_opted_out(RESIDENT, True)
    assert running.run(running.channel.sender.send_one(ids[0])) == "suppressed"
    assert twilio_api.requests == []


def test_help_gets_a_short_help_text_without_asking_the_assistant(sms, twilio_api):
    running, client, bot = sms
    post_signed(client, running.base_url, inbound(" help "))
    settle(running)
    [body] = twilio_api.sent_bodies()
    assert "STOP" in body and len(body) <= 160
    assert bot.received == []


def test_a_failed_send_is_recorded_and_retried_until_it_goes(sms, twilio_api):
    running, client, _ = sms
    twilio_api.fail_next = 1
    post_signed(client, running.base_url, inbound("hello"))
    settle(running)
    with session_scope() as session:
        row = session.execute(select(OutboundMessage)).scalar_one()
        assert row.status == "queued" and row.attempts == 1 and "HTTP 500" in row.last_error
        row.next_attempt_at = row.created_at  # due now
    assert running.run(running.channel.sender.retry_due()) == 1
    with session_scope() as session:
        row = session.execute(select(OutboundMessage)).scalar_one()
        assert row.status == "sent" and row.attempts == 2 and row.provider_id.startswith("SM")
    assert len(twilio_api.requests) == 2


def test_delivery_status_callbacks_are_stored_and_never_go_backwards(sms, twilio_api):
    running, client, _ = sms
    post_signed(client, running.base_url, inbound("hello"))
    settle(running)
    with session_scope() as session:
        provider_id = session.execute(select(OutboundMessage.provider_id)).scalar_one()

    def status(value: str) -> str:
        reply = post_signed(
            client, running.base_url, {"MessageSid": provider_id, "MessageStatus": value}, "status"
        )
        assert reply.status_code == 204
        with session_scope() as session:
            return session.execute(select(OutboundMessage.status)).scalar_one()

    assert status("delivered") == "delivered"
    assert status("sent") == "delivered"
    assert status("queued") == "delivered"
    assert status("failed") == "delivered"
    unsigned = client.post(
        f"{running.base_url}/status", data={"MessageSid": provider_id, "MessageStatus": "failed"}
    )
    assert unsigned.status_code == 403


def test_the_webhook_answers_503_when_sms_is_not_set_up(sqlite_url, monkeypatch):
    from channels.twilio_sms import TwilioSmsInput

    monkeypatch.delenv("TWILIO_AUTH_TOKEN", raising=False)
    with (
        RunningChannel(TwilioSmsInput.from_credentials(None), ScriptedBot()) as running,
        httpx.Client() as client,
    ):
        reply = client.post(f"{running.base_url}/webhook", data=inbound("hello"))
        assert reply.status_code == 503 and "not set up" in reply.text
        assert client.get(f"{running.base_url}/").json() == {"status": "not configured"}


def test_tests_cannot_reach_the_real_twilio_api(sqlite_url, monkeypatch):
    from bot.settings import SettingsError
    from channels.twilio_sms import TwilioSmsInput

    sms_env(monkeypatch, "")
    with pytest.raises(SettingsError, match="real Twilio"):
        TwilioSmsInput.from_credentials(None)


def test_empty_parameters_twilio_sends_are_part_of_the_signature(sms, twilio_api):
    running, client, bot = sms
    params = {**inbound("hello"), "FromCity": "", "FromZip": ""}
    assert post_signed(client, running.base_url, params).status_code == 200
    settle(running)
    assert len(bot.received) == 1


def test_an_advisor_reply_reaches_the_resident_by_sms_through_the_shared_delivery(sms, twilio_api):
    running, _, _ = sms
    from channels.delivery import delivery_for

    running.run(
        delivery_for(running.app, "twilio_sms").send(
            RESIDENT, "Hello, it\u2019s Priya \U0001f44b from the council."
        )
    )
    settle(running)
    [sent] = twilio_api.requests
    assert sent.params["To"] == RESIDENT
    assert sent.params["Body"] == "Hello, it's Priya from the council."


def test_a_message_acknowledged_before_a_crash_is_answered_after_a_restart(sms, twilio_api):
    from datetime import timedelta

    from bot.storage.models import utcnow

    running, _, bot = sms
    channel = running.channel
    channel.receipts.claim_receipt("twilio_sms", "SMlost")
    channel.stash.stash("SMlost", {"sender": RESIDENT, "text": "hello from before the crash"})
    assert channel.stash.take_stale(300) == []  # too recent: it may still be in progress
    with session_scope() as session:
        receipt = session.execute(select(MessageReceipt)).scalar_one()
        receipt.received_at = utcnow() - timedelta(minutes=10)
    running.run(channel.recover())
    settle(running)
    assert [m.text for m in bot.received] == ["hello from before the crash"]
    assert twilio_api.sent_bodies() == ['You said: "hello from before the crash"']
    running.run(channel.recover())  # answered now: never again
    settle(running)
    assert len(twilio_api.requests) == 1


def test_a_captured_text_replayed_under_a_new_message_sid_gets_no_second_reply(sms, twilio_api):
    running, client, bot = sms
    path = "/webhooks/twilio_sms/webhook"
    genuine = inbound("hello")
    signature = sign(path, genuine)
    # Twilio signs names and values joined with nothing between them, so moving NumMedia's
    # name and value onto the end of the MessageSid keeps the signature valid.
    forged = {k: v for k, v in genuine.items() if k != "NumMedia"}
    forged["MessageSid"] = genuine["MessageSid"] + "NumMedia0"
    assert sign(path, forged) == signature

    first = client.post(
        f"{running.base_url}/webhook", data=genuine, headers={"X-Twilio-Signature": signature}
    )
    replayed = client.post(f"{running.base_url}/webhook", data=forged, headers={"X-Twilio-Signature": signature})  # fmt: skip
    settle(running)

    assert first.status_code == 200
    assert replayed.status_code == 400
    assert [m.text for m in bot.received] == ["hello"]
    assert twilio_api.sent_bodies() == ['You said: "hello"']
    assert outbound_count() == 1


@st.composite
def joins_moved(draw: st.DrawFn) -> tuple[dict[str, str], dict[str, str]]:
    """A genuine request, and the same signed string split differently into parameters."""
    body = draw(st.from_regex(r"[A-Za-z0-9 ,.'!?]{0,15}[a-z]", fullmatch=True))
    genuine = inbound(body, sid=f"SM{draw(st.from_regex(r'[0-9a-f]{32}', fullmatch=True))}")
    names = sorted(genuine)
    at = draw(st.integers(0, len(names) - 2))
    cut = draw(st.integers(0, len(names[at + 1]) + len(genuine[names[at + 1]])))
    moved = (names[at + 1] + genuine[names[at + 1]])[:cut]
    forged = dict(genuine)
    forged[names[at]] = genuine[names[at]] + moved
    rest = (names[at + 1] + genuine[names[at + 1]])[cut:]
    del forged[names[at + 1]]
    if rest:  # what is left of the next parameter still has to read as name and value
        name_length = draw(st.integers(1, len(rest)))
        forged[rest[:name_length]] = rest[name_length:]
    return genuine, forged


def test_no_regrouping_of_a_signed_request_is_answered_as_a_new_message(sms, twilio_api):
    running, client, bot = sms
    path = "/webhooks/twilio_sms/webhook"
    genuine_sids: set[str] = set()

    @settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
    @given(joins_moved())
    def refused(pair: tuple[dict[str, str], dict[str, str]]) -> None:
        genuine, forged = pair
        signature = sign(path, genuine)
        if forged == genuine or sign(path, forged) != signature:
            return  # the regrouping reordered the parameters, so the signature differs anyway
        headers = {"X-Twilio-Signature": signature}
        assert (
            client.post(f"{running.base_url}/webhook", data=genuine, headers=headers).status_code
            == 200
        )
        genuine_sids.add(genuine["MessageSid"])
        reply = client.post(f"{running.base_url}/webhook", data=forged, headers=headers)
        assert reply.status_code in {200, 400}, (reply.status_code, forged)

    refused()
    settle(running)
    assert genuine_sids
    assert len(bot.received) == len(genuine_sids)  # each genuine text once, no forgery
