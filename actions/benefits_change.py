"""Report a change of circumstances for Housing Benefit or Council Tax Support: what, when, details, postcode."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import context
from actions.formatting import CHECK_A_REQUEST, SEND_OR_NOT, TALK_TO_A_PERSON, button, day_and_date
from actions.forms.resident_answers import (
    person,
    says_stop,
    stop_form,
    validate_confirm,
    validate_date,
    when,
)
from actions.forms.validation import ResidentFormValidation
from actions.postcode_checks import check_local_postcode
from actions.request_store import store_request

SERVICE = "benefits_change"
CHANGE_SLOTS = (
    "benefit_change_kind",
    "benefit_change_date",
    "benefit_change_details",
    "benefit_postcode",
    "benefit_change_confirm",
)
MIN_DETAIL_CHARS = 5
_NOT_PLAIN = re.compile(r"[<>{}\[\]\\]|https?://|www\.", re.IGNORECASE)


def _rules() -> Any:
    rules = context.council().benefits
    assert rules is not None, "benefits.yml is loaded with the council"
    return rules


def read_change(text: str) -> str | None:
    """Which kind of change the text names: a button title or the words in benefits.yml."""
    words = " " + " ".join(re.sub(r"[^a-z0-9' ]", " ", str(text or "").lower()).split()) + " "
    found = []
    for change in _rules().changes:
        if words.strip() in (change.key.replace("_", " "), change.title.lower()):
            return change.key
        found += [(len(word), change.key) for word in change.words if f" {word.lower()} " in words]
    return max(found)[1] if found else None


def _change(key: str | None) -> Any:
    return next((c for c in _rules().changes if c.key == key), None)


def change_buttons() -> list[dict[str, str]]:
    return [button(change.title, change.title) for change in _rules().changes]


class ValidateBenefitsChangeForm(ResidentFormValidation):
    """Checks what changed, when (council limits), a short plain description and the postcode."""

    def name(self) -> str:
        return "validate_benefits_change_form"

    async def extract_benefit_change_kind(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        # "My partner moved in" says what changed on the opening message.
        if tracker.get_slot("requested_slot") is None and not tracker.get_slot(
            "benefit_change_kind"
        ):
            key = read_change(tracker.latest_message.get("text") or "")
            if key and key != "other":
                return {"benefit_change_kind": key}
        return {}

    def validate_benefit_change_kind(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        key = value if _change(value) else read_change(str(value or ""))
        if key:
            return {"benefit_change_kind": key}
        if says_stop(tracker, value):
            return stop_form(dispatcher, {"benefit_change_kind": None})
        dispatcher.utter_message(
            text="Sorry, I didn't catch that. Please choose the closest.", buttons=change_buttons()
        )
        return {"benefit_change_kind": None}

    def validate_benefit_change_date(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        phone = context.council().config.contact.phone
        return validate_date(
            "benefit_change_date",
            value,
            dispatcher,
            tracker,
            _rules().window,
            "date for a change",
            f"We still need to know: an advisor will look at it with you. Please talk to a person or call {phone}.",
            "Please tell us nearer the time, once you know the date for sure.",
        )

    def validate_benefit_change_details(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        text = " ".join(str(value or "").split())
        limit = _rules().description_max_chars
        if says_stop(tracker, text) and len(text) < 20:
            return stop_form(dispatcher, {"benefit_change_details": None})
        if len(text) < MIN_DETAIL_CHARS or not any(c.isalpha() for c in text):
            dispatcher.utter_message(
                text="Please tell me a little about the change, in a sentence or two."
            )
            return {"benefit_change_details": None}
        if len(text) > limit:
            dispatcher.utter_message(
                text=f"Thanks, that's {len(text)} characters. Please keep it under {limit}: just the main "
                'facts, like "I started a new job on 20 hours a week". We\'ll ask for anything else we need.'
            )
            return {"benefit_change_details": None}
        if _NOT_PLAIN.search(text):
            dispatcher.utter_message(
                text="Please describe the change in plain words, without links or symbols."
            )
            return {"benefit_change_details": None}
        return {"benefit_change_details": text}

    def validate_benefit_postcode(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if says_stop(tracker, value):
            return stop_form(dispatcher, {"benefit_postcode": None})
        check = check_local_postcode(str(value or ""), "Housing Benefit and Council Tax Support")
        if check.postcode is None:
            dispatcher.utter_message(text=check.problem, buttons=[TALK_TO_A_PERSON])
            return (
                {"benefit_postcode": None, "requested_slot": None}
                if check.stop
                else {"benefit_postcode": None}
            )
        return {"benefit_postcode": check.postcode}

    def validate_benefit_change_confirm(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return validate_confirm("benefit_change_confirm", value, dispatcher, tracker)


class ActionAskChangeKind(Action):
    """Opens the report by asking what changed, as buttons from the council's data."""

    def name(self) -> str:
        return "action_ask_benefit_change_kind"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        dispatcher.utter_message(
            text=f"I can report a change for {person(tracker).possessive} Housing Benefit or Council Tax "
            "Support. What has changed?",
            buttons=change_buttons(),
        )
        return []


