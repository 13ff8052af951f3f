"""Book a bulky waste collection: address, items priced from the council's list, a date with space, confirm.

Also cancels a booking by reference and postcode before its cut-off, freeing the place.
"""

from __future__ import annotations

import logging
from datetime import date
from typing import TYPE_CHECKING, Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.exc import SQLAlchemyError

from actions import context
from actions.bulky_items import (
    decode,
    describe,
    encode,
    items_in_message,
    money,
    pounds,
    price_lines,
    read_items,
)
from actions.channel_promises import how_to_pay, payment_text_details
from actions.formatting import CHECK_A_REQUEST, TALK_TO_A_PERSON, button, day_and_date, yes_no
from actions.forms.address_questions import (
    AddressQuestions,
    StreetQuestion,
    home_address,
    street_at,
)
from actions.forms.opening_message import opening_message
from actions.forms.validation import ResidentFormValidation
from actions.request_store import apologise_not_stored
from bot.records.bulky_bookings import SERVICE
from bot.records.capacity import NoPlaceLeft
from bot.records.postcodes import normalise_postcode
from bot.storage.references import find_reference

if TYPE_CHECKING:
    from bot.council import Council

logger = logging.getLogger(__name__)

BOOKING_SLOTS = ("postcode", "street", "house", "bulky_items", "bulky_date", "bulky_confirm")
YES_NO = yes_no("Yes, book it", "No, don't book")


def offered_dates(council: Council) -> list[date]:
    """The next collection days that still have a free place, as many as the council offers."""
    days = council.bulky_collection_days(context.today())
    return context.bulky_bookings().available(days, council.bulky_waste.dates_offered)


def _capacity(council: Council, day: date) -> int:
    return dict(council.bulky_collection_days(context.today())).get(day, 0)


def _price_text(council: Council, lines: list[Any]) -> tuple[str, Any]:
    priced, total = price_lines(lines, council.bulky_waste)
    rows = [f"{line.quantity} x {line.name}: {pounds(cost)}" for line, cost in priced]
    return "\n".join(rows) + f"\nTotal: {pounds(total)}", total


def _phone(council: Council) -> str:
    return council.config.contact.phone


