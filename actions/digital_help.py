"""Help getting online nearby: what gets in the way, then the nearest suitable venues."""

from __future__ import annotations

import functools
import logging
import re
from datetime import datetime
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import context
from actions.formatting import TALK_TO_A_PERSON, button
from actions.forms.opening_message import opening_message
from actions.forms.validation import ResidentFormValidation
from actions.postcode_checks import check_local_postcode
from actions.venue_filters import barrier_button, describe, read_barrier, read_wants
from bot.records import insight_events
from bot.records.postcodes import normalise_postcode
from bot.records.venues import NearbyVenue, VenueFinder, VenueWants, hours_today_text

logger = logging.getLogger(__name__)

OPENING_INTENTS = ("find_computer_or_wifi", "digital_skills_help")
SMS_CHANNEL = "twilio_sms"
FACILITY_NAMES = {
    "computers": "free computers",
    "wifi": "free WiFi",
    "printing": "printing",
    "courses": "beginners' courses",
    "assisted_digital": "sessions with a digital helper",
    "step_free": "step-free access",
    "hearing_loop": "hearing loop",
}
NO_WORDS = re.compile(r"^\s*(no|nope|cancel|stop|don'?t|do not|not now)\b", re.IGNORECASE)


@functools.lru_cache(maxsize=4)
def _finder(council_id: int) -> VenueFinder:
    council = context.council()
    return VenueFinder(council.venues, council.venue_positions)


def finder() -> VenueFinder:
    """The venue finder for the configured council (venue positions looked up at load)."""
    council = context.council()
    return _finder(id(council))


def local_now() -> datetime:
    return context.now().astimezone(context.council().zone).replace(tzinfo=None)


def says_no(tracker: Tracker, value: Any) -> bool:
    intent = (tracker.latest_message.get("intent") or {}).get("name")
    return bool(NO_WORDS.match(str(value or ""))) or (
        intent == "deny" and not read_barrier(str(value or ""))
    )


def _opening_text(tracker: Tracker) -> str:
    """What the resident said when they asked for help getting online (for their filters)."""
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            intent = ((event.get("parse_data") or {}).get("intent") or {}).get("name")
            if intent in OPENING_INTENTS:
                return event.get("text") or ""
    return ""


def stop_form(dispatcher: CollectingDispatcher, slots: dict[str, Any], text: str) -> dict[str, Any]:
    dispatcher.utter_message(text=text, buttons=[TALK_TO_A_PERSON])
    return {**slots, "requested_slot": None}


def check_venue_postcode(
    value: Any, dispatcher: CollectingDispatcher, tracker: Tracker
) -> dict[str, Any]:
    if says_no(tracker, value):
        return stop_form(
            dispatcher, {"venue_postcode": None}, "Okay, I'll stop there. Nothing has been booked."
        )
    check = check_local_postcode(str(value or ""), "help getting online")
    if check.postcode is None:
        dispatcher.utter_message(text=check.problem, buttons=[TALK_TO_A_PERSON])
        return (
            {"venue_postcode": None, "requested_slot": None}
            if check.stop
            else {"venue_postcode": None}
        )
    return {"venue_postcode": check.postcode}


