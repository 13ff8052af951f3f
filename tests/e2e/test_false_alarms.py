"""End to end: ordinary answers raise no alarm, and a resident can take back a false alarm themselves."""

from __future__ import annotations

import re
import uuid

import pytest
from sqlalchemy import select

from bot.records.advisor_accounts import AdvisorAccounts
from bot.storage.engine import session_scope
from bot.storage.models import AuditEvent, HandoffTicket
from tests.e2e.console_client import ConsoleClient
from tests.e2e.webchat_client import WebchatClient, texts

pytestmark = [pytest.mark.e2e, pytest.mark.model]

PASSWORD = "a long test password"


def _advisor(live_servers) -> ConsoleClient:
    username = f"adv{uuid.uuid4().hex[:8]}"
    AdvisorAccounts(live_servers.database_url).create(username, "Sam Patel", PASSWORD)
    return ConsoleClient(f"{live_servers.base_url}/webhooks/console", username, PASSWORD)


def _tickets(live_servers, chat: WebchatClient) -> list[tuple[str, str, str]]:
    """(reference, status, priority) of every ticket this conversation raised."""
    with session_scope(live_servers.database_url) as session:
        rows = session.execute(
            select(HandoffTicket).where(HandoffTicket.sender_id == chat.session_id)
        ).scalars()
        return [(row.reference, row.status, row.priority) for row in rows]


def _reference(replies: str) -> str:
    match = re.search(r"(AD-[A-Z0-9]{6})", replies)
    assert match, replies
    return match.group(1)


def _start_single_person_discount(chat: WebchatClient) -> None:
    asked = texts(chat.send("I live on my own, can I get a discount"))
    assert "How many adults" in asked, asked
    asked = texts(chat.press("Just me"))
    assert "only adult living there" in asked, asked


def test_the_date_a_partner_left_is_an_answer_not_a_homelessness_alarm(live_servers):
    chat = WebchatClient(live_servers.webchat)
    _start_single_person_discount(chat)

    asked = texts(chat.send("he left on the 14th of november"))

    assert "What's your address" in asked, asked
    assert "urgent" not in asked.lower() and "AD-" not in asked
    assert _tickets(live_servers, chat) == []


def test_saying_you_are_not_homeless_starts_the_discount_and_raises_no_ticket(live_servers):
    chat = WebchatClient(live_servers.webchat)

    asked = texts(chat.send("what?? im not homeless, i just want the single person discount"))

    assert "How many adults" in asked, asked
    assert _tickets(live_servers, chat) == []


@pytest.mark.parametrize("text", ["what type of gas does my car take", "jump start my car"])
def test_a_request_meant_for_another_assistant_raises_no_alarm(live_servers, text):
    chat = WebchatClient(live_servers.webchat)
    replies = texts(chat.send(text))
    assert "999" not in replies and "AD-" not in replies, replies
    assert _tickets(live_servers, chat) == []


def test_a_resident_withdraws_a_false_alarm_and_the_form_asks_its_question_again(live_servers):
    console = _advisor(live_servers)
    chat = WebchatClient(live_servers.webchat)
    _start_single_person_discount(chat)

    # Meant for someone else: the classifier alone is very sure (0.9 or more) it is safeguarding.
    alarm = texts(chat.send("the little girl upstairs is always crying and looks scared"))
    reference = _reference(alarm)
    assert any(t["reference"] == reference and t["priority"] == "urgent" for t in console.queue())

    undone = texts(chat.send("sorry wrong chat, that's not what I meant"))

    assert "cancelled the urgent request" in undone, undone
    assert "only adult living there" in undone, undone  # the form's question again
    assert reference not in [t["reference"] for t in console.queue()]
    assert _tickets(live_servers, chat) == [(reference, "withdrawn", "urgent")]
    with session_scope(live_servers.database_url) as session:
        audit = session.execute(
            select(AuditEvent).where(AuditEvent.subject == f"ticket:{reference}")
        ).scalars()
        assert [(a.actor, a.action) for a in audit] == [("resident", "ticket.withdraw")]
    assert console.claim(reference).url.endswith("/queue?notice=withdrawn")

    # The form goes on from where it was, and ends with a stored discount request.
    asked = texts(chat.send("today"))
    assert "What's your address" in asked, asked
    asked = texts(chat.send("3 Citadel Mews PL1 2JT"))
    assert "account number" in asked, asked


def test_an_alarm_outside_a_form_can_be_withdrawn_and_the_assistant_answers_again(live_servers):
    chat = WebchatClient(live_servers.webchat)
    reference = _reference(
        texts(chat.send("the kids across the road look hungry and dirty all the time"))
    )

    undone = texts(chat.send("no no, wrong button"))

    assert (
        "cancelled the urgent request" in undone and "What can I help you with?" in undone
    ), undone
    assert _tickets(live_servers, chat) == [(reference, "withdrawn", "urgent")]
    answered = texts(chat.send("when is my bin collected"))
    assert "postcode" in answered.lower(), answered


def test_a_crisis_a_safety_rule_matched_is_not_withdrawn_by_saying_it_was_a_mistake(live_servers):
    console = _advisor(live_servers)
    chat = WebchatClient(live_servers.webchat)
    reference = _reference(texts(chat.send("I have nowhere to sleep tonight")))

    kept = texts(chat.send("that's not what I meant"))

    assert "stays with an advisor" in kept, kept
    assert _tickets(live_servers, chat) == [(reference, "open", "urgent")]
    assert reference in [t["reference"] for t in console.queue()]
    # An advisor deals with it, so it does not sit above other tests' tickets.
    assert console.claim(reference).ok and console.close(reference, "Referred to another team").ok


def test_a_false_alarm_claimed_by_an_advisor_stays_with_the_advisor(live_servers):
    console = _advisor(live_servers)
    chat = WebchatClient(live_servers.webchat)
    reference = _reference(
        texts(chat.send("the kids across the road look hungry and dirty all the time"))
    )
    assert console.claim(reference).ok

    assert chat.send("that's not what I meant") == []  # the advisor reads it and answers

    assert _tickets(live_servers, chat) == [(reference, "claimed", "urgent")]
