"""Booking a session with a digital helper: where, when, a reminder, confirm; a reference at the end."""

from __future__ import annotations

import logging
import re
from datetime import datetime
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict
from sqlalchemy.exc import SQLAlchemyError

from actions import context
from actions.digital_help import (
    NO_WORDS,
    SMS_CHANNEL,
    check_venue_postcode,
    finder,
    local_now,
    says_no,
    stop_form,
)
from actions.formatting import CHECK_A_REQUEST, TALK_TO_A_PERSON, button
from actions.forms.validation import ResidentFormValidation
from actions.request_store import apologise_not_stored
from bot.phone_numbers import read_uk_phone
from bot.records import insight_events
from bot.records.capacity import NoPlaceLeft
from bot.records.digital_sessions import SERVICE
from bot.records.venues import VenueWants, parse_session_label, session_label, upcoming_sessions

logger = logging.getLogger(__name__)

BOOKING_SLOTS = (
    "booking_venue",
    "booking_slot",
    "booking_reminder",
    "booking_mobile",
    "booking_confirm",
)
WHAT_TO_BRING = (
    "Please bring your phone or tablet if you have one, any letters you need, and your reading "
    "glasses if you use them. You type your own passwords: staff will never ask for them."
)
_YES_WORDS = re.compile(r"\b(yes|yeah|yep|please|ok|okay|book it|text me|sure)\b", re.IGNORECASE)
SESSIONS_OFFERED = 4
#: The mobile slot's value when no number is needed (no reminder, or they are texting us already).
NO_MOBILE_NEEDED = "not needed"


def _booking_venues(tracker: Tracker) -> list[Any]:
    """Venues with sessions, nearest to the resident's postcode first."""
    council = context.council()
    venues = [v for v in council.venues if v.sessions]
    record = context.postcodes().lookup(tracker.get_slot("venue_postcode") or "")
    if record is None:
        return venues
    wants = VenueWants(facilities=frozenset({"assisted_digital"}))
    near = finder().nearest(record.easting, record.northing, wants, local_now(), len(venues))
    return [item.venue for item in near]


def _venue_by_name(name: str | None) -> Any:
    return next((v for v in context.council().venues if v.name == name), None)


def _open_sessions(venue: Any) -> list[tuple[datetime, int, int]]:
    """The venue's next sessions that still have a place, soonest first."""
    council = context.council()
    upcoming = upcoming_sessions(venue, local_now(), 14, council.bank_holidays)
    taken = context.digital_sessions().places_taken(venue.id, [begins for begins, _, _ in upcoming])
    return [s for s in upcoming if taken.get(s[0], 0) < s[2]][:SESSIONS_OFFERED]


