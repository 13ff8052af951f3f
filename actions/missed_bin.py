"""Report a missed bin: postcode, street, house, which bin, checked against the round."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.exc import SQLAlchemyError

from actions import context
from actions.formatting import CHECK_A_REQUEST, TALK_TO_A_PERSON, button, day_and_date
from actions.forms.address_questions import (
    AddressQuestions,
    StreetQuestion,
    home_address,
    street_at,
)
from actions.forms.opening_message import opening_message
from actions.forms.repair import detect_repair, without_wrong_answer
from actions.forms.validation import ResidentFormValidation
from actions.request_store import store_request
from bot.nlu.advocate import for_resident

if TYPE_CHECKING:
    from bot.council import Council

SERVICE = "missed_bin"
REPORT_SLOTS = ("postcode", "street", "house", "bin_type")


@dataclass(frozen=True)
class Assessment:
    """Whether a missed collection can be reported now, and the dates to quote."""

    outcome: str  # "report", "too_early" or "not_due"
    scheduled: date | None
    next_collection: date | None


def assess_collection(council: Council, street: Any, bin_type: Any, at: datetime) -> Assessment:
    """Was this bin due and is now the time to report it (the council's rules)?"""
    today = at.date()
    last = council.last_collection_on_or_before(street, bin_type, today)
    upcoming = council.next_collection_after(street, bin_type, today)
    if last is None:
        return Assessment("not_due", None, upcoming)
    opens, last_day = council.missed_bin_report_window(last)
    if at < opens:
        return Assessment("too_early", last, upcoming)
    if today <= last_day:
        return Assessment("report", last, upcoming)
    return Assessment("not_due", last, upcoming)


def _bins_for(council: Council, street: Any) -> list[Any]:
    today = context.today()
    return [
        b for b in council.bin_types.values() if council.next_collection_after(street, b, today)
    ]


class ValidateMissedBinForm(AddressQuestions, ResidentFormValidation):
    """Checks each answer; explains what's wrong in plain words and asks again."""

    service_key = SERVICE

    def name(self) -> str:
        return "validate_missed_bin_form"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        # "oh sorry it was the green one not the black" just after a report can read as a new
        # missed bin: it puts that report right instead of starting another.
        text = tracker.latest_message.get("text") or ""
        repair = detect_repair(text)
        if (
            opening_message(tracker)
            and repair is not None
            and repair.kind == "correction"
            and correct_last_report(dispatcher, tracker, text)
        ):
            return [SlotSet(slot, None) for slot in REPORT_SLOTS] + [
                SlotSet("requested_slot", None)
            ]
        return await super().run(dispatcher, tracker, domain)

    async def extract_bin_type(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        # "my bin wasnt collected, the black one" names the bin on the opening message.
        if opening_message(tracker) and not tracker.get_slot("bin_type"):
            found = context.council().match_bin_type(tracker.latest_message.get("text") or "")
            if found is not None:
                return {"bin_type": found.name}
        return {}

    def validate_bin_type(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        council = context.council()
        street = street_at(council, tracker.get_slot("postcode"), tracker.get_slot("street"))
        bin_type = council.match_bin_type(str(value or ""))
        if bin_type is not None and street is None and opening_message(tracker):
            return {"bin_type": bin_type.key}  # named up front: checked against the round later
        allowed = _bins_for(council, street) if street is not None else []
        if bin_type is None or bin_type not in allowed:
            dispatcher.utter_message(text="Sorry, I didn't catch which bin. Please choose one.")
            return {"bin_type": None}
        return {"bin_type": bin_type.key}


class ActionAskPostcode(Action):
    """Asks for the postcode, naming whose home it is when the resident acts for someone."""

    def name(self) -> str:
        return "action_ask_missed_bin_form_postcode"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        whose = for_resident(tracker.get_slot("acting_for"))
        home = "home" if whose != "the" else "property"
        dispatcher.utter_message(
            text=f"I can report a missed bin for you. What's the postcode of {whose} {home}? "
            "For example, PL1 2AA."
        )
        return []


class ActionAskStreet(StreetQuestion, Action):
    """Asks which street, with a button for each street at the postcode."""

    def name(self) -> str:
        return "action_ask_missed_bin_form_street"


class ActionAskBinType(Action):
    """Asks which bin was missed, offering only the bins this street has."""

    def name(self) -> str:
        return "action_ask_missed_bin_form_bin_type"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        council = context.council()
        street = street_at(council, tracker.get_slot("postcode"), tracker.get_slot("street"))
        bins = (
            _bins_for(council, street) if street is not None else list(council.bin_types.values())
        )
        dispatcher.utter_message(
            text="Which bin was missed?", buttons=[button(b.name, b.name) for b in bins]
        )
        return []


class ActionSubmitMissedBin(Action):
    """Checks the round was due, stores the report once, and gives the reference and date."""

    def name(self) -> str:
        return "action_submit_missed_bin"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        council = context.council()
        postcode = tracker.get_slot("postcode")
        street = street_at(council, postcode, tracker.get_slot("street"))
        house = tracker.get_slot("house")
        bin_type = next(
            (b for b in council.bin_types.values() if b.key == tracker.get_slot("bin_type")), None
        )
        clear = [SlotSet(s, None) for s in REPORT_SLOTS]
        if street is None or not house or bin_type is None:
            return clear  # the form was stopped early; the reason was already given

        at = context.now()
        assessment = assess_collection(council, street, bin_type, at)
        if assessment.outcome != "report":
            dispatcher.utter_message(text=self._not_reportable_text(council, bin_type, assessment))
            return clear

        service = council.service(SERVICE)
        due_by = council.add_working_days(at.date(), service.timescale_working_days)
        address = home_address(tracker)
        stored = store_request(
            dispatcher,
            tracker,
            service,
            postcode=postcode,
            address=address,
            due_by=due_by,
            details={
                "bin_type": bin_type.key,
                "scheduled": assessment.scheduled.isoformat() if assessment.scheduled else None,
                "round": street.round_id(bin_type.key),
            },
            same_job=[address, bin_type.key, str(assessment.scheduled)],
        )
        if stored is None:
            return clear
        if stored.created_now:
            text = (
                f"Thank you. I've reported your missed {bin_type.name} at {address}.\n"
                f"Your reference is {stored.reference}.\n"
                f"{service.what_happens_next} We'll collect it by {day_and_date(stored.due_by)}. "
                "Please leave the bin out until then."
            )
        else:
            text = (
                f"This missed {bin_type.name} has already been reported, so I haven't made a "
                f"second report. The reference is {stored.reference} and we'll collect it by "
                f"{day_and_date(stored.due_by)}. Please leave the bin out until then."
            )
        dispatcher.utter_message(text=text, buttons=[CHECK_A_REQUEST])
        remembered = {
            "reference": stored.reference,
            "service": SERVICE,
            "postcode": postcode,
            "street": street.name,
            "house": house,
        }
        return [*clear, SlotSet("last_request", remembered)]

    @staticmethod
    def _not_reportable_text(council: Council, bin_type: Any, assessment: Assessment) -> str:
        next_text = (
            f" Your next {bin_type.name} collection is on {day_and_date(assessment.next_collection)}."
            if assessment.next_collection
            else ""
        )
        if assessment.outcome == "too_early":
            until = council.missed_bin.report_from.strftime("%-I%p").lower()
            return (
                f"Your {bin_type.name} is due to be collected today. Crews work until {until}, so "
                f"if it hasn't been emptied by then, please report it after {until}."
            )
        if assessment.scheduled is None:
            return f"There was no recent collection to report as missed.{next_text}"
        return (
            f"Your last {bin_type.name} collection was on {day_and_date(assessment.scheduled)}. "
            f"Missed bins need to be reported within {council.missed_bin.report_within_working_days} "
            f"working days, so it isn't due to be collected again yet.{next_text}"
        )


def correct_last_report(dispatcher: CollectingDispatcher, tracker: Tracker, text: str) -> bool:
    """ "oh sorry it was the green one not the black", just after a report: put that report right.

    Only the report this resident made in this conversation, and only to a bin that was due.
    Returns False when the message is not about the bin of the last missed bin report.
    """
    last = tracker.get_slot("last_request") or {}
    if not isinstance(last, dict) or last.get("service") != SERVICE:
        return False
    council = context.council()
    new_bin = council.match_bin_type(without_wrong_answer(text))
    street = street_at(council, last.get("postcode"), last.get("street"))
    if new_bin is None or street is None:
        return False
    reference = str(last.get("reference"))
    at = context.now()
    assessment = assess_collection(council, street, new_bin, at)
    if assessment.outcome != "report":
        dispatcher.utter_message(
            text=f"I haven't changed report {reference}. "
            + ActionSubmitMissedBin._not_reportable_text(council, new_bin, assessment)
            + " If the report is wrong, a person can put it right.",
            buttons=[TALK_TO_A_PERSON],
        )
        return True
    service = council.service(SERVICE)
    due_by = council.add_working_days(at.date(), service.timescale_working_days)
    address = f"{last.get('house')}, {street.name}, {street.postcode}"
    try:
        amended = context.service_requests().amend_own(
            reference,
            tracker.sender_id,
            details={
                "bin_type": new_bin.key,
                "scheduled": assessment.scheduled.isoformat() if assessment.scheduled else None,
                "round": street.round_id(new_bin.key),
            },
            same_job=[address, new_bin.key, str(assessment.scheduled)],
            due_by=due_by,
        )
    except SQLAlchemyError:
        amended = None
    if amended is None:
        dispatcher.utter_message(
            text=f"Sorry, I couldn't change report {reference}. A person can put it right for you.",
            buttons=[TALK_TO_A_PERSON],
        )
        return True
    dispatcher.utter_message(
        text=f"Thanks, I've changed report {reference} to your {new_bin.name} at {address}. "
        f"We'll collect it by {day_and_date(amended.due_by)}. Please leave the bin out until then.",
        buttons=[CHECK_A_REQUEST],
    )
    return True
