"""Each turn the tracker store saves writes its analytics events: sessions, intents, forms and questions."""

from __future__ import annotations

import asyncio

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    ActiveLoop,
    SessionStarted,
    SlotSet,
    UserUttered,
)
from sqlalchemy import select, text

from bot.privacy import sender_key
from bot.rasa_plugins.tracker_store import CouncilTrackerStore
from bot.storage.engine import get_engine, session_scope
from bot.storage.models import AnalyticsEvent

DOMAIN = Domain.from_yaml(
    """
version: "3.1"
intents: [report_missed_bin, request_bin, deny]
slots:
  acting_for:
    type: text
    influence_conversation: false
    mappings: [{type: custom}]
"""
)


def _run(coroutine):
    return asyncio.run(coroutine)


@pytest.fixture
def store(sqlite_url):
    return CouncilTrackerStore(domain=DOMAIN)


def _turn(store, sender, *events):
    tracker = _run(store.get_or_create_tracker(sender, append_action_listen=False))
    for event in events:
        tracker.update(event)
    _run(store.save(tracker))


def _said(intent: str, confidence: float = 0.95, channel: str = "twilio_sms") -> UserUttered:
    return UserUttered("words", {"name": intent, "confidence": confidence}, input_channel=channel)


def _events() -> list[tuple]:
    with session_scope() as session:
        rows = session.execute(select(AnalyticsEvent).order_by(AnalyticsEvent.id)).scalars()
        return [(r.kind, r.service, r.question, r.band, r.channel, r.journey) for r in rows]


def _start(store, sender):
    _turn(store, sender, ActionExecuted("action_session_start"), SessionStarted())


def test_a_transaction_cancelled_at_its_second_question_is_recorded_turn_by_turn(store):
    _start(store, "+447700900001")
    _turn(
        store,
        "+447700900001",
        _said("report_missed_bin"),
        ActionExecuted("missed_bin_form"),
        ActiveLoop("missed_bin_form"),
        SlotSet("requested_slot", "postcode"),
    )
    _turn(store, "+447700900001", _said("inform", 0.6), SlotSet("requested_slot", "bin_type"))
    _turn(
        store,
        "+447700900001",
        _said("deny", 0.3),
        ActionExecuted("action_cancel_form"),
        ActiveLoop(None),
        SlotSet("requested_slot", None),
    )
    rows = _events()
    journey = rows[2][5]
    assert [row[:5] for row in rows] == [
        ("conversation_started", None, None, None, "unknown"),
        ("intent_recognised", "report_missed_bin", None, "high", "twilio_sms"),
        ("transaction_started", "missed_bin", None, None, "twilio_sms"),
        ("question_asked", "missed_bin", "postcode", None, "twilio_sms"),
        ("intent_recognised", "inform", None, "medium", "twilio_sms"),
        ("question_asked", "missed_bin", "bin_type", None, "twilio_sms"),
        ("intent_recognised", "deny", None, "low", "twilio_sms"),
        ("transaction_cancelled", "missed_bin", "bin_type", None, "twilio_sms"),
    ]
    assert journey and all(row[5] == journey for row in rows[2:] if row[0] != "intent_recognised")
    with session_scope() as session:
        chain = session.execute(
            select(AnalyticsEvent.question, AnalyticsEvent.previous_question)
            .where(AnalyticsEvent.kind == "question_asked")
            .order_by(AnalyticsEvent.id)
        ).all()
        keys = set(session.execute(select(AnalyticsEvent.conversation_key)).scalars())
    assert chain == [("postcode", None), ("bin_type", "postcode")]
    assert keys == {sender_key("+447700900001")}  # the keyed hash, never the number


def test_a_form_filled_in_is_completed_and_one_left_for_another_is_abandoned(store):
    _start(store, "web-1")
    _turn(
        store,
        "web-1",
        _said("report_missed_bin", channel="webchat"),
        ActiveLoop("missed_bin_form"),
        SlotSet("requested_slot", "postcode"),
    )
    _turn(
        store,
        "web-1",
        _said("request_bin", channel="webchat"),
        ActiveLoop("request_bin_form"),
        SlotSet("requested_slot", "bin_container"),
    )
    _turn(
        store,
        "web-1",
        _said("inform", channel="webchat"),
        ActionExecuted("request_bin_form"),
        ActiveLoop(None),
        SlotSet("requested_slot", None),
        ActionExecuted("action_submit_request_bin"),
    )
    endings = [row[:3] for row in _events() if row[0].startswith("transaction_")]
    assert endings == [
        ("transaction_started", "missed_bin", None),
        ("transaction_abandoned", "missed_bin", "postcode"),
        ("transaction_started", "request_bin", None),
        ("transaction_completed", "request_bin", "bin_container"),
    ]


def test_a_handoff_in_the_middle_of_a_form_ends_it_as_handed_off(store):
    _start(store, "chat-9")
    _turn(
        store,
        "chat-9",
        _said("report_missed_bin", channel="telegram"),
        ActiveLoop("missed_bin_form"),
        SlotSet("requested_slot", "postcode"),
    )
    _turn(
        store,
        "chat-9",
        _said("request_human", channel="telegram"),
        ActionExecuted("action_handoff"),
        ActiveLoop(None),
    )
    assert _events()[-1][:3] == ("transaction_handed_off", "missed_bin", "postcode")


def test_a_message_held_for_an_advisor_is_not_counted_as_an_intent(store):
    _start(store, "web-2")
    held = UserUttered(
        "hello?",
        {"name": None, "confidence": 0.0},
        parse_data={"text": "hello?", "held_for_advisor": True},
        input_channel="webchat",
    )
    _turn(store, "web-2", held)
    assert [row[0] for row in _events()] == ["conversation_started"]


def test_the_turn_is_saved_even_when_insight_cannot_be_written(store):
    with get_engine().begin() as connection:
        connection.execute(text("DROP TABLE analytics_events"))
    _start(store, "web-3")
    _turn(store, "web-3", _said("greet", channel="webchat"))
    tracker = _run(CouncilTrackerStore(domain=DOMAIN).retrieve("web-3"))
    assert tracker is not None and tracker.latest_message.intent_name == "greet"
