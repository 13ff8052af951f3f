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
