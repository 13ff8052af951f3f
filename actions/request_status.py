"""Check the status of an earlier request by reference and postcode, from any channel."""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.exc import SQLAlchemyError

from actions import context
from actions.clients.postcodes import normalise_postcode
from actions.formatting import TALK_TO_A_PERSON, day_and_date
from actions.report_status import found_without_postcode, promise_line, summary_line
from actions.revenues_status import status_lines
from actions.status_notes import service_notes
from bot.council_schedule import format_time
from bot.storage.references import find_reference

logger = logging.getLogger(__name__)

STATUS_WORDS = {
    "received": "We've received it and passed it to the team.",
    "in_progress": "The team is working on it.",
    "completed": "It has been done.",
    "cancelled": "It was cancelled.",
}


class ValidateRequestStatusForm(FormValidationAction):
    """Finds the reference (and postcode) in what the resident typed."""

    def name(self) -> str:
        return "validate_request_status_form"

    async def extract_reference(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        # "Where's my report MB-7K3F9Q?" fills the reference on the opening message.
        if tracker.get_slot("requested_slot") is None and not tracker.get_slot("reference"):
            found = find_reference(tracker.latest_message.get("text") or "")
            if found:
                return {"reference": found}
        return {}

    async def required_slots(
        self,
        domain_slots: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: dict[str, Any],
    ) -> list[str]:
        # A fly-tipping or street report "behind the Co-op" has no postcode to ask for.
        reference = tracker.get_slot("reference")
        if reference and found_without_postcode(reference):
            return [slot for slot in domain_slots if slot != "postcode"]
        return list(domain_slots)

    def validate_reference(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        reference = find_reference(str(value or ""))
        if reference is None:
            dispatcher.utter_message(
                text="That doesn't look like a reference. It's two letters and six letters or "
                "numbers, like MB-7K3F9Q. You'll find it in the message we sent you.",
                buttons=[TALK_TO_A_PERSON],
            )
            return {"reference": None}
        return {"reference": reference}

    def validate_postcode(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        postcode = normalise_postcode(str(value or ""))
        if postcode is None:
            dispatcher.utter_message(text="That doesn't look like a postcode. Please type it like PL1 2AA.")
            return {"postcode": None}
        return {"postcode": postcode}


class ActionSubmitRequestStatus(Action):
    """Reports the request's status and promised date, if reference and postcode match."""

    def name(self) -> str:
        return "action_submit_request_status"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        reference = tracker.get_slot("reference")
        postcode = tracker.get_slot("postcode")
        clear = [SlotSet("reference", None), SlotSet("postcode", None)]
        if not reference or (not postcode and not found_without_postcode(reference)):
            return clear
        postcode = postcode or ""
        council = context.council()
        if _asked_to_cancel(tracker) and council.service_for_reference(reference) == council.service(
            "bulky_waste"
        ):
            # "cancel my bulky collection BW-7K3F9Q" often reads as a status check to the classifier.
            from actions.bulky_waste import cancel_booking

            cancel_booking(dispatcher, reference, postcode)
            return clear
        try:
            found = context.service_requests().find(reference, postcode)
        except SQLAlchemyError:
            logger.exception("status: lookup failed")
            dispatcher.utter_message(
                text="Sorry, I can't check requests just now because of a problem on our side. "
                f"Please try again in a few minutes, or call us on {council.config.contact.phone}.",
                buttons=[TALK_TO_A_PERSON],
            )
            return clear
        if found is None:
            dispatcher.utter_message(
                text=f"I couldn't find a request with reference {reference} for {postcode}. "
                "Please check both and try again, or talk to a person.",
                buttons=[TALK_TO_A_PERSON],
            )
            return clear
        service = council.service(found.service)
        status_text = STATUS_WORDS.get(found.status, f"Status: {found.status}.")
        revenue = status_lines(found, service.name, status_text)
        if revenue is not None:  # council tax and benefits requests (actions/revenues_status.py)
            dispatcher.utter_message(text="\n".join(revenue))
            return clear
        lines = [
            summary_line(found, service)
            or f"{service.name}, reference {found.reference}, at {found.address}."
        ]
        starts = found.details.get("starts_at") if found.service == "assisted_digital" else None
        if starts and found.status == "received":
            begins = datetime.fromisoformat(starts)
            lines.append(
                f"You're booked in for {day_and_date(begins.date())} at {format_time(begins.time())}. "
                "If you can't come, please call the venue so someone else can have the place."
            )
        else:
            lines.append(STATUS_WORDS.get(found.status, f"Status: {found.status}."))
        lines.extend(service_notes(council, found))
        open_request = found.status in ("received", "in_progress") and not starts
        if open_request and found.details.get("collection_date"):
            # A booking (bulky waste): the date is the one the resident chose, not a target.
            lines.append(f"Your collection is booked for {day_and_date(found.due_by)}.")
        elif open_request:
            lines.append(promise_line(found) or f"We aim to finish it by {day_and_date(found.due_by)}.")
        dispatcher.utter_message(text="\n".join(lines))
        return clear


def _asked_to_cancel(tracker: Tracker) -> bool:
    """Did the message that started this status check ask to cancel?"""
    for event in reversed(tracker.events):
        if event.get("event") != "user":
            continue
        intent = (event.get("parse_data") or {}).get("intent", {}).get("name")
        if intent == "check_request_status":
            return "cancel" in (event.get("text") or "").lower()
    return False