class ValidateDigitalSessionForm(ResidentFormValidation):
    """Checks the postcode, venue, session, reminder and confirmation for a helper session."""

    def name(self) -> str:
        return "validate_digital_session_form"

    def validate_venue_postcode(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return check_venue_postcode(value, dispatcher, tracker)

    def validate_booking_venue(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if says_no(tracker, value):
            return stop_form(
                dispatcher, {"booking_venue": None}, "Okay, I haven't booked anything."
            )
        text = str(value or "").lower()
        venues = _booking_venues(tracker)
        chosen = next((v for v in venues if v.name.lower() in text or text in v.name.lower()), None)
        if chosen is None or len(text) < 3:
            dispatcher.utter_message(text="Sorry, I didn't catch which place. Please choose one.")
            return {"booking_venue": None}
        if not _open_sessions(chosen):
            dispatcher.utter_message(
                text=f"{chosen.name} has no free places in the next two weeks. Please choose another place."
            )
            return {"booking_venue": None}
        return {"booking_venue": chosen.name}

    def validate_booking_slot(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if says_no(tracker, value):
            return stop_form(dispatcher, {"booking_slot": None}, "Okay, I haven't booked anything.")
        venue = _venue_by_name(tracker.get_slot("booking_venue"))
        options = [begins for begins, _, _ in _open_sessions(venue)] if venue else []
        chosen = parse_session_label(str(value or ""), options)
        if chosen is None:
            dispatcher.utter_message(text="Sorry, I didn't catch which session. Please choose one.")
            return {"booking_slot": None}
        return {"booking_slot": chosen.strftime("%Y-%m-%dT%H:%M")}

    def validate_booking_reminder(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        text = str(value or "")
        if NO_WORDS.match(text) or "no reminder" in text.lower():
            return {"booking_reminder": "no", "booking_mobile": NO_MOBILE_NEEDED}
        if _YES_WORDS.search(text):
            # Someone texting us already gets the reminder on that number; others are asked for one.
            on_sms = tracker.get_latest_input_channel() == SMS_CHANNEL
            return {
                "booking_reminder": "yes",
                "booking_mobile": NO_MOBILE_NEEDED if on_sms else None,
            }
        dispatcher.utter_message(text="Please say yes for a text reminder, or no.")
        return {"booking_reminder": None}

    def validate_booking_mobile(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        number = read_uk_phone(str(value or ""))
        if number is not None and number.is_mobile:
            return {"booking_mobile": number.e164}
        if says_no(tracker, value):
            dispatcher.utter_message(text="Okay, no reminder.")
            return {"booking_reminder": "no", "booking_mobile": NO_MOBILE_NEEDED}
        dispatcher.utter_message(
            text="That doesn't look like a UK mobile number. It starts 07, like 07700 900123."
        )
        return {"booking_mobile": None}

    def validate_booking_confirm(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        text = str(value or "")
        if NO_WORDS.match(text) or says_no(tracker, value):
            return {"booking_confirm": "no"}
        if (
            _YES_WORDS.search(text)
            or (tracker.latest_message.get("intent") or {}).get("name") == "affirm"
        ):
            return {"booking_confirm": "yes"}
        dispatcher.utter_message(text="Please say yes to book it, or no.")
        return {"booking_confirm": None}


def _reminder_mobile(tracker: Tracker, reminder: bool, channel: str) -> str | None:
    if not reminder:
        return None
    if channel == SMS_CHANNEL:
        return tracker.sender_id
    mobile = tracker.get_slot("booking_mobile")
    return mobile if mobile and mobile != NO_MOBILE_NEEDED else None


class ActionAskBookingVenue(Action):
    """Asks where, offering the nearest places that run helper sessions."""

    def name(self) -> str:
        return "action_ask_booking_venue"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        venues = _booking_venues(tracker)[:4]
        dispatcher.utter_message(
            text="A helper sits with you for free and helps you do things online. Where would you like to go? "
            "These are nearest to you first.",
            buttons=[button(v.name, v.name) for v in venues] + [TALK_TO_A_PERSON],
        )
        return []


class ActionAskBookingSlot(Action):
    """Asks when, offering the next sessions with a free place."""

    def name(self) -> str:
        return "action_ask_booking_slot"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        venue = _venue_by_name(tracker.get_slot("booking_venue"))
        sessions = _open_sessions(venue) if venue else []
        dispatcher.utter_message(
            text=f"These sessions at {venue.name if venue else 'that place'} have free places. Which suits you?",
            buttons=[button(session_label(b), session_label(b)) for b, _, _ in sessions],
        )
        return []


class ActionAskBookingConfirm(Action):
    """Reads the booking back and asks the resident to confirm."""

    def name(self) -> str:
        return "action_ask_booking_confirm"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        venue = _venue_by_name(tracker.get_slot("booking_venue"))
        begins = datetime.fromisoformat(tracker.get_slot("booking_slot"))
        reminder = (
            "with a text reminder the day before"
            if tracker.get_slot("booking_reminder") == "yes"
            else "with no reminder"
        )
        dispatcher.utter_message(
            text=f"Shall I book a session at {venue.name if venue else ''} on {session_label(begins)}, {reminder}?",
            buttons=[
                button("Yes, book it", "Yes, book it"),
                button("No, don't book", "No, don't book"),
            ],
        )
        return []


class ActionSubmitDigitalSession(Action):
    """Books the place (never over capacity, never twice) and gives the reference, when, where and what to bring."""

    def name(self) -> str:
        return "action_submit_digital_session"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        council = context.council()
        clear = [SlotSet(s, None) for s in BOOKING_SLOTS]
        venue = _venue_by_name(tracker.get_slot("booking_venue"))
        when = tracker.get_slot("booking_slot")
        postcode = tracker.get_slot("venue_postcode")
        if venue is None or not when or not postcode:
            return clear  # stopped early; the reason was already given
        if tracker.get_slot("booking_confirm") != "yes":
            dispatcher.utter_message(text="Okay, I haven't booked anything.")
            return clear
        begins = datetime.fromisoformat(when)
        slot = next(
            (
                s
                for s in upcoming_sessions(venue, begins.replace(hour=0, minute=0))
                if s[0] == begins
            ),
            None,
        )
        if slot is None:
            dispatcher.utter_message(
                text="Sorry, that session is no longer running. Please choose another."
            )
            return clear
        reminder = tracker.get_slot("booking_reminder") == "yes"
        channel = (tracker.get_latest_input_channel() or "unknown")[:20]
        try:
            booking = context.digital_sessions().book(
                venue_id=venue.id,
                begins=begins,
                capacity=slot[2],
                reference_prefix=council.service(SERVICE).reference_prefix,
                channel=channel,
                sender_id=tracker.sender_id,
                postcode=postcode,
                address=f"{venue.name}, {venue.address}, {venue.postcode}",
                details={
                    "minutes": slot[1],
                    "remind_by_text_day_before": reminder,
                    "reminder_mobile": _reminder_mobile(tracker, reminder, channel),
                },
            )
        except NoPlaceLeft:
            dispatcher.utter_message(
                text="Sorry, someone has just taken the last place in that session. Please choose another.",
                buttons=[button("Book a session with a helper", "/book_assisted_digital")],
            )
            return clear
        except SQLAlchemyError:
            logger.exception("digital session: could not book")
            apologise_not_stored(dispatcher, council, "book it", "booked")
            return clear
        if booking.created_now:
            context.insight(
                insight_events.HELPER_SESSION_BOOKED, tracker, service="book_assisted_digital"
            )
        lines = [
            (
                "You're booked in. "
                if booking.created_now
                else "You're already booked in, so I haven't booked twice. "
            )
            + f"Your reference is {booking.reference}.",
            f"When: {session_label(begins)}, for {slot[1]} minutes.",
            f"Where: {venue.name}, {venue.address}, {venue.postcode}. Phone {venue.phone}.",
            WHAT_TO_BRING,
        ]
        if reminder:
            lines.append(
                "The council's text message system will send you a reminder the day before."
            )
        lines.append("If you can't come, please call the venue so someone else can have the place.")
        dispatcher.utter_message(text="\n".join(lines), buttons=[CHECK_A_REQUEST])
        return clear