class ValidateBulkyWasteForm(AddressQuestions, ResidentFormValidation):
    """Checks the address (as for missed bins), the items, the date and the confirmation."""

    postcode_service = "bulky waste collections"
    nothing_done = "Nothing has been booked."

    def name(self) -> str:
        return "validate_bulky_waste_form"

    def cost_answer(self, tracker: Tracker) -> str:
        rules = context.council().bulky_waste
        lines = decode(tracker.get_slot("bulky_items"))
        if lines:
            _, total = price_lines(lines, rules)
            return f"For {describe(lines)} it's {pounds(total)}. I'll show you the price again before I book."
        return (
            f"Up to {rules.band_items} items cost {pounds(money(rules.band_price))}, then "
            f"{pounds(money(rules.extra_item_price))} for each extra item. I'll show you the total "
            "before I book anything."
        )

    def when_answer(self, tracker: Tracker) -> str:
        return "You choose the day: I'll offer the next dates we can come once I have the address."

    def validate_postcode(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        slots = super().validate_postcode(value, dispatcher, tracker, domain)
        # Revalidated when the form restarts after a date is lost: keep a street already chosen.
        chosen = tracker.get_slot("street")
        if slots.get("postcode") and chosen and slots.get("street") is None:
            names = [s.name for s in context.council().streets_for_postcode(slots["postcode"])]
            if chosen in names:
                slots["street"] = chosen
        return slots

    async def extract_bulky_items(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        # "hi can u take away my old sofa and a fridge pls" names the items on the opening
        # message; only words that closely match the price list are taken, so nothing is guessed.
        # An item we don't collect is left to the items question, which explains what to do.
        if opening_message(tracker) and not tracker.get_slot("bulky_items"):
            text = tracker.latest_message.get("text") or ""
            reading = items_in_message(text, context.council().bulky_waste)
            if reading.lines and not reading.refused:
                return {"bulky_items": encode(reading.lines)}
        return {}

    def validate_bulky_items(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        if isinstance(value, list):  # already validated (the form restarted)
            return {"bulky_items": value} if decode(value) else {"bulky_items": None}
        rules = context.council().bulky_waste
        reading = read_items(str(value or ""), rules)
        for name, instead in reading.refused:
            dispatcher.utter_message(text=f"Sorry, we can't collect {name.lower()}. {instead}")
        if reading.unknown:
            dispatcher.utter_message(
                text="I couldn't find "
                + ", ".join(f"'{u}'" for u in reading.unknown)
                + " on our price list. Please list your items again in one message, for example: "
                "a sofa and 2 mattresses. If it's something unusual, talk to a person.",
                buttons=[TALK_TO_A_PERSON],
            )
            return {"bulky_items": None}
        if not reading.lines:
            if not reading.refused:
                dispatcher.utter_message(text="Please tell me what you'd like us to collect.")
            return {"bulky_items": None}
        count = sum(line.quantity for line in reading.lines)
        if count > rules.max_items:
            dispatcher.utter_message(
                text=f"That's {count} items. We can collect up to {rules.max_items} in one booking. "
                "Please list fewer items; you can make another booking for the rest."
            )
            return {"bulky_items": None}
        return {"bulky_items": encode(reading.lines)}

    def validate_bulky_date(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        text = " ".join(str(value or "").lower().split())
        offered = offered_dates(context.council())
        for day in offered:
            if text in (day.isoformat(), day_and_date(day).lower()):
                return {"bulky_date": day.isoformat()}
        dispatcher.utter_message(text="Please choose one of the dates I offered.")
        return {"bulky_date": None}

    def validate_bulky_confirm(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        return {"bulky_confirm": True if value is True else None}


class ActionAskBulkyPostcode(Action):
    """Opens the booking by asking for the postcode."""

    def name(self) -> str:
        return "action_ask_bulky_waste_form_postcode"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        dispatcher.utter_message(
            text="I can book a bulky waste collection for you. "
            "What's the postcode where we'll collect? For example, PL1 2AA."
        )
        return []


class ActionAskBulkyStreet(StreetQuestion, Action):
    """Asks which street, with a button for each street at the postcode."""

    def name(self) -> str:
        return "action_ask_bulky_waste_form_street"


class ActionAskBulkyItems(Action):
    """Asks what to collect, all in one message."""

    def name(self) -> str:
        return "action_ask_bulky_waste_form_bulky_items"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        rules = context.council().bulky_waste
        dispatcher.utter_message(
            text="What would you like us to collect? List everything in one message, for example: "
            f"a sofa and 2 mattresses. We can take up to {rules.max_items} items. "
            f"Up to {rules.band_items} items cost {pounds(money(rules.band_price))}, "
            f"then {pounds(money(rules.extra_item_price))} for each extra item."
        )
        return []


class ActionAskBulkyDate(Action):
    """Offers the next dates with a free place, as buttons; says so plainly if there are none."""

    def name(self) -> str:
        return "action_ask_bulky_waste_form_bulky_date"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        council = context.council()
        offered = offered_dates(council)
        if not offered:
            dispatcher.utter_message(
                text="Sorry, all our bulky waste collections are booked for the next "
                f"{council.bulky_waste.book_ahead_days // 7} weeks. Nothing has been booked. "
                f"Please try again next week, or call us on {_phone(council)}.",
                buttons=[TALK_TO_A_PERSON],
            )
            return [ActiveLoop(None), SlotSet("requested_slot", None)] + [
                SlotSet(slot, None) for slot in BOOKING_SLOTS
            ]
        labels = [day_and_date(day) for day in offered]
        dispatcher.utter_message(
            text="Which day would you like? These are the next dates we can come.",
            buttons=[button(label, label) for label in labels],
        )
        return []


class ActionAskBulkyConfirm(Action):
    """Shows the priced list, the date and the address, and asks to book."""

    def name(self) -> str:
        return "action_ask_bulky_waste_form_bulky_confirm"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        council = context.council()
        prices, _ = _price_text(council, decode(tracker.get_slot("bulky_items")))
        day = date.fromisoformat(tracker.get_slot("bulky_date"))
        address = f"{tracker.get_slot('house')}, {tracker.get_slot('street')}, {tracker.get_slot('postcode')}"
        dispatcher.utter_message(
            text=f"Here's your booking:\n{prices}\nCollection on {day_and_date(day)} from {address}.\n"
            "Shall I book it?",
            buttons=YES_NO,
        )
        return []


class ActionSubmitBulkyWaste(Action):
    """Takes a place on the chosen day and stores the booking once; if the day just filled, offers the next."""

    def name(self) -> str:
        return "action_submit_bulky_waste"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        council = context.council()
        postcode = tracker.get_slot("postcode")
        street = street_at(council, postcode, tracker.get_slot("street"))
        house = tracker.get_slot("house")
        lines = decode(tracker.get_slot("bulky_items"))
        chosen = tracker.get_slot("bulky_date")
        clear = [SlotSet(s, None) for s in BOOKING_SLOTS]
        if (
            street is None
            or not house
            or not lines
            or not chosen
            or tracker.get_slot("bulky_confirm") is not True
        ):
            return clear  # the form was stopped early; the reason was already given
        day = date.fromisoformat(chosen)
        service = council.service(SERVICE)
        rules = council.bulky_waste
        address = home_address(tracker)
        _, total = price_lines(lines, rules)
        try:
            stored = context.bulky_bookings().book(
                collection_date=day,
                capacity=_capacity(council, day),
                reference_prefix=service.reference_prefix,
                channel=(tracker.get_latest_input_channel() or "unknown")[:20],
                sender_id=tracker.sender_id,
                postcode=postcode,
                address=address,
                details={
                    "items": encode(lines),
                    "total": f"{total:.2f}",
                    "paid": False,
                    **payment_text_details(tracker),
                },
                same_job=[address, day.isoformat(), describe(lines)],
            )
        except NoPlaceLeft:
            offered = offered_dates(council)
            if not offered:
                dispatcher.utter_message(
                    text=f"Sorry, {day_and_date(day)} has just been taken and there are no other "
                    f"dates left to book. Nothing has been booked. Please call us on {_phone(council)}.",
                    buttons=[TALK_TO_A_PERSON],
                )
                return clear
            dispatcher.utter_message(
                text=f"Sorry, {day_and_date(day)} has just been taken by another booking. "
                f"The next date we can come is {day_and_date(offered[0])}."
            )
            return [
                SlotSet("bulky_date", None),
                SlotSet("bulky_confirm", None),
                FollowupAction("bulky_waste_form"),
            ]
        except SQLAlchemyError:
            logger.exception("bulky waste: could not store the booking")
            apologise_not_stored(dispatcher, council, "save your booking", "booked")
            return clear

        put_out = rules.put_out_by.strftime("%-I%p").lower()
        cancel_by = council.bulky_cancel_deadline(stored.due_by)
        if stored.created_now:
            text = (
                f"Booked. Your reference is {stored.reference}.\n"
                f"We'll collect {describe(lines)} from {address} on {day_and_date(stored.due_by)}. "
                f"Please put everything outside by {put_out} that day.\n"
                f"The price is {pounds(total)}. {how_to_pay(rules.payment, tracker)}\n"
                f'You can cancel until {day_and_date(cancel_by)}: say "cancel my bulky collection '
                f'{stored.reference}".'
            )
        else:
            text = (
                f"This collection is already booked, so I haven't made a second booking. "
                f"The reference is {stored.reference} and we'll come on {day_and_date(stored.due_by)}. "
                f"Please put everything outside by {put_out} that day."
            )
        dispatcher.utter_message(text=text, buttons=[CHECK_A_REQUEST])
        remembered = {"reference": stored.reference, "service": SERVICE, "postcode": postcode}
        return [*clear, SlotSet("last_request", remembered)]


class ActionStartBulkyWaste(Action):
    """A bulky waste message: a cancellation ("cancel my bulky collection BW-...") or a new booking."""

    def name(self) -> str:
        return "action_start_bulky_waste"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        text = (tracker.latest_message.get("text") or "").lower()
        if "cancel" in text:
            return [FollowupAction("bulky_cancel_form")]
        return [FollowupAction("bulky_waste_form")]


class ValidateBulkyCancelForm(ResidentFormValidation):
    """Finds the BW reference (and postcode) for a cancellation.

    A booking made earlier in this same conversation needs neither: "cancel that" means it.
    """

    cancel_word_stops = False  # "cancel" is what this form is for; "don't bother" still stops it
    nothing_done = "Your booking hasn't been cancelled."

    def name(self) -> str:
        return "validate_bulky_cancel_form"

    async def extract_reference(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        if tracker.get_slot("requested_slot") is None and not tracker.get_slot("reference"):
            found = find_reference(tracker.latest_message.get("text") or "")
            if found:
                return {"reference": found}
            booked = booked_here(tracker)
            if booked is not None:
                return {"reference": booked["reference"]}
        return {}

    async def extract_postcode(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        if tracker.get_slot("requested_slot") is None and not tracker.get_slot("postcode"):
            booked = booked_here(tracker)
            found = find_reference(tracker.latest_message.get("text") or "")
            if booked is not None and found in (None, booked["reference"]):
                return {"postcode": booked["postcode"]}
        return {}

    def validate_reference(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        prefix = context.council().service(SERVICE).reference_prefix
        reference = find_reference(str(value or ""))
        if reference is None or not reference.startswith(prefix + "-"):
            dispatcher.utter_message(
                text=f"That doesn't look like a bulky waste reference. It starts with {prefix}, "
                f"like {prefix}-7K3F9Q, and it's in the message we sent when you booked.",
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


class ActionSubmitBulkyCancel(Action):
    """Cancels the booking if reference and postcode match and it is not too late; frees the place."""

    def name(self) -> str:
        return "action_submit_bulky_cancel"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        reference = tracker.get_slot("reference")
        postcode = tracker.get_slot("postcode")
        clear = [SlotSet("reference", None), SlotSet("postcode", None)]
        if not reference or not postcode:
            return clear
        cancel_booking(dispatcher, reference, postcode)
        return clear


def booked_here(tracker: Tracker) -> dict[str, Any] | None:
    """The bulky waste booking made earlier in this conversation (its reference and postcode)."""
    last = tracker.get_slot("last_request")
    if isinstance(last, dict) and last.get("service") == SERVICE and last.get("reference"):
        return last
    return None


def cancel_booking(dispatcher: CollectingDispatcher, reference: str, postcode: str) -> None:
    """Cancel a bulky waste booking (reference and postcode must match) and tell the resident."""
    council = context.council()
    try:
        result = context.bulky_bookings().cancel(
            reference, postcode, council.bulky_cancel_deadline, today=context.today()
        )
    except SQLAlchemyError:
        logger.exception("bulky waste: cancellation failed")
        dispatcher.utter_message(
            text="Sorry, I can't cancel bookings just now because of a problem on our side. "
            f"Please try again in a few minutes, or call us on {_phone(council)}.",
            buttons=[TALK_TO_A_PERSON],
        )
        return
    booking = result.booking
    if result.outcome == "cancelled" and booking is not None:
        text = (
            f"Cancelled. We won't come on {day_and_date(booking.due_by)} for booking {booking.reference}. "
            "If you've already paid, we'll refund you within 10 working days."
        )
    elif result.outcome == "already_cancelled" and booking is not None:
        text = f"Booking {booking.reference} was already cancelled. There's nothing more to do."
    elif result.outcome == "too_late" and booking is not None:
        text = (
            f"Sorry, it's too late to cancel online: the collection is on "
            f"{day_and_date(booking.due_by)}. Please call us on {_phone(council)}."
        )
    else:
        text = (
            f"I couldn't find a bulky waste booking with reference {reference} for {postcode}. "
            "Please check both and try again, or talk to a person."
        )
    dispatcher.utter_message(
        text=text, buttons=[TALK_TO_A_PERSON] if result.outcome != "cancelled" else []
    )
