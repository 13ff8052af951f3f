"""The base of every form's validator: an answer is not lost to a weak guess at another request.

A form's free-text questions (where is it, what happened) map the resident's words to the
slot unless the classifier thinks the message is another request, such as council tax arrears
or a complaint; those must be able to interrupt a form. But an answer like "behind the Co-op"
can score a little for arrears ("behind"), and then the answer was lost and the resident was
handed to an advisor. Here a message whose other-request guess is weak is taken as the answer
to the question asked. Crisis topics, "talk to a person" and "no" always interrupt, whatever
the score: the crisis rules and those controls must never depend on a classifier's confidence.

Before any of that, every form hears conversation repair (``actions/forms/repair.py``): "cancel"
stops the form with nothing stored, "what?" asks again, "how much will it cost?" is answered and
the question asked again, "I don't know" says why it's needed, and "sorry, it was the green one"
changes that earlier answer and carries on (read back again where the form reads back).
"""

from __future__ import annotations

from abc import abstractmethod
from typing import Any

from rasa_sdk import FormValidationAction, Tracker, utils
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import context
from actions.channel_promises import known_mobile
from actions.fallback import not_understood_in_form
from actions.formatting import TALK_TO_A_PERSON, button
from actions.forms.repair import (
    DEPENDENTS,
    DESCRIPTIONS,
    SELF_HANDLED_DONT_KNOW,
    SHORT_MESSAGE_WORDS,
    Repair,
    detect_repair,
    is_contact_question,
    read_correction,
    topic_slots,
    why_needed,
)
from bot.intents import ALWAYS_INTERRUPT, NOT_A_REPAIR
from bot.nlu.crisis_decision import crisis_in_parse

#: Below this, a guess that the message is another request does not interrupt an answer.
WEAK_INTENT_CONFIDENCE = (
    0.7  # "behind the Co-op on Union Street" scored 0.63 for arrears once the data grew
)


def weakly_blocked_answer(tracker: Tracker, domain: DomainDict, form: str) -> str | None:
    """The text to take as the answer to the requested slot, or None to leave it to Rasa."""
    requested = tracker.get_slot("requested_slot")
    text = (tracker.latest_message.get("text") or "").strip()
    if not requested or not text or text.startswith("/") or tracker.get_slot(requested) is not None:
        return None
    intent = tracker.latest_message.get("intent") or {}
    name, confidence = intent.get("name"), float(intent.get("confidence") or 0.0)
    crisis = crisis_in_parse(tracker.latest_message)
    if crisis is not None and not crisis.certain:
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


#: What a stopped form offers next, so the resident is never left at a dead end.
WHAT_NEXT = [
    button("Report a missed bin", "/report_missed_bin"),
    button("Check a request", "/check_request_status"),
    TALK_TO_A_PERSON,
]
#: Events that may come between the resident's message and this form's turn.
_TURN_EVENTS = frozenset({"slot", "user_featurization", "active_loop", "loop"})


def answer_turn(tracker: Tracker, form: str) -> bool:
    """This run reads a new message typed in answer to one of the form's questions.

    Not the message that opened the form, and not the form coming back after another action
    (a handoff, an answer) with the same message still the latest.
    """
    if not tracker.get_slot("requested_slot"):
        return False
    seen_form = False
    for event in reversed(tracker.events):
        kind = event.get("event")
        if kind == "user":
            return seen_form
        if kind == "action":
            name = event.get("name")
            if name == form and not seen_form:
                seen_form = True
            elif name not in ("action_extract_slots", "action_listen", form):
                return False
        elif kind not in _TURN_EVENTS:
            return False
    return False


