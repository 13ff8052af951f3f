"""A resident who can't use online services reaches a person at once, ahead of the usual queue."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from actions.extra_support import ActionExtraSupportHandoff
from bot.intents import Priority, Route
from bot.records.support_register import SupportRegister
from bot.records.tickets import TicketQueue
from tests.actions.trackers import fix_clock, run, tracker

OPEN = datetime(2026, 11, 24, 11, 0, tzinfo=ZoneInfo("Europe/London"))


def _on(channel: str, sender_id: str, text: str = "i cant use computers and nobody can help me"):
    state = tracker(text=text, intent="need_extra_support", sender_id=sender_id)
    state.events[-1]["input_channel"] = channel
    return state


def test_a_resident_who_cannot_get_online_is_passed_to_a_person_at_once_ahead_of_high_priority(
    database_url, monkeypatch
):
    fix_clock(monkeypatch, OPEN)
    queue = TicketQueue()
    queue.raise_ticket(
        channel="webchat", sender_id="earlier", intent="register_death", route=Route.ADVISOR,
        priority=Priority.HIGH, reason="r", summary="", form_values={},
    )  # fmt: skip
    messages, events = run(ActionExtraSupportHandoff(), _on("webchat", "resident-1"))
    said = "\n".join(m["text"] for m in messages)
    assert "passing you to a person now" in said and "Your reference is AD-" in said
    assert "?" not in messages[0]["text"]  # no questions before a person
    first = queue.open_tickets()[0]
    assert first.sender_id == "resident-1" and first.priority == Priority.EXTRA_SUPPORT.value
    assert "cannot use online services" in first.reason
    assert any(e["event"] == "pause" for e in events)
    # Nobody is put on the register without their agreement: the advisor asks.
    assert not SupportRegister().is_registered("webchat", "resident-1")
    assert "registered for extra support" not in said


def test_on_webchat_the_register_is_offered_for_this_chat_only(database_url, monkeypatch):
    fix_clock(monkeypatch, OPEN)
    messages, _ = run(ActionExtraSupportHandoff(), _on("webchat", "session-1"))
    said = messages[0]["text"]
    assert "for the rest of this chat" in said and "A new web chat can't tell it's you" in said
    assert "whenever you contact us" not in said and "From now on" not in said


def test_by_text_the_register_is_offered_for_this_number(database_url, monkeypatch):
    fix_clock(monkeypatch, OPEN)
    messages, _ = run(ActionExtraSupportHandoff(), _on("twilio_sms", "+447700900123"))
    assert (
        "whenever you text us from this number, you go straight to a person" in messages[0]["text"]
    )


def test_on_telegram_the_register_is_offered_for_this_chat(database_url, monkeypatch):
    fix_clock(monkeypatch, OPEN)
    messages, _ = run(ActionExtraSupportHandoff(), _on("telegram", "123456789"))
    assert "whenever you message us in this Telegram chat" in messages[0]["text"]
