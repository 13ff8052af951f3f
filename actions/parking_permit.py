"""Apply for a parking permit: address, zone by street, permit type, vehicle, price, confirm; and fines answers."""

from __future__ import annotations

import logging
import re
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.exc import SQLAlchemyError

from actions import context
from actions.bulky_items import money, pounds
from actions.formatting import CHECK_A_REQUEST, TALK_TO_A_PERSON, button, day_and_date, yes_no
from actions.forms.address_questions import (
    AddressQuestions,
    StreetQuestion,
    home_address,
    street_at,
)
from actions.forms.validation import ResidentFormValidation
from actions.information import ActionInformation, StartFormOrAnswer
from actions.request_store import store_request
from bot.records.permits import permits_held

logger = logging.getLogger(__name__)

SERVICE = "parking_permit"
PERMIT_SLOTS = ("permit_type", "vehicle_reg", "permit_confirm")
ADDRESS_SLOTS = ("postcode", "street", "house")
NO_VEHICLE = "not needed"
#: UK number plates: current (AB12 CDE), prefix (A123 BCD), suffix (ABC 123D) and dateless (ABC 123, 1234 AB).
_PLATES = (
    (re.compile(r"^([A-Z]{2}[0-9]{2})([A-Z]{3})$"), "{0} {1}"),
    (re.compile(r"^([A-Z][0-9]{1,3})([A-Z]{3})$"), "{0} {1}"),
    (re.compile(r"^([A-Z]{3})([0-9]{1,3}[A-Z])$"), "{0} {1}"),
    (re.compile(r"^([A-Z]{1,3})([0-9]{1,4})$"), "{0} {1}"),
    (re.compile(r"^([0-9]{1,4})([A-Z]{1,3})$"), "{0} {1}"),
)


def vehicle_registration(text: str) -> str | None:
    """A UK registration written the standard way ("ab12cde" -> "AB12 CDE"), or None."""
    plate = re.sub(r"[\s\-]", "", str(text or "")).upper()
    if not 2 <= len(plate) <= 7:
        return None
    for pattern, shape in _PLATES:
        match = pattern.match(plate)
        if match:
            return shape.format(*match.groups())
    return None


def _rules() -> Any:
    return context.council().parking


def _zone(tracker: Tracker, street_name: str | None = None) -> Any:
    return _rules().zone_for(street_name or tracker.get_slot("street"))


def _no_zone(
    dispatcher: CollectingDispatcher, street: str, slots: dict[str, Any]
) -> dict[str, Any]:
    dispatcher.utter_message(
        text=f"{street} isn't in a residents' parking zone, so you don't need a permit to park "
        "there and we don't sell one. Please check the signs on the street for any limits.",
        buttons=[TALK_TO_A_PERSON],
    )
    return {**slots, "requested_slot": None}