class ResidentFormValidation(FormValidationAction):
    """FormValidationAction that keeps answers a weak other-request guess would have dropped."""

    #: "cancel" stops this form (not so in the form that cancels a booking).
    cancel_word_stops = True
    #: The service whose timescale answers "when will they come?" (services.yml), if any.
    service_key: str | None = None
    #: Questions asked back are answered here (not in a form whose answers are themselves
    #: questions, like "when do applications close?" for school admissions).
    answers_questions = True
    #: What the form would store, for "Nothing has been <stored>".
    nothing_done = "Nothing has been stored or sent."

    @abstractmethod
    def name(self) -> str:
        """Abstract, so the action server registers only the real forms."""

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        # Gibberish or another language is no answer: say so (in that language, or offering a
        # person after two misses) and ask the same question again.
        if not_understood_in_form(dispatcher, tracker):
            requested = tracker.get_slot("requested_slot")
            return [SlotSet(requested, None)] if requested else []
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        text = tracker.latest_message.get("text") or ""
        # "Will someone ring me about it?" reads like asking for a person, but asks what happens next.
        asks_about_contact = intent == "request_human" and is_contact_question(text)
        if (intent not in NOT_A_REPAIR or asks_about_contact) and answer_turn(
            tracker, self.form_name()
        ):
            repair = detect_repair(text)
            if (
                tracker.get_slot("requested_slot") in DESCRIPTIONS
                and len(text.split()) > SHORT_MESSAGE_WORDS
            ):
                repair = None  # a description in their own words, however it is phrased
            if repair is not None and not (
                repair.kind == "cancel" and not self._cancel_applies(text)
            ):
                events = await self.repair(repair, text, dispatcher, tracker, domain)
                if events is not None:
                    return events
            if repair is None and intent == "bot_challenge":
                dispatcher.utter_message(response="utter_iamabot")
                return await self._ask_again(dispatcher, tracker, domain)
        return await super().run(dispatcher, tracker, domain)

    def _cancel_applies(self, text: str) -> bool:
        return self.cancel_word_stops or "cancel" not in text.lower()

    async def repair(
        self,
        repair: Repair,
        text: str,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[EventType] | None:
        """The events for a repair; None leaves the message to the form as an answer."""
        requested = tracker.get_slot("requested_slot")
        if repair.kind == "cancel":
            return await self.stop_form(dispatcher, tracker, domain)
        if repair.kind == "repeat":
            return await self._ask_again(dispatcher, tracker, domain)
        if repair.kind == "thanks":
            if requested and requested.endswith("_confirm"):
                return None  # "ok thanks" to a read-back may mean yes: the form decides
            return await self._ask_again(dispatcher, tracker, domain)
        if repair.kind == "question":
            if not self.answers_questions:
                return None
            answer = self.answer_question(repair.topic, tracker)
            if answer is None:
                return None
            dispatcher.utter_message(text=answer)
            return await self._ask_again(dispatcher, tracker, domain)
        if repair.kind == "dont_know":
            if requested in SELF_HANDLED_DONT_KNOW:
                return None
            dispatcher.utter_message(
                text=self.dont_know_text(requested), buttons=[TALK_TO_A_PERSON]
            )
            return await self._ask_again(dispatcher, tracker, domain)
        if repair.kind == "correction":
            return await self.correct(text, dispatcher, tracker, domain)
        return None

    async def _form_slots(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[str]:
        return list(
            await self.required_slots(self.domain_slots(domain), dispatcher, tracker, domain)
        )

    async def _ask_again(
        self,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
        changes: dict[str, Any] | None = None,
    ) -> list[EventType]:
        """Undo what the message filled in, keep any changes, and ask the first open question."""
        requested = tracker.get_slot("requested_slot")
        updates: dict[str, Any] = {requested: None} if requested else {}
        updates.update(changes or {})
        tracker.slots.update(updates)
        slots = await self._form_slots(dispatcher, tracker, domain)
        following = next((slot for slot in slots if tracker.get_slot(slot) is None), None)
        return [SlotSet(slot, value) for slot, value in updates.items()] + [
            SlotSet("requested_slot", following)
        ]

    async def stop_form(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """Stop kindly with nothing stored, and offer what next."""
        dispatcher.utter_message(
            text=f"OK, I've stopped there. {self.nothing_done} What would you like to do instead?",
            buttons=WHAT_NEXT,
        )
        slots = await self._form_slots(dispatcher, tracker, domain)
        requested = tracker.get_slot("requested_slot")
        cleared = {*slots, *([requested] if requested else [])}
        return [SlotSet(slot, None) for slot in sorted(cleared)] + [SlotSet("requested_slot", None)]

    def answer_question(self, topic: str, tracker: Tracker) -> str | None:
        """The answer to a question asked mid-form ("why", "cost" or "when"); None if none."""
        requested = tracker.get_slot("requested_slot") or ""
        if topic == "why":
            return why_needed(requested)
        if topic == "cost":
            return self.cost_answer(tracker)
        if topic == "when":
            return self.when_answer(tracker)
        if topic == "contact":
            return self.contact_answer(tracker)
        return None

    def contact_answer(self, tracker: Tracker) -> str:
        """Whether anyone will be in touch, promising only what this channel can keep."""
        if known_mobile(tracker):
            how = "If we need anything more, we'll text this number."
        else:
            how = "I don't take a phone number in this chat, so nobody will ring you about it."
        return (
            f"{how} You'll get a reference at the end: you can ask me about it here any time. "
            "If you'd rather speak to someone now, choose 'Talk to a person'."
        )

    def cost_answer(self, tracker: Tracker) -> str:
        return "There's no charge for this."

    def when_answer(self, tracker: Tracker) -> str:
        if self.service_key is None:
            return "I'll tell you what happens next, and by when, as soon as I have your answers."
        service = context.council().service(self.service_key)
        return (
            f"We aim to do it within {service.timescale_working_days} working days. "
            "I'll give you the date once I have your answers."
        )

    def dont_know_text(self, slot: str | None) -> str:
        if slot and slot.endswith("_date"):
            return (
                "Roughly is fine: the nearest date you remember, like 'the start of March'. "
                + why_needed(slot)
            )
        return f"{why_needed(slot or '')} If you're not sure, a person can help instead."

    async def correct(
        self, text: str, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType] | None:
        """Put an earlier answer right ("sorry, it was the green one", "no, number 14")."""
        requested = tracker.get_slot("requested_slot")
        typed = tracker.get_slot(requested) if requested else None
        if requested:
            tracker.slots[requested] = None  # the correction is not the answer to this question
        slots = await self._form_slots(dispatcher, tracker, domain)
        answered = [s for s in slots if s != requested and tracker.get_slot(s) is not None]
        for slot in [*reversed(answered), *([requested] if requested in slots else [])]:
            candidate = read_correction(slot, text, tracker.get_slot(slot))
            if candidate is None:
                continue
            return await self._apply_correction(slot, candidate, dispatcher, tracker, domain)
        named = [s for s in topic_slots(text, slots) if s in answered or s == requested]
        if named:
            dispatcher.utter_message(text="No problem, let's put that right.")
            return await self._ask_again(
                dispatcher, tracker, domain, self._cleared_with_dependents(named, slots)
            )
        if requested:
            tracker.slots[requested] = typed  # not a correction after all: an answer
        return None

    async def _apply_correction(
        self,
        slot: str,
        candidate: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[EventType]:
        requested = tracker.get_slot("requested_slot")
        slots = await self._form_slots(dispatcher, tracker, domain)
        before = tracker.get_slot(slot)
        changes = self._cleared_with_dependents([slot], slots)
        changes.pop(slot, None)
        tracker.slots.update(changes)
        validate = getattr(self, f"validate_{slot}", None)
        result: dict[str, Any] = {slot: candidate}
        if validate is not None:
            # The new value is checked as a plain answer: the "no" in "no, number 14" is not a stop.
            said = tracker.latest_message
            tracker.latest_message = {**said, "intent": {"name": None, "confidence": 0.0}}
            try:
                output = await utils.call_potential_coroutine(
                    validate(candidate, dispatcher, tracker, domain)
                )
            finally:
                tracker.latest_message = said
            result = output if isinstance(output, dict) else {slot: None}
        if "requested_slot" in result and result["requested_slot"] is None:
            events = [
                SlotSet(k, v) for k, v in {**changes, **result}.items() if k != "requested_slot"
            ]
            return [*events, SlotSet("requested_slot", None)]
        if result.get(slot) is not None and slot != requested and before is not None:
            dispatcher.utter_message(text="Thanks, I've changed that.")
        return await self._ask_again(dispatcher, tracker, domain, {**changes, **result})

    @staticmethod
    def _cleared_with_dependents(named: list[str], slots: list[str]) -> dict[str, Any]:
        cleared: dict[str, Any] = {}
        for slot in named:
            cleared[slot] = None
            for later in DEPENDENTS.get(slot, ()):
                if later in slots:
                    cleared[later] = None
        for slot in slots:
            if slot.endswith("_confirm"):
                cleared[slot] = None  # read the answers back again
        return cleared

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
