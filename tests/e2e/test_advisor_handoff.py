"""End to end: a resident is handed to an advisor, who claims, replies and closes in the console."""

from __future__ import annotations

import uuid

import pytest

from bot.records.advisor_accounts import AdvisorAccounts
from tests.e2e.console_client import ConsoleClient, sign_in
from tests.e2e.webchat_client import WebchatClient, texts

pytestmark = [pytest.mark.e2e, pytest.mark.model]

PASSWORD = "a long test password"


def _advisor(live_servers, name: str = "Sam Patel") -> ConsoleClient:
    username = f"adv{uuid.uuid4().hex[:8]}"
    AdvisorAccounts(live_servers.database_url).create(username, name, PASSWORD)
    return ConsoleClient(f"{live_servers.base_url}/webhooks/console", username, PASSWORD)


def _ticket_for(console: ConsoleClient, text_in_reason: str | None = None) -> dict:
    waiting = [t for t in console.queue() if t["status"] == "open"]
    assert waiting, "no ticket reached the console"
    return (
        waiting[-1]
        if text_in_reason is None
        else next(t for t in waiting if text_in_reason in t["reason"])
    )


def test_a_resident_is_helped_by_an_advisor_and_then_the_assistant_answers_again(live_servers):
    chat = WebchatClient(live_servers.webchat)
    handed = chat.press("/request_human", "Talk to a person")
    assert "Your reference is AD-" in texts(handed)
    reference = texts(handed).split("Your reference is ")[1].split(".")[0]

    # While waiting, the assistant is paused: the message is kept for the advisor.
    waiting = chat.send("it's about my neighbour's bins blocking the path")
    assert "added that for the advisor" in texts(waiting)

    console = _advisor(live_servers)
    ticket = next(t for t in console.queue() if t["reference"] == reference)
    assert ticket["status"] == "open" and ticket["reason"] == "Resident asked for a person"
    assert console.claim(reference).ok
    said = [
        line["text"]
        for line in console.transcript(reference)["lines"]
        if line["sender"] == "resident"
    ]
    assert "it's about my neighbour's bins blocking the path" in said

    assert console.reply(reference, "Hello, I'm Sam. I'll look into the bins for you.").ok
    from_advisor = [m for m in chat.poll() if m["sender"] == "advisor"]
    assert [m["text"] for m in from_advisor] == ["Hello, I'm Sam. I'll look into the bins for you."]

    # Once claimed, the resident's messages reach the advisor with no automatic reply.
    assert chat.send("thank you, they have been there a week") == []
    lines = console.transcript(reference)["lines"]
    assert lines[-1]["text"] == "thank you, they have been there a week"
    assert any(line["sender"] == "advisor" and line["name"] == "Sam Patel" for line in lines)

    assert console.close(reference, "Referred to another team").ok
    assert reference not in [t["reference"] for t in console.queue()]
    assert any("automated assistant again" in m["text"] for m in chat.poll())

    answered = chat.send("when is my bin collected")
    assert answered and "postcode" in texts(answered).lower()


def test_two_advisors_cannot_claim_the_same_ticket(live_servers):
    chat = WebchatClient(live_servers.webchat)
    reference = texts(chat.press("/request_human")).split("Your reference is ")[1].split(".")[0]
    first, second = _advisor(live_servers, "First"), _advisor(live_servers, "Second")
    assert first.claim(reference).url.endswith(f"/tickets/{reference}")
    assert second.claim(reference).url.endswith("/queue?notice=taken")
    refused = second.reply(reference, "hello from the wrong advisor")
    assert refused.url.endswith("?notice=not-yours")
    assert not [m for m in chat.poll() if m["sender"] == "advisor"]


def test_a_crisis_while_waiting_gives_the_safety_number_and_moves_the_ticket_to_the_top(
    live_servers,
):
    console = _advisor(live_servers)
    chat = WebchatClient(live_servers.webchat)
    reference = texts(chat.press("/request_human")).split("Your reference is ")[1].split(".")[0]
    replies = texts(chat.send("honestly i just want to end it all"))
    assert "116 123" in replies and "urgent" in replies
    ticket = next(t for t in console.queue() if t["reference"] == reference)
    assert ticket["priority"] == "urgent" and ticket["position"] == 1


