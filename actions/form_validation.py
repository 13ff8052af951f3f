"""The base of every form's validator: an answer is not lost to a weak guess at another request.

A form's free-text questions (where is it, what happened) map the resident's words to the
slot unless the classifier thinks the message is another request, such as council tax arrears
or a complaint; those must be able to interrupt a form. But an answer like "behind the Co-op"
can score a little for arrears ("behind"), and then the answer was lost and the resident was
handed to an advisor. Here a message whose other-request guess is weak is taken as the answer
to the question asked. Crisis topics, "talk to a person" and "no" always interrupt, whatever
the score: the crisis rules and those controls must never depend on a classifier's confidence.
"""

from __future__ import annotations

from abc import abstractmethod

from rasa_sdk import FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from bot.intents import CRISIS_INTENTS
from bot.nlu.crisis_guess import is_certain_crisis

#: Below this, a guess that the message is another request does not interrupt an answer.
WEAK_INTENT_CONFIDENCE = 0.6
#: Always interrupt a form, at any confidence.
ALWAYS_INTERRUPT: frozenset[str] = frozenset(CRISIS_INTENTS) | {"request_human", "deny"}


def weakly_blocked_answer(tracker: Tracker, domain: DomainDict, form: str) -> str | None:
    """The text to take as the answer to the requested slot, or None to leave it to Rasa."""
    requested = tracker.get_slot("requested_slot")
    text = (tracker.latest_message.get("text") or "").strip()
    if not requested or not text or text.startswith("/") or tracker.get_slot(requested) is not None:
        return None
    intent = tracker.latest_message.get("intent") or {}
    name, confidence = intent.get("name"), float(intent.get("confidence") or 0.0)
    if name in CRISIS_INTENTS and not is_certain_crisis(tracker.latest_message):
        pass  # a crisis guessed by the classifier alone, not very likely: keep the answer
    elif not name or name in ALWAYS_INTERRUPT or confidence >= WEAK_INTENT_CONFIDENCE:
        return None
    for mapping in (domain.get("slots", {}).get(requested) or {}).get("mappings", []):
        if mapping.get("type") != "from_text" or name not in (mapping.get("not_intent") or []):
            continue
        for condition in mapping.get("conditions") or []:
            if condition.get("active_loop") == form and condition.get("requested_slot") in (
                None,
                requested,
            ):
                return text
    return None


class ResidentFormValidation(FormValidationAction):
    """FormValidationAction that keeps answers a weak other-request guess would have dropped."""

    @abstractmethod
    def name(self) -> str:
        """Abstract, so the action server registers only the real forms."""

    async def get_extraction_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        events = await super().get_extraction_events(dispatcher, tracker, domain)
        requested = tracker.get_slot("requested_slot")
        if any(event.get("name") == requested for event in events):
            return events
        text = weakly_blocked_answer(tracker, domain, self.form_name())
        if text is None:
            return events
        tracker.slots[requested] = text  # validators below read the answer from the tracker
        return [*events, SlotSet(requested, text)]
