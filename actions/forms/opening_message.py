"""Whether this turn is the message that opened a form, which may already answer its questions."""

from __future__ import annotations

from rasa_sdk import Tracker

from bot.intents import NEVER_AN_ANSWER


def opening_message(tracker: Tracker) -> bool:
    """The form's first turn: the message that started it may already say what and why."""
    intent = (tracker.latest_message.get("intent") or {}).get("name")
    return tracker.get_slot("requested_slot") is None and intent not in NEVER_AN_ANSWER
