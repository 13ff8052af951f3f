"""Handoffs: safety signposts first, an honest queue message, and a ticket with context."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from actions import context
from actions.handoff import ActionHandoff
from bot.records.tickets import TicketQueue
from tests.actions.trackers import fix_clock, run, tracker

UK = ZoneInfo("Europe/London")
OPEN = datetime(2026, 11, 24, 11, 0, tzinfo=UK)  # a Tuesday morning
CLOSED = datetime(2026, 11, 22, 22, 0, tzinfo=UK)  # a Sunday night


def _handoff(intent: str, at: datetime, monkeypatch, text: str = "help", **kwargs):
    fix_clock(monkeypatch, at)
    history = [
        {
            "event": "user",
            "text": "my bin was missed",
            "parse_data": {"intent": {"name": "report_missed_bin"}},
        }
    ]
    return run(ActionHandoff(), tracker(text=text, intent=intent, events=history, **kwargs))


@pytest.mark.parametrize(
    ("intent", "number"),
    [
        ("suicide_self_harm", "116 123"),
        ("gas_leak", "0800 111 999"),
        ("domestic_abuse", "0808 2000 247"),
        ("safeguarding_concern", "999"),
    ],
)
def test_emergency_and_urgent_topics_give_the_safety_number_in_the_first_message(
    database_url, monkeypatch, intent, number
):
    messages, _ = _handoff(intent, OPEN, monkeypatch)
    assert number in messages[0]["text"]
    assert "urgent" in messages[1]["text"]
    assert "999" in messages[1]["text"]
    ticket = TicketQueue().open_tickets()[0]
    assert ticket.priority == "urgent"


def test_the_ticket_carries_what_the_resident_said_and_why_it_was_raised(database_url, monkeypatch):
    _handoff(
        "domestic_abuse",
        OPEN,
        monkeypatch,
        text="my partner hurts me",
        slots={"postcode": "PL1 2JT"},
        parse_extra={"crisis_rule": "partner violence"},
    )
    ticket = TicketQueue().open_tickets()[0]
    assert "my bin was missed" in ticket.summary and "my partner hurts me" in ticket.summary
    assert ticket.form_values == {"postcode": "PL1 2JT"}
    assert ticket.reason == "Safety rule matched: partner violence"
    assert ticket.channel == "webchat"


def test_out_of_hours_the_resident_is_told_honestly_and_given_the_out_of_hours_number(
    database_url, monkeypatch
):
    council = context.council()
    messages, _ = _handoff("homelessness", CLOSED, monkeypatch)
    text = messages[-1]["text"]
    assert "aren't working right now" in text
    assert council.opening_hours_text() in text
    assert council.config.out_of_hours_phone in text


def test_in_hours_an_advisor_topic_gives_the_queue_position_and_phone(database_url, monkeypatch):
    council = context.council()
    messages, _ = _handoff("make_complaint", OPEN, monkeypatch)
    text = messages[-1]["text"]
    assert "You're next" in text
    assert council.config.contact.phone in text
    assert TicketQueue().open_tickets()[0].priority == "normal"


def test_bereavement_goes_to_the_queue_with_high_priority(database_url, monkeypatch):
    _handoff("register_death", OPEN, monkeypatch)
    assert TicketQueue().open_tickets()[0].priority == "high"


def test_council_tax_arrears_signposts_free_debt_advice(database_url, monkeypatch):
    messages, _ = _handoff("council_tax_arrears", OPEN, monkeypatch)
    assert "StepChange" in messages[0]["text"] or "National Debtline" in messages[0]["text"]


def test_a_handoff_ends_any_form_in_progress(database_url, monkeypatch):
    _, events = _handoff("request_human", OPEN, monkeypatch, active_loop="missed_bin_form")
    assert {"event": "active_loop", "name": None} in [
        {"event": e["event"], "name": e.get("name")} for e in events if e["event"] == "active_loop"
    ]


def test_if_the_queue_cannot_be_reached_an_urgent_resident_still_gets_numbers_to_call(
    monkeypatch, tmp_path
):
    from tests.conftest import reset_cached_state

    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path}/no/such/dir/x.db")
    reset_cached_state()
    messages, _ = _handoff("suicide_self_harm", OPEN, monkeypatch)
    assert "116 123" in messages[0]["text"]
    assert "couldn't pass this to an advisor" in messages[1]["text"]
    assert "999" in messages[1]["text"]
    reset_cached_state()


def test_a_place_already_given_reaches_the_advisor_as_one_readable_line(database_url, monkeypatch):
    place = {"description": "behind the Co-op", "street": "Union Street", "postcode": None}
    _handoff("request_human", OPEN, monkeypatch, slots={"report_location": place})
    ticket = TicketQueue().open_tickets()[0]
    assert ticket.form_values == {"report_location": "behind the Co-op, Union Street"}


def test_out_of_hours_on_webchat_nobody_is_promised_a_reply_after_the_page_is_closed(
    database_url, monkeypatch
):
    council = context.council()
    messages, _ = _handoff("complaint", CLOSED, monkeypatch)
    text = messages[-1]["text"]
    assert "will reply here when we open" not in text
    assert "only reach this chat while this page is open" in text
    assert f"call us on {council.config.contact.phone} when we open" in text


def _audit_subjects() -> list[str]:
    from sqlalchemy import select

    from bot.storage.engine import session_scope
    from bot.storage.models import AuditEvent

    with session_scope() as session:
        return [
            e.subject
            for e in session.execute(select(AuditEvent)).scalars()
            if e.action == "ticket.not_raised"
        ]


@pytest.mark.parametrize(
    ("intent", "text"),
    [
        ("domestic_abuse", "x" * 100),
        ("domestic_abuse", "abuse abuse abuse abuse abuse abuse"),
        ("suicide_self_harm", "kill kill kill kill"),
        ("gas_leak", "smell smell smell smell"),
        ("suicide_self_harm", "/suicide_self_harm"),
        ("safeguarding_concern", "child child child child"),
    ],
)
def test_a_sure_guess_on_text_that_is_not_language_gives_the_numbers_but_no_urgent_ticket(
    database_url, monkeypatch, intent, text
):
    number = context.council().information_for(intent).text

    messages, events = _handoff(intent, OPEN, monkeypatch, text=text)

    assert messages[0]["text"] == number
    assert "999" in messages[-1]["text"] and "AD-" not in messages[-1]["text"]
    assert TicketQueue().open_tickets() == []
    assert {"event": "pause"} not in [{"event": e["event"]} for e in events]
    assert _audit_subjects() == [f"no_language:urgent:{intent}"]


def _from_address(sender: str, address: str, text: str = "my partner hurts me") -> dict:
    from bot.records.rate_limits import CLIENT_KEY, client_key

    return {
        "sender_id": sender,
        "text": text,
        "parse_extra": {
            "crisis_rule": "partner violence",
            "metadata": {CLIENT_KEY: client_key(address)},
        },
    }


def test_when_one_address_has_raised_its_tickets_a_resident_in_danger_still_gets_the_numbers_first(
    database_url, monkeypatch
):
    for n in range(10):
        _handoff("domestic_abuse", OPEN, monkeypatch, **_from_address(f"chat-{n}", "203.0.113.7"))
    assert len(TicketQueue().open_tickets()) == 10

    messages, events = _handoff(
        "domestic_abuse", OPEN, monkeypatch, **_from_address("chat-10", "203.0.113.7")
    )

    assert "0808 2000 247" in messages[0]["text"]
    assert "999" in messages[-1]["text"] and "call us on" in messages[-1]["text"]
    assert len(TicketQueue().open_tickets()) == 10
    assert TicketQueue().open_ticket_for("chat-10") is None
    assert _audit_subjects() == ["address:urgent:domestic_abuse"]
    # Another address is not held back by this one.
    _handoff("domestic_abuse", OPEN, monkeypatch, **_from_address("chat-11", "198.51.100.1"))
    assert TicketQueue().open_ticket_for("chat-11") is not None


def test_a_conversation_raises_at_most_three_new_tickets_a_day(database_url, monkeypatch):
    queue = TicketQueue()
    for _ in range(3):
        _handoff("request_human", OPEN, monkeypatch, sender_id="chat-1")
        ticket = queue.open_ticket_for("chat-1")
        assert ticket is not None
        _close(ticket.reference)

    messages, _ = _handoff("request_human", OPEN, monkeypatch, sender_id="chat-1")

    assert queue.open_ticket_for("chat-1") is None
    assert "can't pass another request" in messages[-1]["text"]
    assert _audit_subjects() == ["conversation:normal:request_human"]


def test_a_conversation_already_with_the_advisors_updates_its_ticket_without_using_a_place(
    database_url, monkeypatch
):
    for _ in range(6):
        _handoff("domestic_abuse", OPEN, monkeypatch, **_from_address("chat-1", "203.0.113.7"))

    assert len(TicketQueue().open_tickets()) == 1
    assert _audit_subjects() == []


def _close(reference: str) -> None:
    from sqlalchemy import update

    from bot.storage.engine import session_scope
    from bot.storage.models import HandoffTicket

    with session_scope() as session:
        session.execute(
            update(HandoffTicket)
            .where(HandoffTicket.reference == reference)
            .values(status="closed", outcome="Resolved")
        )
