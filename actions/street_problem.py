"""Report a street problem: what, where (lamp post number), is it dangerous now; confirm, store once."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import context
from actions.formatting import CHECK_A_REQUEST, SEND_OR_NOT, button, day_and_date
from actions.forms.opening_message import opening_message
from actions.forms.stoppable import StoppableForm
from actions.forms.validation import ResidentFormValidation
from actions.report_location import Location, LocationQuestion
from actions.request_store import store_request
from bot.council.schedule import format_time
from bot.records.postcodes import normalise_postcode
from bot.word_match import match_one, words

SERVICE = "street_problem"
OTHER = "other"
UNKNOWN = "unknown"
REPORT_SLOTS = (
    "street_problem_kind", "street_problem_details", "report_location", "lamp_column",
    "street_problem_urgent", "street_problem_confirm",
)  # fmt: skip
MAX_DETAILS_CHARS = 300
_SKIP = re.compile(
    r"\b(skip|not sure|dont know|don'?t know|no idea|unsure|can'?t see|cant see|no number|none)\b",
    re.I,
)
_COLUMN = re.compile(r"\b([A-Z]{0,3}\s?\d{1,5}[A-Z]?)\b", re.I)
_YES = re.compile(r"^\s*(yes|yeah|yep|yup|it is|very|definitely|really)\b", re.I)
_NO = re.compile(
    r"^\s*(no|nope|not really|it isn'?t|it's not|not dangerous|not yet|can wait)\b", re.I
)


def rules() -> Any:
    return context.council().street_problems


def _kind_terms() -> list[tuple[str, tuple[str, ...]]]:
    return [(k.key, (k.name, *k.synonyms)) for k in rules().kinds]


def _kind(tracker: Tracker) -> Any:
    return rules().kind(tracker.get_slot("street_problem_kind") or "")


def read_lamp_column(text: str) -> str | None:
    """'SL104', 'number 23', 'skip' (unknown); None when it does not look like a lamp post number."""
    if _SKIP.search(text) or text.strip().lower() in ("no", UNKNOWN):
        return UNKNOWN
    found = _COLUMN.search(text)
    if found is None or len(text) > 40 or normalise_postcode(text):
        return None  # "PL4 6BA" is a postcode: its "PL4" is no lamp post number
    return found.group(1).replace(" ", "").upper()


class ValidateStreetProblemForm(StoppableForm, LocationQuestion, ResidentFormValidation):
    """Checks the kind against the council's list, the place, the lamp post number and the safety answer."""

    location_for = "street problems"

    service_key = SERVICE

    def name(self) -> str:
        return "validate_street_problem_form"

    async def required_slots(
        self,
        domain_slots: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: dict[str, Any],
    ) -> list[str]:
        kind = _kind(tracker)
        skip = set()
        if kind is None or kind.key != OTHER:
            skip.add("street_problem_details")
        if kind is None or not kind.asks_lamp_number:
            skip.add("lamp_column")
        if kind is None or kind.urgent is None:
            skip.add("street_problem_urgent")
        return [slot for slot in domain_slots if slot not in skip]

    async def extract_street_problem_kind(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        # "Pothole on Tamar Road" names the kind (and the place) on the opening message.
        if opening_message(tracker) and not tracker.get_slot("street_problem_kind"):
            text = tracker.latest_message.get("text") or ""
            found = match_one(text, _kind_terms())
            if found == OTHER:
                return {
                    "street_problem_kind": OTHER,
                    "street_problem_details": text[:MAX_DETAILS_CHARS],
                }
            if found:
                return {"street_problem_kind": found}
        return {}

    def validate_street_problem_kind(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        text = " ".join(str(value or "").split())
        key = text if rules().kind(text) else match_one(text, _kind_terms())
        described = len(words(text)) >= 3 and text.lower() not in (
            "something else",
            "another street problem",
        )
        if key in (None, OTHER) and described and rules().kind(OTHER):
            # Something not on the list, described in the resident's words: keep the words.
            return {
                "street_problem_kind": OTHER,
                "street_problem_details": text[:MAX_DETAILS_CHARS],
            }
        if key is None:
            dispatcher.utter_message(
                text="Sorry, I didn't catch what the problem is. Please choose one."
            )
            return {"street_problem_kind": None}
        advice = rules().kind(key).advice
        if advice:
            dispatcher.utter_message(text=advice)
        return {"street_problem_kind": key}

    def validate_street_problem_details(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        text = " ".join(str(value or "").split())
        if len(words(text)) < 2 or len(text) > MAX_DETAILS_CHARS:
            dispatcher.utter_message(
                text="Please describe the problem in a sentence, for example 'broken bench by the bus stop'."
            )
            return {"street_problem_details": None}
        return {"street_problem_details": text}

    def validate_lamp_column(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        column = read_lamp_column(str(value or ""))
        if column is None:
            if normalise_postcode(str(value or "")):  # the question follows again
                dispatcher.utter_message(
                    text="That looks like a postcode. I have the place already."
                )
            else:
                dispatcher.utter_message(
                    text="Lamp post numbers are short, like 23 or SL104. Please type it, or press Skip."
                )
            return {"lamp_column": None}
        return {"lamp_column": column}

    def validate_street_problem_urgent(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        text = str(value or "")
        if text in ("yes", "no"):
            return {"street_problem_urgent": text}
        if _NO.search(text):
            return {"street_problem_urgent": "no"}
        if _YES.search(text):
            return {"street_problem_urgent": "yes"}
        dispatcher.utter_message(text="Sorry, please answer yes or no.", buttons=_urgent_buttons())
        return {"street_problem_urgent": None}

    def validate_street_problem_confirm(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        return {"street_problem_confirm": True if value is True else None}


def _urgent_buttons() -> list[dict[str, str]]:
    return [button("Yes", "/affirm"), button("No", "no, it can wait")]


class ActionAskStreetProblemKind(Action):
    """Asks what the problem is, with a button for each kind in the council's list."""

    def name(self) -> str:
        return "action_ask_street_problem_kind"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        dispatcher.utter_message(
            text="I can report a problem with a street for you. What's the problem?",
            buttons=[button(k.name[0].upper() + k.name[1:], k.key) for k in rules().kinds],
        )
        return []


class ActionAskReportLocation(Action):
    """Asks where it is: a postcode, a street or a landmark."""

    def name(self) -> str:
        return "action_ask_report_location"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        dispatcher.utter_message(
            text="Where is it? Tell me the postcode, the street, or a landmark, for example "
            "'behind the Co-op on Union Street'."
        )
        return []


class ActionAskLampColumn(Action):
    """Asks for the lamp post number (optional)."""

    def name(self) -> str:
        return "action_ask_lamp_column"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        dispatcher.utter_message(
            text="What's the number on the lamp post? It's on a small plate about head height. "
            "If you can't see one, press Skip.",
            buttons=[button("Skip", "skip")],
        )
        return []


class ActionAskStreetProblemUrgent(Action):
    """Asks the council's safety question for this kind of problem."""

    def name(self) -> str:
        return "action_ask_street_problem_urgent"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        kind = _kind(tracker)
        if kind is None or kind.urgent is None:
            return []
        dispatcher.utter_message(text=kind.urgent.question, buttons=_urgent_buttons())
        return []


def _what(kind: Any, tracker: Tracker) -> str:
    if kind.key == OTHER and tracker.get_slot("street_problem_details"):
        return str(tracker.get_slot("street_problem_details"))
    if kind.urgent is not None and tracker.get_slot("street_problem_urgent") == "yes":
        return kind.urgent.label
    return kind.name


class ActionAskStreetProblemConfirm(Action):
    """Reads the report back and asks to send it."""

    def name(self) -> str:
        return "action_ask_street_problem_confirm"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        kind = _kind(tracker)
        where = Location.from_slot(tracker.get_slot("report_location"))
        if kind is None or where is None:
            return []
        lines = ["Here's your report:", f"What: {_what(kind, tracker)}", f"Where: {where.address}"]
        column = tracker.get_slot("lamp_column")
        if column and column != UNKNOWN:
            lines.append(f"Lamp post number: {column}")
        lines.append("Shall I send it?")
        dispatcher.utter_message(text="\n".join(lines), buttons=SEND_OR_NOT)
        return []


class ActionSubmitStreetProblem(Action):
    """Stores the report once and says what happens next and by when (sooner when dangerous)."""

    def name(self) -> str:
        return "action_submit_street_problem"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        council = context.council()
        kind = _kind(tracker)
        where = Location.from_slot(tracker.get_slot("report_location"))
        clear = [SlotSet(slot, None) for slot in REPORT_SLOTS]
        if kind is None or where is None or tracker.get_slot("street_problem_confirm") is not True:
            return clear  # the form was stopped early; the reason was already given
        service = council.service(SERVICE)
        at = context.now()
        urgent = kind.urgent if tracker.get_slot("street_problem_urgent") == "yes" else None
        if urgent is not None and urgent.within_hours is not None:
            due_at = at + timedelta(hours=urgent.within_hours)
            due_by = due_at.date()
            promise = (
                f"Because it's dangerous, we'll make it safe within {urgent.within_hours} hours, "
                f"by {format_time(due_at.time().replace(second=0, microsecond=0))} on {day_and_date(due_by)}."
            )
        else:
            days = (
                urgent.within_working_days if urgent is not None else kind.fix_within_working_days
            )
            due_by = council.add_working_days(at.date(), days)
            promise = f"We aim to {'deal with' if urgent else 'fix'} it by {day_and_date(due_by)}."
        column = tracker.get_slot("lamp_column")
        stored = store_request(
            dispatcher,
            tracker,
            service,
            postcode=where.postcode,
            address=where.address[:200],
            due_by=due_by,
            details={
                "kind": kind.key,  # which team inspects it
                "what": _what(
                    kind, tracker
                ),  # what the resident reported, in their words if "other"
                "urgent": urgent is not None,  # the quicker timescale the resident was promised
                "street": where.street,  # routes the job to the area's inspector
                "lamp_column": column if column and column != UNKNOWN else None,  # finds the light
            },
            same_job=[where.address, kind.key, str(column or ""), at.date().isoformat()],
        )
        if stored is None:
            return clear
        if stored.created_now:
            text = (
                f"Thank you. I've reported {'it' if kind.key == OTHER else 'the ' + _what(kind, tracker)}. "
                f"Your reference is {stored.reference}.\n"
                f"{service.what_happens_next} {promise}"
            )
        else:
            text = (
                f"This has already been reported, so I haven't made a second report. "
                f"The reference is {stored.reference} and we aim to deal with it by "
                f"{day_and_date(stored.due_by)}."
            )
        dispatcher.utter_message(text=text, buttons=[CHECK_A_REQUEST])
        return clear
