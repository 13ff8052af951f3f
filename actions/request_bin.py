"""Order a new, replacement, larger or extra bin, box or caddy: address, which one, why, price, confirm."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import context
from actions.bulky_items import pounds
from actions.channel_promises import how_to_pay, payment_text_details
from actions.formatting import CHECK_A_REQUEST, TALK_TO_A_PERSON, button, day_and_date, yes_no
from actions.forms.address_questions import (
    AddressQuestions,
    StreetQuestion,
    home_address,
    street_at,
    whose_home,
)
from actions.forms.opening_message import opening_message
from actions.forms.stoppable import StoppableForm
from actions.forms.validation import ResidentFormValidation
from actions.request_store import store_request
from bot.council.bin_requests import LARGER
from bot.word_match import NUMBER_WORDS, match_one

SERVICE = "request_bin"
ORDER_SLOTS = (
    "postcode",
    "street",
    "house",
    "bin_container",
    "bin_reason",
    "bin_household",
    "bin_confirm",
)
YES_NO = yes_no("Yes, order it", "No, don't order")
HOUSEHOLD_BIG, HOUSEHOLD_MEDICAL, HOUSEHOLD_NEITHER = "6_or_more", "medical_need", "neither"
_MEDICAL = re.compile(
    r"medical|continence|incontinen|nappies|nappy|stoma|dialysis|condition|disab|illness|health",
    re.IGNORECASE,
)
_HOUSEHOLD_WORDS = re.compile(
    r"\bfamily\b|\bof us\b|\bpeople\b|\bkids\b|\bchildren\b|medical|nappies|continence", re.I
)


def rules() -> Any:
    return context.council().bin_requests


def _reason_terms() -> list[tuple[str, tuple[str, ...]]]:
    return [(r.key, (r.name, r.key.replace("_", " "), *r.synonyms)) for r in rules().reasons]


def _container(key: str | None) -> Any:
    return rules().container(key) if key else None


def _bin_name(key: str) -> str:
    return context.council().bin_types[key].name


def read_household(text: str, minimum: int, medical_allowed: bool) -> str | None:
    """6_or_more, medical_need or neither from "there are 7 of us", "my son uses nappies", a button."""
    lowered = text.lower()
    if HOUSEHOLD_NEITHER in lowered or "neither" in lowered or "fewer" in lowered:
        return HOUSEHOLD_NEITHER
    if medical_allowed and _MEDICAL.search(lowered) and not re.search(r"\bno medical\b", lowered):
        return HOUSEHOLD_MEDICAL
    numbers = [int(n) for n in re.findall(r"\b(\d{1,2})\b", lowered)]
    numbers += [value for word, value in NUMBER_WORDS.items() if re.search(rf"\b{word}\b", lowered)]
    if HOUSEHOLD_BIG.replace("_", " ") in lowered or "or more" in lowered:
        return HOUSEHOLD_BIG
    if numbers:
        return HOUSEHOLD_BIG if max(numbers) >= minimum else HOUSEHOLD_NEITHER
    return None


class ValidateRequestBinForm(StoppableForm, AddressQuestions, ResidentFormValidation):
    """Address as for missed bins, then which container, why, who may have a larger bin, confirm."""

    postcode_service = "bins"

    service_key = SERVICE

    def name(self) -> str:
        return "validate_request_bin_form"

    def cost_answer(self, tracker: Tracker) -> str:
        return "Some bins are free and some have a charge, depending on the bin and the reason. I'll show you the price, and how to pay, before I order anything."

    async def required_slots(
        self,
        domain_slots: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: dict[str, Any],
    ) -> list[str]:
        # The household question only matters for a larger bin.
        wanted = list(domain_slots)
        reason = tracker.get_slot("bin_reason")
        if reason is None and opening_message(tracker):  # read from this message in this same run
            reason = match_one(tracker.latest_message.get("text") or "", _reason_terms())
        if reason != LARGER and "bin_household" in wanted:
            wanted.remove("bin_household")
        return wanted

    async def extract_bin_container(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        # "Order a recycling box" names the container on the opening message.
        if opening_message(tracker) and not tracker.get_slot("bin_container"):
            found = context.council().match_bin_type(tracker.latest_message.get("text") or "")
            if found is not None and rules().container(found.key) is not None:
                return {"bin_container": found.key}
        return {}

    async def extract_bin_reason(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        # "My bin was stolen" gives the reason on the opening message.
        if opening_message(tracker) and not tracker.get_slot("bin_reason"):
            found = match_one(tracker.latest_message.get("text") or "", _reason_terms())
            if found:
                return {"bin_reason": found}
        return {}

    async def extract_bin_household(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        # "I need a bigger bin, we're a family of 7" answers the household question up front.
        text = tracker.latest_message.get("text") or ""
        if opening_message(tracker) and _HOUSEHOLD_WORDS.search(text):
            larger = rules().larger_bin
            answer = read_household(text, larger.min_household, larger.medical_need)
            if answer is not None:  # "there are 3 of us" is told at once, before the address
                return {"bin_household": answer}
        return {}

    def validate_bin_container(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        council = context.council()
        text = str(value or "")
        bin_type = council.bin_types.get(text) or council.match_bin_type(text)
        container = rules().container(bin_type.key) if bin_type else None
        if container is None:
            dispatcher.utter_message(text="Sorry, I didn't catch which one. Please choose one.")
            return {"bin_container": None}
        reason = tracker.get_slot("bin_reason")
        checked_now = "bin_reason" in tracker.slots_to_validate()  # validate_bin_reason will say it
        if reason and not checked_now and container.price(reason) is None:
            # Named on the opening message, but not offered for this container ("an extra black bin").
            dispatcher.utter_message(text=container.not_offered)
            return {"bin_container": container.bin_type, "bin_reason": None}
        return {"bin_container": container.bin_type}

    def validate_bin_reason(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        text = str(value or "")
        reason = text if rules().reason(text) else match_one(text, _reason_terms())
        if reason is None:
            dispatcher.utter_message(
                text="Sorry, I didn't catch why you need it. Please choose one."
            )
            return {"bin_reason": None}
        container = _container(tracker.get_slot("bin_container"))
        if container is not None and container.price(reason) is None:
            dispatcher.utter_message(text=container.not_offered)
            return {"bin_reason": None}
        return {"bin_reason": reason}

    def validate_bin_household(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        larger = rules().larger_bin
        text = str(value or "")
        answer = text if text in (HOUSEHOLD_BIG, HOUSEHOLD_MEDICAL, HOUSEHOLD_NEITHER) else None
        answer = answer or read_household(text, larger.min_household, larger.medical_need)
        if answer is None:
            dispatcher.utter_message(
                text="Sorry, I didn't follow. How many people live there, or is there a medical need?"
            )
            return {"bin_household": None}
        if answer == HOUSEHOLD_NEITHER:
            dispatcher.utter_message(text=larger.refused, buttons=[TALK_TO_A_PERSON])
            # Nothing is ordered: end the form here.
            return {"bin_household": None, "requested_slot": None}
        return {"bin_household": answer}

    def validate_bin_confirm(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> dict[str, Any]:
        return {"bin_confirm": True if value is True else None}


class ActionAskRequestBinPostcode(Action):
    """Opens the order by asking for the postcode of the home the bin is for."""

    def name(self) -> str:
        return "action_ask_request_bin_form_postcode"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        dispatcher.utter_message(
            text="I can order a bin, box or caddy for you. "
            f"What's the postcode of {whose_home(tracker)}? For example, PL1 2AA."
        )
        return []


class ActionAskRequestBinStreet(StreetQuestion, Action):
    """Asks which street, with a button for each street at the postcode."""

    def name(self) -> str:
        return "action_ask_request_bin_form_street"


class ActionAskBinContainer(Action):
    """Asks which bin, box or caddy, with a button for each one the council delivers."""

    def name(self) -> str:
        return "action_ask_bin_container"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        names = [(c.bin_type, _bin_name(c.bin_type)) for c in rules().containers]
        dispatcher.utter_message(
            text="Which bin, box or caddy do you need?",
            buttons=[button(name[0].upper() + name[1:], name) for _, name in names],
        )
        return []


class ActionAskBinReason(Action):
    """Asks why, offering only the reasons this container can be ordered for."""

    def name(self) -> str:
        return "action_ask_bin_reason"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        container = _container(tracker.get_slot("bin_container"))
        reasons = [r for r in rules().reasons if container is None or r.key in container.charges]
        dispatcher.utter_message(
            text="Why do you need it?",
            buttons=[button(r.name[0].upper() + r.name[1:], r.name) for r in reasons],
        )
        return []


class ActionAskBinHousehold(Action):
    """Asks whether the household can have a larger bin (size or a medical need)."""

    def name(self) -> str:
        return "action_ask_bin_household"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        larger = rules().larger_bin
        need = (
            " or someone has a medical need that makes extra waste" if larger.medical_need else ""
        )
        options = [
            button(f"{larger.min_household} or more people", f"{larger.min_household} or more")
        ]
        if larger.medical_need:
            options.append(button("A medical need", "medical need"))
        options.append(button("Neither", HOUSEHOLD_NEITHER))
        dispatcher.utter_message(
            text=f"We give larger bins to households of {larger.min_household} or more people{need}. "
            "How many people live there?",
            buttons=options,
        )
        return []


def order_price(container: Any, reason: str) -> Decimal:
    price = container.price(reason)
    return price if price is not None else Decimal("0.00")


class ActionAskBinConfirm(Action):
    """Reads the order back with the price and how to pay, and asks to order it."""

    def name(self) -> str:
        return "action_ask_bin_confirm"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        container = _container(tracker.get_slot("bin_container"))
        reason = rules().reason(tracker.get_slot("bin_reason") or "")
        if container is None or reason is None:
            return []
        price = order_price(container, reason.key)
        address = f"{tracker.get_slot('house')}, {tracker.get_slot('street')}, {tracker.get_slot('postcode')}"
        lines = [
            "Here's your order:",
            f"{container.description[0].upper() + container.description[1:]} ({reason.name}), "
            f"delivered to {address}.",
        ]
        if price > 0:
            lines.append(f"Price: {pounds(price)}. {how_to_pay(rules().payment, tracker)}")
        else:
            lines.append("There's no charge.")
        if container.note:
            lines.append(container.note)
        lines.append("Shall I order it?")
        dispatcher.utter_message(text="\n".join(lines), buttons=YES_NO)
        return []


class ActionSubmitRequestBin(Action):
    """Stores the order once and gives the reference, the price and the delivery date."""

    def name(self) -> str:
        return "action_submit_request_bin"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        council = context.council()
        postcode = tracker.get_slot("postcode")
        street = street_at(council, postcode, tracker.get_slot("street"))
        house = tracker.get_slot("house")
        container = _container(tracker.get_slot("bin_container"))
        reason = rules().reason(tracker.get_slot("bin_reason") or "")
        clear = [SlotSet(slot, None) for slot in ORDER_SLOTS]
        if (
            street is None
            or not house
            or container is None
            or reason is None
            or container.price(reason.key) is None
            or tracker.get_slot("bin_confirm") is not True
        ):
            return clear  # the form was stopped early; the reason was already given
        service = council.service(SERVICE)
        today = context.today()
        price = order_price(container, reason.key)
        address = home_address(tracker)
        stored = store_request(
            dispatcher,
            tracker,
            service,
            postcode=postcode,
            address=address,
            due_by=council.add_working_days(today, service.timescale_working_days),
            details={
                "bin_type": container.bin_type,  # what to deliver
                "reason": reason.key,  # why: sets the price and whether to take the old bin
                "price": f"{price:.2f}",  # what the resident was told they would pay
                "paid": price == 0,  # delivery waits for payment when there is a charge
                # Why a larger bin was allowed (the council's eligibility rule), nothing more.
                "larger_bin_because": tracker.get_slot("bin_household")
                if reason.key == LARGER
                else None,
                **(payment_text_details(tracker) if price else {}),
            },
            same_job=[address, container.bin_type, reason.key, today.isoformat()],
            what="save your order",
            nothing="ordered",
        )
        if stored is None:
            return clear
        by = day_and_date(stored.due_by)
        if stored.created_now:
            lines = [
                f"Ordered. Your reference is {stored.reference}.",
                f"We'll deliver your {container.description} to {address} by {by}"
                + (", once you've paid." if price > 0 else "."),
                rules().delivery,
            ]
            if price > 0:
                lines.append(
                    f"The price is {pounds(price)}. {how_to_pay(rules().payment, tracker)}"
                )
            if reason.key in ("damaged", "crew_damaged", LARGER):
                lines.append(rules().old_bin)
        else:
            lines = [
                f"You've already ordered this, so I haven't made a second order. The reference is "
                f"{stored.reference} and we'll deliver by {by}."
            ]
        dispatcher.utter_message(text="\n".join(lines), buttons=[CHECK_A_REQUEST])
        return clear
