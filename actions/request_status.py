"""Check the status of an earlier request by reference and postcode, from any channel."""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.exc import SQLAlchemyError

from actions import context
from actions.formatting import TALK_TO_A_PERSON
from actions.forms.validation import ResidentFormValidation
from actions.status_describers import describe
from bot.records.postcodes import normalise_postcode
from bot.storage.references import find_reference

logger = logging.getLogger(__name__)

#: Reports about public places, which may be stored without a postcode ("behind the Co-op").
PUBLIC_PLACE_SERVICES = ("fly_tipping", "street_problem")


class ValidateRequestStatusForm(ResidentFormValidation):
    """Finds the reference (and postcode) in what the resident typed."""

    cancel_word_stops = False  # "cancel BW-7K3F9Q" is a reference to cancel, not a stop

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
            dispatcher.utter_message(
                text="That doesn't look like a postcode. Please type it like PL1 2AA."
            )
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
        if _asked_to_cancel(tracker) and council.service_for_reference(
            reference
        ) == council.service("bulky_waste"):
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
        lines = describe(council, found)
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


def found_without_postcode(reference: str) -> bool:
    """Whether this reference is a public-place report stored without a postcode (so none is asked)."""
    service = context.council().service_for_reference(reference)
    if service is None or service.key not in PUBLIC_PLACE_SERVICES:
        return False
    try:
        return context.service_requests().find(reference, "") is not None
    except SQLAlchemyError:
        return False  # ask for the postcode as usual; the lookup will say what went wrong
