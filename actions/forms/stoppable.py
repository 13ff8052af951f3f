"""Lets a form that chooses its own questions still be stopped by a validator (requested_slot None)."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher


class StoppableForm:
    """Mixin for FormValidationAction subclasses that override ``required_slots``.

    The SDK then appends the next question after the validators have run, which would undo a
    validator's ``requested_slot: None`` ("that postcode is another council's: stop here").
    """

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        events = await super().run(dispatcher, tracker, domain)  # type: ignore[misc]
        stopped = any(_requested(event) and event.get("value") is None for event in events)
        if stopped:
            events = [e for e in events if not (_requested(e) and e.get("value") is not None)]
        return events


def _requested(event: EventType) -> bool:
    return event.get("event") == "slot" and event.get("name") == "requested_slot"
