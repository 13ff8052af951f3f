"""Whether this turn is the message that opened a form, which may already answer its questions."""

from __future__ import annotations

from rasa_sdk import Tracker

#: Intents whose messages must never be read as an answer (a crisis, a person, "no").
INTERRUPTING = frozenset(
    "request_human need_extra_support suicide_self_harm gas_leak safeguarding_concern domestic_abuse "
    "homelessness dangerous_structure deny make_complaint register_death council_tax_arrears "
    "report_antisocial_behaviour".split()
)


def opening_message(tracker: Tracker) -> bool:
    """The form's first turn: the message that started it may already say what and why."""
    intent = (tracker.latest_message.get("intent") or {}).get("name")
    return tracker.get_slot("requested_slot") is None and intent not in INTERRUPTING
