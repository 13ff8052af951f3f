"""Turns the events Rasa adds in a turn into analytics events (sessions, intents, forms and their questions)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from rasa.shared.core.events import (
    ActionExecuted,
    ActiveLoop,
    Event,
    SessionStarted,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker

from bot.records import insight_events as ev

# Marks the handoff gate puts on messages that never reached language understanding
# (channels/handoff_gate.py: HELD_FOR_ADVISOR, FALSE_ALARM_WITHDRAWN).
_GATE_MARKS = ("held_for_advisor", "false_alarm_withdrawn")
#: Actions that end a form because a person takes over.
_HANDOFF_ACTIONS = frozenset({"action_handoff", "action_extra_support_handoff"})
_CANCEL_ACTION = "action_cancel_form"
_REQUESTED = "requested_slot"


@dataclass
class _Form:
    name: str
    journey: str
    last_question: str | None = None


def _when(event: Event) -> datetime:
    return datetime.fromtimestamp(float(event.timestamp), tz=timezone.utc)


def service_of(form: str) -> str:
    """missed_bin_form -> missed_bin: the transaction's name on the insight pages."""
    return form[: -len("_form")] if form.endswith("_form") else form


class _Reader:
    """Follows the form state through a conversation's events, writing rows for the new ones."""

    def __init__(self, tracker: DialogueStateTracker) -> None:
        self.sender_id = tracker.sender_id
        self.channel = (tracker.get_latest_input_channel() or "unknown")[:20]
        self.acting_for = (
            bool(tracker.get_slot("acting_for")) if "acting_for" in tracker.slots else False
        )
        self.form: _Form | None = None
        self.last_action: str | None = None
        self.rows: list[dict[str, Any]] = []

    def row(self, kind: str, event: Event, **fields: Any) -> None:
        self.rows.append(
            ev.build(
                kind,
                self.sender_id,
                channel=self.channel,
                occurred_at=_when(event),
                acting_for=self.acting_for,
                **fields,
            )
        )

    def end(self, kind: str, event: Event, write: bool) -> None:
        if self.form is not None and write:
            self.row(
                kind,
                event,
                journey=self.form.journey,
                service=service_of(self.form.name),
                question=self.form.last_question,
            )
        self.form = None

    def read(self, event: Event, write: bool) -> None:
        if isinstance(event, SessionStarted):
            self.form = None
            if write:
                self.row(ev.CONVERSATION_STARTED, event)
        elif isinstance(event, UserUttered):
            parse = event.parse_data or {}
            if write and not any(parse.get(mark) for mark in _GATE_MARKS) and event.intent_name:
                self.row(
                    ev.INTENT_RECOGNISED,
                    event,
                    service=event.intent_name,
                    band=ev.confidence_band(event.intent.get("confidence")),
                )
        elif isinstance(event, ActionExecuted):
            self.last_action = event.action_name
        elif isinstance(event, ActiveLoop):
            self.active_loop(event, write)
        elif isinstance(event, SlotSet) and event.key == _REQUESTED:
            if self.form is not None and event.value and event.value != self.form.last_question:
                previous, self.form.last_question = self.form.last_question, str(event.value)
                if write:
                    self.row(
                        ev.QUESTION_ASKED,
                        event,
                        journey=self.form.journey,
                        service=service_of(self.form.name),
                        question=str(event.value),
                        previous_question=previous,
                    )

    def active_loop(self, event: ActiveLoop, write: bool) -> None:
        name = event.name
        if name is None:
            if self.last_action == _CANCEL_ACTION:
                self.end(ev.TRANSACTION_CANCELLED, event, write)
            elif self.last_action in _HANDOFF_ACTIONS:
                self.end(ev.TRANSACTION_HANDED_OFF, event, write)
            else:
                self.end(ev.TRANSACTION_COMPLETED, event, write)
            return
        if self.form is not None and self.form.name == name:
            return  # the same form carrying on
        self.end(ev.TRANSACTION_ABANDONED, event, write)  # another form took its place
        self.form = _Form(name, ev.journey_id(self.sender_id, name, event.timestamp))
        if write:
            self.row(
                ev.TRANSACTION_STARTED, event, journey=self.form.journey, service=service_of(name)
            )


def turn_rows(tracker: DialogueStateTracker, new_events: list[Event]) -> list[dict[str, Any]]:
    """The analytics rows for a turn's new events (the earlier ones give the form state)."""
    events = list(tracker.events)
    first_new = len(events) - len(new_events)
    reader = _Reader(tracker)
    for position, event in enumerate(events):
        reader.read(event, write=position >= first_new)
    return reader.rows


def record_turn(tracker: DialogueStateTracker, new_events: list[Event]) -> None:
    """Write the turn's analytics events; never raises (insight must not break a turn)."""
    if not new_events:
        return
    try:
        rows = turn_rows(tracker, new_events)
    except Exception:
        ev.logger.exception("insight: could not read a turn's events")
        return
    ev.record_many(tracker.sender_id, tracker.get_latest_input_channel(), rows)
