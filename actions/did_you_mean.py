"""After "Do you want to report a missed bin?": a yes, or an answer instead of a yes, starts it.

The fallback asks that question when the classifier's guess at a transaction was too unsure
to start it (actions/fallback.py). A resident may then type "yes please" rather than press the
button, or just carry on with what the form would ask ("PL2 3QP", "it's 14 Tamar Road"). Both
mean yes. A "no", gibberish or another language does not.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction
from rasa_sdk.executor import CollectingDispatcher

from bot.intents import NOT_UNDERSTOOD_KEY
from bot.settings import PROJECT_ROOT

RULES = PROJECT_ROOT / "bot" / "data" / "rules"
FALLBACK_ACTION = "action_fallback"


@lru_cache(maxsize=1)
def starting_actions(rules_dir: Path = RULES) -> dict[str, str]:
    """Which action each request starts, read from the dialogue rules ("intent X, then action Y")."""
    found: dict[str, str] = {}
    for path in sorted(rules_dir.glob("*.yml")):
        for rule in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("rules") or []:
            steps = rule.get("steps") or []
            if rule.get("condition") or len(steps) < 2:
                continue
            intent, action = steps[0].get("intent"), steps[1].get("action")
            if intent and action:
                found.setdefault(intent, action)
    return found


def pending_suggestion(tracker: Tracker) -> str | None:
    """The transaction the assistant asked about just before this message, if it did."""
    users = [i for i, e in enumerate(tracker.events) if e.get("event") == "user"]
    if len(users) < 2:
        return None
    previous, latest = users[-2], users[-1]
    answered = [
        e.get("name") for e in tracker.events[previous:latest] if e.get("event") == "action"
    ]
    parse = tracker.events[previous].get("parse_data") or {}
    if FALLBACK_ACTION not in answered or parse.get(NOT_UNDERSTOOD_KEY) != "weak":
        return None
    from actions.fallback import suggested_transaction

    return suggested_transaction(parse)


def start_suggested(tracker: Tracker) -> list[EventType] | None:
    """Start the transaction asked about, unless this message is no answer at all."""
    latest = tracker.latest_message or {}
    if latest.get(NOT_UNDERSTOOD_KEY) in {"gibberish", "language"}:
        return None
    intent = pending_suggestion(tracker)
    action = starting_actions().get(intent or "")
    return [FollowupAction(action)] if action else None


class ActionYesOutsideForm(Action):
    """A "yes" with no form open: yes to the transaction just asked about, or "what else?"."""

    def name(self) -> str:
        return "action_yes_outside_form"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        started = start_suggested(tracker)
        if started is not None:
            return started
        dispatcher.utter_message(response="utter_anything_else")
        return []
