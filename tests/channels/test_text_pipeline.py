"""The one inbound pipeline every text channel plugs into, shown with a made-up channel (channels/text_pipeline.py).

`PigeonInput` provides only a protocol (a JSON body and a key header), as a new text channel
would; everything else here is the shared pipeline: verify, dedupe, gate, Rasa, queue, send.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import httpx
import pytest
from sanic import response
from sanic.request import Request
from sanic.response import HTTPResponse
from sqlalchemy import select

from bot.records.outbound import Outbound
from bot.settings import get_settings
from bot.storage.engine import session_scope
from bot.storage.models import MessageReceipt, utcnow
from channels.delivery import DeliveryError
from channels.outbound_sender import SendResult
from channels.text_pipeline import Inbound, Reply, TextChannelInput
from tests.support.channel_app import RunningChannel, ScriptedBot

KEY = "pigeon-key"
SORRY = "Sorry, something went wrong."


class PigeonInput(TextChannelInput):
    """A text channel of our own: JSON in, each reply recorded as 'sent'."""

    title = "Pigeon post"
    message_word = "note"

    def __init__(self, *, configured: bool = True) -> None:
        super().__init__(get_settings())
        self.sent: list[tuple[str, str]] = []
        self.broken = False
        if configured:
            self.start_sending()

    @classmethod
    def name(cls) -> str:
        return "pigeon"

    def verify(self, request: Request) -> HTTPResponse | None:
        if self.sender is None:
            return response.text("Pigeon post is not set up.", status=503)
        if request.headers.get("X-Pigeon-Key") != KEY:
            return response.text("Forbidden", status=403)
        return None

    def parse(self, request: Request) -> Inbound | HTTPResponse:
        body = request.json or {}
        if not body.get("id"):
            return response.text("no id", status=400)
        return Inbound(str(body["id"]), {"from": body["from"], "text": body["text"]})

    def acknowledge(self) -> HTTPResponse:
        return response.text("ok")

    async def answer(self, inbound: Inbound) -> tuple[str | None, list[Reply]]:
        if self.broken:
            raise RuntimeError("the protocol code failed")
        messages = await self.converse(inbound.pending["from"], inbound.pending["text"])
        return inbound.pending["from"], [
            (m.get("text", ""), m.get("buttons") or []) for m in messages
        ]

    def recipient_of(self, pending: dict[str, Any]) -> str | None:
        return pending.get("from")

    def render_unavailable(self) -> list[Reply]:
        return [(SORRY, [])]

    def delivery_parts(self, recipient: str, text: str) -> list[Reply]:
        if not text.strip():
            raise DeliveryError("An empty note cannot be sent.")
        return [(text, [])]

    async def send(self, message: Outbound) -> SendResult:
        self.sent.append((message.recipient, message.body))
        return SendResult(provider_id=f"P{len(self.sent)}")


@pytest.fixture
def pigeon(sqlite_url) -> Iterator[tuple[RunningChannel, httpx.Client, ScriptedBot]]:
    bot = ScriptedBot()
    with RunningChannel(PigeonInput(), bot) as running, httpx.Client(timeout=30) as client:
        yield running, client, bot


def post(
    client: httpx.Client, running: RunningChannel, message_id: str, text: str, key: str = KEY
) -> httpx.Response:
    body = {"id": message_id, "from": "resident-1", "text": text}
    return client.post(f"{running.base_url}/webhook", json=body, headers={"X-Pigeon-Key": key})


def settle(running: RunningChannel) -> None:
    time.sleep(0.05)
    running.run(running.channel.sender.drain())


def test_a_genuine_message_is_acknowledged_then_answered_through_the_assistant(pigeon):
    running, client, bot = pigeon

    reply = post(client, running, "m1", "when is my bin day")
    settle(running)

    assert reply.status_code == 200 and reply.text == "ok"
    assert [m.text for m in bot.received] == ["when is my bin day"]
    assert bot.received[0].input_channel == "pigeon"
    assert running.channel.sent == [("resident-1", "You said: when is my bin day")]


def test_a_message_the_provider_did_not_send_is_refused_and_never_reaches_the_assistant(pigeon):
    running, client, bot = pigeon

    reply = post(client, running, "m1", "hello", key="forged")
    settle(running)

    assert reply.status_code == 403
    assert bot.received == [] and running.channel.sent == []


def test_a_message_delivered_five_times_is_answered_once(pigeon):
    running, client, bot = pigeon

    replies = [post(client, running, "m1", "hello") for _ in range(5)]
    settle(running)

    assert {r.status_code for r in replies} == {200}
    assert len(bot.received) == 1
    assert running.channel.sent == [("resident-1", "You said: hello")]


def test_when_answering_fails_the_resident_is_told_something_went_wrong(pigeon):
    running, client, bot = pigeon
    running.channel.broken = True

    post(client, running, "m1", "hello")
    settle(running)

    assert running.channel.sent == [("resident-1", SORRY)]


def test_a_message_left_unanswered_by_an_earlier_run_is_answered_once_on_recovery(pigeon):
    running, client, bot = pigeon
    channel = running.channel
    post(client, running, "warm-up", "hello")  # the server has seen a message: it knows the agent
    settle(running)
    channel.receipts.claim_receipt("pigeon", "lost")
    channel.stash.stash("lost", {"from": "resident-1", "text": "hello from before the crash"})
    with session_scope() as session:
        receipt = session.execute(
            select(MessageReceipt).where(MessageReceipt.external_id == "lost")
        ).scalar_one()
        receipt.received_at = utcnow() - timedelta(minutes=10)

    running.run(channel.recover())
    running.run(channel.recover())
    settle(running)

    assert [m.text for m in bot.received] == ["hello", "hello from before the crash"]
    assert channel.sent[-1] == ("resident-1", "You said: hello from before the crash")
    assert len(channel.sent) == 2


def test_an_advisors_reply_is_queued_and_sent_on_the_channel(pigeon):
    running, _, _ = pigeon
    channel = running.channel

    running.run(channel.delivery.send("resident-1", "Hello, I'm Sam from the council."))
    settle(running)

    assert channel.sent == [("resident-1", "Hello, I'm Sam from the council.")]


def test_an_advisors_reply_the_channel_cannot_carry_is_refused_with_a_reason(pigeon):
    running, _, _ = pigeon
    with pytest.raises(DeliveryError, match="empty note"):
        running.run(running.channel.delivery.send("resident-1", "   "))


def test_a_channel_not_yet_set_up_refuses_messages_and_advisor_replies(sqlite_url):
    with (
        RunningChannel(PigeonInput(configured=False), ScriptedBot()) as running,
        httpx.Client() as client,
    ):
        assert client.get(f"{running.base_url}/").json() == {"status": "not configured"}
        assert post(client, running, "m1", "hello").status_code == 503
        with pytest.raises(DeliveryError, match="Pigeon post is not set up on this server"):
            running.run(running.channel.delivery.send("resident-1", "Hello"))


def _stored_text() -> str:
    """Everything the pipeline wrote for the channel: receipts (with stashed messages) and the queue."""
    from bot.storage.models import OutboundMessage

    with session_scope() as session:
        receipts = session.execute(select(MessageReceipt.response)).scalars().all()
        bodies = session.execute(select(OutboundMessage.body)).scalars().all()
    return repr(receipts) + repr(bodies)


def test_a_card_number_never_reaches_the_assistant_or_the_database_and_the_resident_is_told_why(
    pigeon,
):
    running, client, bot = pigeon
    channel = running.channel
    stored_while_answering: list[str] = []  # the stashed message is on its receipt meanwhile

    def answer(text: str) -> list[dict[str, Any]]:
        stored_while_answering.append(_stored_text())
        return [{"text": f"You said: {text}"}]

    bot.reply = answer
    post(client, running, "m1", "my bin wasn't collected, card 4111 1111 1111 1111")
    settle(running)

    assert [m.text for m in bot.received] == ["my bin wasn't collected, card [card number removed]"]
    notice, answer = channel.sent
    assert notice[1].startswith("I've removed what looked like a card number")
    assert answer == ("resident-1", "You said: my bin wasn't collected, card [card number removed]")
    assert "[card number removed]" in stored_while_answering[0]
    for stored in (*stored_while_answering, _stored_text()):
        assert "4111" not in stored


def test_a_message_with_nothing_to_remove_gets_no_notice(pigeon):
    running, client, _ = pigeon

    post(client, running, "m1", "my council tax account is 51234567")
    settle(running)

    assert running.channel.sent == [("resident-1", "You said: my council tax account is 51234567")]


def test_when_the_database_fails_mid_turn_the_message_is_answered_once_it_is_back(pigeon):
    """No "something went wrong" for a database restart: the message is kept and answered."""
    from sqlalchemy.exc import OperationalError

    from channels import text_pipeline

    running, client, bot = pigeon
    channel = running.channel
    failures = [OperationalError("SELECT 1", {}, Exception("the database is restarting"))]
    answered: list[str] = []

    def reply(text: str) -> list[dict[str, Any]]:
        if failures:
            raise failures.pop()
        answered.append(text)
        return [{"text": f"You said: {text}"}]

    bot.reply = reply
    post(client, running, "m1", "when is my bin day")
    settle(running)
    assert channel.sent == [] and answered == []  # not "sorry": kept for later

    running.run(channel.recover())  # too soon: the turn may still be running elsewhere
    settle(running)
    assert channel.sent == []
    with session_scope() as session:
        receipt = session.execute(
            select(MessageReceipt).where(MessageReceipt.external_id == "m1")
        ).scalar_one()
        receipt.received_at = utcnow() - timedelta(seconds=text_pipeline.RECOVER_AFTER_S + 1)
    running.run(channel.recover())
    running.run(channel.recover())
    settle(running)
    assert answered == ["when is my bin day"]
    assert channel.sent == [("resident-1", "You said: when is my bin day")]


def test_only_a_failing_database_keeps_a_message_for_later():
    """Any other failure gets the "something went wrong" reply at once (test above)."""
    from rasa.core.lock_store import LockError
    from sqlalchemy.exc import OperationalError

    from channels.text_pipeline import database_trouble

    wrapped = RuntimeError("handling failed")
    wrapped.__cause__ = LockError("Could not issue a ticket")
    assert database_trouble(OperationalError("x", {}, Exception("down")))
    assert database_trouble(wrapped)
    assert not database_trouble(RuntimeError("the protocol code failed"))