class ActionAskChangeDate(Action):
    """Asks when the change happened (or will)."""

    def name(self) -> str:
        return "action_ask_benefit_change_date"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        dispatcher.utter_message(
            text="When did it change, or when will it? For example: 12/01/2027, 1st March, last Monday or today."
        )
        return []


class ActionAskChangeDetails(Action):
    """Asks for a short description, with the length limit."""

    def name(self) -> str:
        return "action_ask_benefit_change_details"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        limit = _rules().description_max_chars
        dispatcher.utter_message(
            text=f"Please tell me about the change in a sentence or two (up to {limit} characters). "
            'For example: "My partner started work on 16 hours a week".'
        )
        return []


class ActionAskBenefitPostcode(Action):
    """Asks for the postcode of the home the claim is for."""

    def name(self) -> str:
        return "action_ask_benefit_postcode"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        dispatcher.utter_message(
            text="What's the postcode of the home your claim is for? For example, PL1 2AA."
        )
        return []


def change_summary(tracker: Tracker) -> str:
    change = _change(tracker.get_slot("benefit_change_kind"))
    return (
        f"What changed: {change.title if change else 'something else'}\n"
        f"When: {when(tracker.get_slot('benefit_change_date'))}\n"
        f"Details: {tracker.get_slot('benefit_change_details')}\n"
        f"Postcode: {tracker.get_slot('benefit_postcode')}"
    )


class ActionAskChangeConfirm(Action):
    """Reads the change back and asks to send it."""

    def name(self) -> str:
        return "action_ask_benefit_change_confirm"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        dispatcher.utter_message(
            text=f"Here's what I'll send to the benefits team:\n{change_summary(tracker)}\nIs that right?",
            buttons=SEND_OR_NOT,
        )
        return []


class ActionSubmitBenefitsChange(Action):
    """Stores the change once, with the reference, when we'll write, and the overpayment reminder."""

    def name(self) -> str:
        return "action_submit_benefits_change"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        clear = [SlotSet(slot, None) for slot in CHANGE_SLOTS]
        council = context.council()
        kind = tracker.get_slot("benefit_change_kind")
        changed = tracker.get_slot("benefit_change_date")
        details = tracker.get_slot("benefit_change_details")
        postcode = tracker.get_slot("benefit_postcode")
        if not _change(kind) or not changed or not details or not postcode:
            return clear  # the form was stopped early; the reason was already given
        if tracker.get_slot("benefit_change_confirm") is not True:
            return clear
        service = council.service(SERVICE)
        stored = store_request(
            dispatcher,
            tracker,
            service,
            postcode=postcode,
            address=postcode,  # the claim is found by the claimant's postcode; no full address asked
            due_by=council.add_working_days(context.today(), service.timescale_working_days),
            # The team reassesses the claim from what changed, when, and the resident's words.
            # acting_for: who told us, when a relative or carer reported it for the claimant.
            details={
                "change": kind,
                "change_date": changed,
                "description": details,
                "acting_for": tracker.get_slot("acting_for"),
            },
            same_job=[postcode, kind, changed, details],
            what="send this",
        )
        if stored is None:
            return clear
        rules = _rules()
        if stored.created_now:
            text = (
                f"Thank you. I've sent your change to the benefits team: {_change(kind).title}, "
                f"from {when(changed)}.\nYour reference is {stored.reference}.\n"
                f"{service.what_happens_next} We'll write by {day_and_date(stored.due_by)}. "
                f"We may ask you for proof, such as payslips.\n{rules.overpayment_note}"
            )
        else:
            text = (
                f"You've already reported this change, so I haven't sent it twice. The reference is "
                f"{stored.reference} and we'll write by {day_and_date(stored.due_by)}."
            )
        buttons = [CHECK_A_REQUEST]
        if kind == "moved_home":
            buttons.append(button("Tell council tax I've moved", "/council_tax_move"))
        dispatcher.utter_message(text=text, buttons=buttons)
        return clear
