"""Report fly-tipping: what was dumped, how much, where, when it was seen; read back, confirm, store once."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import context
from actions.formatting import CHECK_A_REQUEST, SEND_OR_NOT, button, day_and_date
from actions.forms.opening_message import opening_message
from actions.forms.validation import ResidentFormValidation
from actions.report_location import Location, LocationQuestion
from actions.request_store import store_request
from bot.word_match import match_one

SERVICE = "fly_tipping"
REPORT_SLOTS = (
    "fly_tipping_kind", "fly_tipping_amount", "report_location", "fly_tipping_seen", "fly_tipping_confirm",
)  # fmt: skip
NOT_GIVEN = "not given"
MAX_BUTTONS = 9
MAX_SEEN_CHARS = 80
_SKIP = (
    "skip",
    "not sure",
    "dont know",
    "don't know",
    "no idea",
    "unsure",
    "can't remember",
    "cant remember",
)


def rules() -> Any:
    return context.council().fly_tipping


def _kind_terms() -> list[tuple[str, tuple[str, ...]]]:
    return [(k.key, (k.name, *k.synonyms)) for k in rules().kinds]


def _amount_terms() -> list[tuple[str, tuple[str, ...]]]:
    return [(a.key, (a.name, *a.synonyms)) for a in rules().amounts]


class ValidateFlyTippingForm(LocationQuestion, ResidentFormValidation):
    """Checks each answer against the council's list of kinds and amounts, and the place."""

    location_for = "fly-tipping"

    service_key = SERVICE

    def name(self) -> str:
        return "validate_fly_tipping_form"

    async def extract_fly_tipping_kind(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        # "There's a mattress dumped in the lane" names the kind on the opening message.
        if opening_message(tracker) and not tracker.get_slot("fly_tipping_kind"):
            found = match_one(tracker.latest_message.get("text") or "", _kind_terms())
            if found and found != "other":
                return {"fly_tipping_kind": found}
        return {}

    async def extract_fly_tipping_amount(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        # "a van load of rubbish dumped in the lane" says how much on the opening message.
        if opening_message(tracker) and not tracker.get_slot("fly_tipping_amount"):
            found = match_one(tracker.latest_message.get("text") or "", _amount_terms())
            if found:
                return {"fly_tipping_amount": found}
        return {}

    def validate_fly_tipping_kind(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        text = str(value or "")
        key = text if rules().kind(text) else match_one(text, _kind_terms())
        kind = rules().kind(key) if key else None
        if kind is None:
            dispatcher.utter_message(
                text="Sorry, I didn't catch what's been dumped. Please choose one."
            )
            return {"fly_tipping_kind": None}
        if kind.hazardous:
            dispatcher.utter_message(text=rules().hazard_advice)
        return {"fly_tipping_kind": kind.key}

    def validate_fly_tipping_amount(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        text = str(value or "")
        key = text if rules().amount(text) else match_one(text, _amount_terms())
        if key is None:
            dispatcher.utter_message(
                text="Sorry, I didn't catch how much there is. Please choose one."
            )
            return {"fly_tipping_amount": None}
        return {"fly_tipping_amount": key}

    def validate_fly_tipping_seen(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        text = " ".join(str(value or "").split())
        if not text or text.lower().strip(" .!") in _SKIP or text == NOT_GIVEN:
            return {"fly_tipping_seen": NOT_GIVEN}
        if len(text) > MAX_SEEN_CHARS:
            dispatcher.utter_message(
                text="Please keep it short, for example 'this morning' or 'Sunday night', or press Skip."
            )
            return {"fly_tipping_seen": None}
        return {"fly_tipping_seen": text}

    def validate_fly_tipping_confirm(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        return {"fly_tipping_confirm": True if value is True else None}


class ActionAskFlyTippingKind(Action):
    """Asks what has been dumped, with a button for each kind in the council's list."""

    def name(self) -> str:
        return "action_ask_fly_tipping_kind"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        kinds = list(rules().kinds)
        other = [k for k in kinds if k.key == "other"]
        # A text message shows nine options: the first kinds in the council's order, then "something else".
        shown = [k for k in kinds if k.key != "other"][: MAX_BUTTONS - len(other)] + other
        dispatcher.utter_message(
            text="I can report fly-tipping for you. What has been dumped? Choose one, or tell me in "
            "your own words.",
            buttons=[button(k.name[0].upper() + k.name[1:], k.key) for k in shown],
        )
        return []


class ActionAskFlyTippingAmount(Action):
    """Asks how much there is."""

    def name(self) -> str:
        return "action_ask_fly_tipping_amount"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        dispatcher.utter_message(
            text="Roughly how much is there?",
            buttons=[button(a.name, a.key) for a in rules().amounts],
        )
        return []


class ActionAskFlyTippingSeen(Action):
    """Asks when it was seen (optional)."""

    def name(self) -> str:
        return "action_ask_fly_tipping_seen"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        dispatcher.utter_message(
            text="When did you see it? For example 'this morning' or 'Sunday night'. "
            "If you're not sure, press Skip.",
            buttons=[
                button("Today", "today"),
                button("Yesterday", "yesterday"),
                button("Skip", "skip"),
            ],
        )
        return []


def _what(kind: Any, amount: Any) -> str:
    return f"{kind.name} ({amount.name[0].lower() + amount.name[1:]})" if amount else kind.name


class ActionAskFlyTippingConfirm(Action):
    """Reads the report back and asks to send it."""

    def name(self) -> str:
        return "action_ask_fly_tipping_confirm"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        kind = rules().kind(tracker.get_slot("fly_tipping_kind") or "")
        amount = rules().amount(tracker.get_slot("fly_tipping_amount") or "")
        where = Location.from_slot(tracker.get_slot("report_location"))
        if kind is None or where is None:
            return []
        seen = tracker.get_slot("fly_tipping_seen")
        lines = ["Here's your report:", f"What: {_what(kind, amount)}", f"Where: {where.address}"]
        if seen and seen != NOT_GIVEN:
            lines.append(f"Seen: {seen}")
        lines.append("Shall I send it?")
        dispatcher.utter_message(text="\n".join(lines), buttons=SEND_OR_NOT)
        return []


class ActionSubmitFlyTipping(Action):
    """Stores the report once and gives the reference and when it will be cleared."""

    def name(self) -> str:
        return "action_submit_fly_tipping"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        council = context.council()
        kind = rules().kind(tracker.get_slot("fly_tipping_kind") or "")
        amount = rules().amount(tracker.get_slot("fly_tipping_amount") or "")
        where = Location.from_slot(tracker.get_slot("report_location"))
        clear = [SlotSet(slot, None) for slot in REPORT_SLOTS]
        if (
            kind is None
            or amount is None
            or where is None
            or tracker.get_slot("fly_tipping_confirm") is not True
        ):
            return clear  # the form was stopped early; the reason was already given
        service = council.service(SERVICE)
        today = context.today()
        seen = tracker.get_slot("fly_tipping_seen")
        due_by = council.add_working_days(today, kind.clear_within_working_days)
        stored = store_request(
            dispatcher,
            tracker,
            service,
            postcode=where.postcode,
            address=where.address[:200],
            due_by=due_by,
            details={
                "kind": kind.key,  # what the crew clears, and which team goes
                "amount": amount.key,  # the size of van and crew to send
                "hazardous": kind.hazardous,  # sends the specialist team first
                "street": where.street,  # routes the job to the area's team
                "seen": seen if seen and seen != NOT_GIVEN else None,  # for enforcement officers
            },
            same_job=[where.address, kind.key, today.isoformat()],
        )
        if stored is None:
            return clear
        by = day_and_date(stored.due_by)
        if not stored.created_now:
            text = (
                f"This fly-tipping has already been reported, so I haven't made a second report. "
                f"The reference is {stored.reference} and we aim to clear it by {by}."
            )
        elif kind.hazardous:
            text = (
                f"Thank you. I've reported it as hazardous. Your reference is {stored.reference}.\n"
                f"A specialist team will deal with it first: we aim to clear it by {by}. "
                "Please don't touch it."
            )
        else:
            text = (
                f"Thank you. I've reported the fly-tipping. Your reference is {stored.reference}.\n"
                f"{service.what_happens_next} We aim to clear it by {by}."
            )
        dispatcher.utter_message(text=text, buttons=[CHECK_A_REQUEST])
        return clear
