"""When the assistant doesn't understand: rephrase once, then offer a person (two strikes)."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, UserUtteranceReverted
from rasa_sdk.executor import CollectingDispatcher

from actions import context
from actions.formatting import TALK_TO_A_PERSON, button

FALLBACK_INTENT = "nlu_fallback"
STRIKES_BEFORE_PERSON = 2


def consecutive_misunderstandings(tracker: Tracker) -> int:
    """How many of the resident's latest messages in a row were not understood."""
    count = 0
    for event in reversed(tracker.events):
        if event.get("event") != "user":
            continue
        intent = ((event.get("parse_data") or {}).get("intent") or {}).get("name")
        if intent != FALLBACK_INTENT:
            break
        count += 1
    return count


class ActionFallback(Action):
    """First miss: ask again with examples. Second miss in a row: offer a person."""

    def name(self) -> str:
        return "action_fallback"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        council = context.council()
        if consecutive_misunderstandings(tracker) >= STRIKES_BEFORE_PERSON:
            dispatcher.utter_message(
                text="Sorry, I'm still not understanding. Would you like to talk to a person? "
                f"You can also call us on {council.config.contact.phone} ({council.opening_hours_text()}).",
                buttons=[TALK_TO_A_PERSON, button("Try again", "/greet")],
            )
        else:
            dispatcher.utter_message(
                text="Sorry, I didn't understand that. Could you say it another way? "
                "For example: 'my bin wasn't collected' or 'how do I pay council tax'.",
                buttons=[TALK_TO_A_PERSON],
            )
        # Forget the misunderstood turn for the dialogue policies, so it can't derail a form.
        return [UserUtteranceReverted()]