class ValidateParkingPermitForm(AddressQuestions, ResidentFormValidation):
    """The address as for missed bins, then which zone the street is in, the permit and the vehicle."""

    postcode_service = "parking permits"
    postcode_records = "address records"

    service_key = SERVICE

    def name(self) -> str:
        return "validate_parking_permit_form"

    def cost_answer(self, tracker: Tracker) -> str:
        return "Each permit has its own price. I'll show you the permits sold in your zone with their prices before you choose, and the price again before I send it."

    def validate_postcode(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        slots = super().validate_postcode(value, dispatcher, tracker, domain)
        if slots.get("street") and _zone(tracker, slots["street"]) is None:
            return _no_zone(dispatcher, slots["street"], slots)
        return slots

    def validate_street(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        slots = super().validate_street(value, dispatcher, tracker, domain)
        if slots.get("street") and _zone(tracker, slots["street"]) is None:
            return _no_zone(dispatcher, slots["street"], slots)
        return slots

    def validate_permit_type(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        rules = _rules()
        zone = _zone(tracker)
        if zone is None:
            return {"permit_type": None, "requested_slot": None}
        permit = rules.permit_type(str(value or "")) if str(value or "") in zone.permits else None
        permit = permit or rules.match_permit_type(str(value or ""), zone)
        if permit is None:
            dispatcher.utter_message(text="Sorry, I didn't catch which permit. Please choose one.")
            return {"permit_type": None}
        limit = zone.permits[permit.key].max_per_household
        try:
            held = permits_held(home_address(tracker), permit.key)
        except SQLAlchemyError:
            logger.exception("parking permit: could not count the household's permits")
            held = 0  # checked again by the back office before a permit is issued
        if held >= limit:
            dispatcher.utter_message(
                text=f"This address already has {held} {permit.name.lower()}"
                f"{'s' if held != 1 else ''}, the most one household can have in {zone.name}. "
                "Nothing new has been applied for. If one should be cancelled, talk to a person.",
                buttons=[TALK_TO_A_PERSON],
            )
            return {"permit_type": None, "requested_slot": None}
        slots: dict[str, Any] = {"permit_type": permit.key}
        if not permit.needs_vehicle:
            slots["vehicle_reg"] = NO_VEHICLE
        return slots

    def validate_vehicle_reg(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        if value == NO_VEHICLE:
            return {"vehicle_reg": NO_VEHICLE}
        plate = vehicle_registration(str(value or ""))
        if plate is None:
            dispatcher.utter_message(
                text="That doesn't look like a UK number plate. Please type it like AB12 CDE."
            )
            return {"vehicle_reg": None}
        return {"vehicle_reg": plate}

    def validate_permit_confirm(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        return {"permit_confirm": True if value is True else None}


class ActionStartParkingPermit(StartFormOrAnswer):
    """Starts a permit application, or answers from information.yml if the council has no parking.yml."""

    form = "parking_permit_form"

    def name(self) -> str:
        return "action_start_parking_permit"

    def has_data(self) -> bool:
        return _rules() is not None


class ActionAskPermitPostcode(Action):
    """Opens the application by asking for the postcode."""

    def name(self) -> str:
        return "action_ask_parking_permit_form_postcode"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        dispatcher.utter_message(
            text="I can apply for a parking permit for you. First I'll check your street is in a "
            "permit zone. What's your postcode? For example, PL1 2AA."
        )
        return []


class ActionAskPermitStreet(StreetQuestion, Action):
    """Asks which street, with a button for each street at the postcode."""

    def name(self) -> str:
        return "action_ask_parking_permit_form_street"


class ActionAskPermitType(Action):
    """Says which zone the street is in and offers the permits sold there, with prices."""

    def name(self) -> str:
        return "action_ask_parking_permit_form_permit_type"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        rules = _rules()
        zone = _zone(tracker)
        if zone is None:
            return []
        sold = [(rules.permit_type(key), price) for key, price in zone.permits.items()]
        lines = [
            f"{tracker.get_slot('street')} is in {zone.name}. Permits are needed {zone.hours}.",
            *(f"{p.name} ({p.lasts}): {pounds(money(price.price))}" for p, price in sold),
            "Which permit would you like?",
        ]
        dispatcher.utter_message(
            text="\n".join(lines), buttons=[button(p.name, p.key) for p, _ in sold]
        )
        return []


class ActionAskPermitConfirm(Action):
    """Reads the application back with the price and the evidence needed, and asks to send it."""

    def name(self) -> str:
        return "action_ask_parking_permit_form_permit_confirm"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        rules = _rules()
        zone = _zone(tracker)
        permit = rules.permit_type(tracker.get_slot("permit_type"))
        if zone is None or permit is None:
            return []
        vehicle = tracker.get_slot("vehicle_reg")
        lines = [
            "Here's your application:",
            f"{permit.name} for {zone.name} ({permit.lasts})",
            f"Address: {home_address(tracker)}",
        ]
        if vehicle and vehicle != NO_VEHICLE:
            lines.append(f"Vehicle: {vehicle}")
        lines += [f"Price: {pounds(money(zone.permits[permit.key].price))}", "Shall I send it?"]
        dispatcher.utter_message(
            text="\n".join(lines),
            buttons=yes_no("Yes, apply", "No, don't apply"),
        )
        return []


class ActionSubmitParkingPermit(Action):
    """Stores the application once and says how to pay, what evidence to send and by when."""

    def name(self) -> str:
        return "action_submit_parking_permit"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        council = context.council()
        rules = council.parking
        clear = [SlotSet(s, None) for s in (*PERMIT_SLOTS, *ADDRESS_SLOTS)]
        postcode = tracker.get_slot("postcode")
        street = street_at(council, postcode, tracker.get_slot("street"))
        if rules is None:
            return clear
        zone = rules.zone_for(street.name) if street else None
        permit = rules.permit_type(tracker.get_slot("permit_type"))
        vehicle = tracker.get_slot("vehicle_reg")
        if (
            zone is None
            or permit is None
            or permit.key not in zone.permits
            or not tracker.get_slot("house")
            or not vehicle
            or tracker.get_slot("permit_confirm") is not True
        ):
            return clear  # stopped early (no zone, at the limit, or cancelled); already explained
        service = council.service(SERVICE)
        today = context.today()
        evidence_by = council.add_working_days(today, rules.evidence_within_working_days)
        due_by = council.add_working_days(today, service.timescale_working_days)
        price = zone.permits[permit.key].price
        address = home_address(tracker)
        plate = None if vehicle == NO_VEHICLE else vehicle
        stored = store_request(
            dispatcher,
            tracker,
            service,
            postcode=postcode,
            address=address,
            due_by=due_by,
            details={
                "zone": zone.key,
                "permit_type": permit.key,
                # Printed on the permit; wardens check it against the car.
                "vehicle_reg": plate,
                "price": f"{price:.2f}",
                "paid": False,
                "evidence_by": evidence_by.isoformat(),
            },
            same_job=[address, permit.key, plate or "", today.isoformat()],
            what="save your application",
        )
        if stored is None:
            return clear
        if not stored.created_now:
            dispatcher.utter_message(
                text=f"You've already applied for this permit, so I haven't applied twice. "
                f"The reference is {stored.reference}.",
                buttons=[CHECK_A_REQUEST],
            )
            return clear
        evidence = "; ".join(permit.evidence)
        # Most important first: a text message that runs long is cut from the end.
        dispatcher.utter_message(
            text=f"Application sent. Your reference is {stored.reference}.\n"
            f"To pay {pounds(money(price))}: {rules.payment}\n"
            f"Please upload by {day_and_date(evidence_by)}, with your reference, at "
            f"{rules.evidence_upload}: {evidence}.\n"
            f"We aim to post your permit by {day_and_date(due_by)} once we have both.",
            buttons=[CHECK_A_REQUEST],
        )
        return clear


class ActionParkingFine(Action):
    """Answers parking fine questions from parking.yml (rates, discount and deadlines)."""

    def name(self) -> str:
        return "action_parking_fine"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        rules = _rules()
        fines = rules.fines if rules else None
        if fines is None:
            return await ActionInformation().run(dispatcher, tracker, domain)
        dispatcher.utter_message(
            text=f"A parking fine (Penalty Charge Notice) is {pounds(money(fines.higher_rate))} or "
            f"{pounds(money(fines.lower_rate))}, depending on the offence. Pay within {fines.discount_days} "
            f"days and it's halved ({pounds(money(fines.higher_rate / 2))} or {pounds(money(fines.lower_rate / 2))}). "
            f"If you think it's wrong, challenge it within {fines.discount_days} days and we keep the "
            "half price open while we look at it. If it's still unpaid after "
            f"{fines.pay_within_days} days, the charge goes up by half. You'll need the number on "
            f"the notice.\n{fines.link}",
            buttons=[TALK_TO_A_PERSON],
        )
        return []