class ValidateDigitalHelpForm(ResidentFormValidation):
    """Reads what gets in the way and the postcode; a postcode in the first message is used at once."""

    def name(self) -> str:
        return "validate_digital_help_form"

    async def extract_venue_postcode(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if tracker.get_slot("requested_slot") is None and not tracker.get_slot("venue_postcode"):
            found = normalise_postcode(tracker.latest_message.get("text") or "")
            if found:
                return {"venue_postcode": found}
        return {}

    async def extract_digital_barrier(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        # A pressed answer button counts whatever the classifier reads into it:
        # "No device or internet at home" looks like need_extra_support, which the slot's
        # mapping otherwise leaves to the extra support rule.
        if tracker.get_slot("requested_slot") == "digital_barrier":
            pressed = barrier_button(tracker.latest_message.get("text") or "")
            if pressed:
                return {"digital_barrier": pressed}
        # "I've no internet at home, where can I get online?" says what gets in the way up front.
        if opening_message(tracker) and not tracker.get_slot("digital_barrier"):
            said = read_barrier(tracker.latest_message.get("text") or "")
            if said:
                return {"digital_barrier": said}
        return {}

    def validate_digital_barrier(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        barrier = read_barrier(str(value or ""))
        if barrier is not None:
            return {"digital_barrier": barrier}
        if says_no(tracker, value):
            return stop_form(
                dispatcher, {"digital_barrier": None}, "Okay. If you'd like help later, just ask."
            )
        dispatcher.utter_message(text="Thanks. Please choose the one closest to how you feel.")
        return {"digital_barrier": None}

    def validate_venue_postcode(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return check_venue_postcode(value, dispatcher, tracker)


def venue_text(nearby: NearbyVenue, at: datetime, closed_days: Any = ()) -> str:
    """One venue for a resident: name, distance, what it offers, today's hours and where it is."""
    venue = nearby.venue
    offers = ", ".join(FACILITY_NAMES[f] for f in venue.facilities)
    return (
        f"{venue.name} ({nearby.miles_text} away)\n"
        f"Offers: {offers}.\n"
        f"{hours_today_text(venue, at, closed_days)}.\n"
        f"{venue.address}, {venue.postcode}. Phone {venue.phone}."
    )


class ActionShowVenues(Action):
    """Lists the 3 nearest venues that suit the resident's barrier and words, with booking buttons."""

    def name(self) -> str:
        return "action_show_venues"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        council = context.council()
        postcode = tracker.get_slot("venue_postcode")
        barrier = tracker.get_slot("digital_barrier")
        if not postcode or not council.venues:
            if postcode and not council.venues:
                info = council.information_for("find_computer_or_wifi")
                dispatcher.utter_message(text=info.text if info else "", buttons=[TALK_TO_A_PERSON])
            return []
        record = context.postcodes().lookup(postcode)
        if record is None:
            return [SlotSet("venue_postcode", None)]
        at = local_now()
        wants = read_wants(_opening_text(tracker), barrier)
        found = finder().nearest(
            record.easting, record.northing, wants, at, 3, council.bank_holidays
        )
        relaxed = False
        if not found and (wants.facilities or wants.days or wants.open_now):
            relaxed = True
            found = finder().nearest(
                record.easting,
                record.northing,
                VenueWants(any_of=wants.any_of),
                at,
                3,
                council.bank_holidays,
            )
        context.insight(
            insight_events.VENUE_SEARCH,
            tracker,
            service="find_computer_or_wifi",
            outcome="found" if found else "none found",
        )
        if not found:
            dispatcher.utter_message(
                text=f"I couldn't find a place near {postcode} for that. Please call us on "
                f"{council.config.contact.phone} and we'll help you find one.",
                buttons=[TALK_TO_A_PERSON],
            )
            return []
        asked = describe(wants)
        if relaxed:
            intro = f"I couldn't find anywhere {asked}. These are the nearest places that can still help:"
        else:
            intro = f"The nearest places {asked + ' ' if asked else ''}to {postcode}:".replace(
                "  ", " "
            )
        parts = [intro] + [venue_text(item, at, council.bank_holidays) for item in found]
        buttons = []
        if any(item.venue.sessions for item in found):
            parts.append(
                "Some of these have free sessions where a helper sits with you. I can book one."
            )
            buttons.append(button("Book a session with a helper", "/book_assisted_digital"))
        buttons.append(TALK_TO_A_PERSON)
        if barrier == "scams":
            parts.append(
                "Staff will never ask for your passwords or bank PIN. If a message asks for them, it's a scam."
            )
        dispatcher.utter_message(text="\n\n".join(parts), buttons=buttons)
        return []