def test_console_changes_without_the_csrf_token_are_refused(live_servers):
    console = _advisor(live_servers)
    chat = WebchatClient(live_servers.webchat)
    reference = texts(chat.press("/request_human")).split("Your reference is ")[1].split(".")[0]
    forged = console.http.post(
        f"{console.base}/tickets/{reference}/claim", data={"csrf_token": "guessed"}, timeout=30
    )
    assert forged.status_code == 403
    missing = console.http.post(f"{console.base}/tickets/{reference}/claim", timeout=30)
    assert missing.status_code == 403
    assert next(t for t in console.queue() if t["reference"] == reference)["status"] == "open"


def test_the_console_needs_a_signed_in_advisor(live_servers):
    import html

    import requests

    base = f"{live_servers.base_url}/webhooks/console"
    assert requests.get(f"{base}/queue.json", timeout=30).status_code == 401
    page = requests.get(f"{base}/queue", timeout=30)
    assert page.url.endswith("/login") and "Sign in" in page.text
    wrong = sign_in(requests.Session(), base, "nobody", "x" * 12)
    assert wrong.status_code == 401 and "don't match" in html.unescape(wrong.text)
    forged = requests.post(
        f"{base}/login", data={"username": "nobody", "password": "x" * 12}, timeout=30
    )
    assert forged.status_code == 403  # no sign-in form was opened: no CSRF token


def test_nothing_is_lost_when_the_server_restarts_mid_conversation(live_servers):
    console = _advisor(live_servers)
    chat = WebchatClient(live_servers.webchat)
    reference = texts(chat.press("/request_human")).split("Your reference is ")[1].split(".")[0]
    chat.send("my council tax letter has the wrong name on it")
    assert console.claim(reference).ok

    live_servers.restart_rasa()

    # The advisor's session, the queue, the resident's chat and the transcript all survive.
    assert next(t for t in console.queue() if t["reference"] == reference)["status"] == "claimed"
    assert chat.send("are you still there?") == []  # still paused for the advisor
    said = [
        line["text"]
        for line in console.transcript(reference)["lines"]
        if line["sender"] == "resident"
    ]
    assert said[-2:] == ["my council tax letter has the wrong name on it", "are you still there?"]
    assert console.reply(reference, "Yes, I'm here. I'll fix the name.").ok
    assert [m["text"] for m in chat.poll() if m["sender"] == "advisor"] == [
        "Yes, I'm here. I'll fix the name."
    ]


def test_a_resident_on_the_extra_support_register_goes_straight_to_an_advisor(live_servers):
    from bot.records.support_register import SupportRegister, identities

    console = _advisor(live_servers)
    chat = WebchatClient(live_servers.webchat)
    SupportRegister(live_servers.database_url).register(
        identities("webchat", chat.session_id), label="Pat", reason="test", added_by="test"
    )
    replies = texts(chat.send("when is my bin collected"))
    assert "registered for extra support" in replies and "Your reference is AD-" in replies
    reference = replies.split("Your reference is ")[1].split(".")[0]
    ticket = next(t for t in console.queue() if t["reference"] == reference)
    assert ticket["priority"] == "extra_support"


def test_a_resident_who_cannot_use_computers_reaches_an_advisor_at_once_ahead_of_the_queue(
    live_servers,
):
    console = _advisor(live_servers)
    chat = WebchatClient(live_servers.webchat)
    replies = texts(chat.send("I can't use computers and I have no one to help me"))
    assert "passing you to a person now" in replies and "Your reference is AD-" in replies
    assert "Can you get online on your own" not in replies  # no questions before a person
    reference = replies.split("Your reference is ")[1].split(".")[0]
    ticket = next(t for t in console.queue() if t["reference"] == reference)
    assert ticket["priority"] == "extra_support"


def test_an_advocate_is_asked_about_the_right_persons_home_and_the_advisor_is_told(live_servers):
    console = _advisor(live_servers)
    chat = WebchatClient(live_servers.webchat)
    asked = texts(chat.send("my dad's bin wasn't collected, I'm sorting it for him"))
    assert "postcode of your dad's home" in asked
    reference = texts(chat.press("/request_human")).split("Your reference is ")[1].split(".")[0]
    ticket = next(t for t in console.queue() if t["reference"] == reference)
    assert ticket["acting_for"] == "their dad"
