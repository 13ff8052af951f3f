"""Stopping a form when the resident says no or cancel, and a "no" or "cancel that" after one."""

from __future__ import annotations

import inspect
import re
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.bulky_waste import booked_here
from actions.formatting import TALK_TO_A_PERSON
from actions.forms.repair import detect_repair, read_correction, says_more_than_no
from actions.missed_bin import correct_last_report
from bot.storage.references import find_reference

#: "cancel the booking", "cancel my collection": a bulky waste booking, even with no reference.
_A_BOOKING = re.compile(
    r"\b(booking|booked|collection|bulky|pick ?up|sofa|settee|mattress)\b", re.I
)

FORM_SLOTS = (
    "postcode",
    "street",
    "house",
    "bin_type",
    "reference",
    "bulky_items",
    "bulky_date",
    "bulky_confirm",
    "digital_barrier",
    "venue_postcode",
    "booking_venue",
    "booking_slot",
    "booking_reminder",
    "booking_mobile",
    "booking_confirm",
    "repair_tenancy",
    "repair_kind",
    "repair_room",
    "repair_description",
    "repair_check",
    "repair_access",
    "repair_phone",
    "repair_confirm",
    "permit_type",
    "vehicle_reg",
    "permit_confirm",
    "school_topic",
    "ctax_move_kind",
    "ctax_move_date",
    "ctax_old_address",
    "ctax_new_address",
    "ctax_account",
    "ctax_move_confirm",
    "ctax_discount_kind",
    "ctax_adults",
    "ctax_discount_date",
    "ctax_discount_address",
    "ctax_discount_confirm",
    "benefit_change_kind",
    "benefit_change_date",
    "benefit_change_details",
    "benefit_postcode",
    "benefit_change_confirm",
    "bin_container",
    "bin_reason",
    "bin_household",
    "bin_confirm",
    "report_location",
    "fly_tipping_kind",
    "fly_tipping_amount",
    "fly_tipping_seen",
    "fly_tipping_confirm",
    "street_problem_kind",
    "street_problem_details",
    "lamp_column",
    "street_problem_urgent",
    "street_problem_confirm",
)


class ActionCancelForm(Action):
    """Ends the active form, clears its answers and says nothing was sent."""

    def name(self) -> str:
        return "action_cancel_form"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        corrected = await correction_read_as_no(dispatcher, tracker, domain)
        if corrected is not None:
            return corrected
        dispatcher.utter_message(response="utter_form_cancelled")
        return [ActiveLoop(None), SlotSet("requested_slot", None)] + [
            SlotSet(slot, None) for slot in FORM_SLOTS
        ]


async def correction_read_as_no(
    dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
) -> list[EventType] | None:
    """ "sorry it was the green one not the black" can read as "no": it is a correction.

    The answer it gives (even to a question not asked yet) is checked by the form's own
    validator and kept, and the form carries on with its question; None when it is no correction.
    """
    text = tracker.latest_message.get("text") or ""
    repair = detect_repair(text)
    form = (tracker.active_loop or {}).get("name")
    if repair is None or repair.kind != "correction" or not form:
        return None
    validator = _validator_for(form)
    for slot in (domain.get("forms", {}).get(form) or {}).get("required_slots") or []:
        candidate = read_correction(slot, text, tracker.get_slot(slot))
        check = getattr(validator, f"validate_{slot}", None) if validator else None
        if candidate is None or check is None:
            continue
        asked = tracker.get_slot("requested_slot")
        if slot != asked:
            # Not asked yet: checked the way an answer given up front is (opening_message).
            tracker.slots["requested_slot"] = None
            tracker.latest_message = {**tracker.latest_message, "intent": {"name": "correction"}}
        result = check(candidate, dispatcher, tracker, domain)
        result = await result if inspect.isawaitable(result) else result
        tracker.slots["requested_slot"] = asked
        if not result or result.get(slot) is None:
            return [FollowupAction(form)]  # the validator has said why; the form asks again
        dispatcher.utter_message(text="No problem, I've put that right.")
        return [SlotSet(name, value) for name, value in result.items()] + [FollowupAction(form)]
    return None


def _validator_for(form: str) -> Any:
    """The form's validation action (validate_<form>), from the classes every form derives from."""
    from actions.forms.validation import ResidentFormValidation

    pending = list(ResidentFormValidation.__subclasses__())
    while pending:
        cls = pending.pop()
        pending.extend(cls.__subclasses__())
        if inspect.isabstract(cls):
            continue
        action = cls()
        if action.name() == f"validate_{form}":
            return action
    return None


class ActionNoOutsideForm(Action):
    """A "no", "cancel that" or "sorry, it was the green one" with no form open.

    Cancels a bulky waste booking ("cancel the booking please", "actually can i cancel that, my
    brother is taking the sofa to the tip"), puts right a missed bin report just made, and
    otherwise asks what else: never a dead end for a message that meant something.
    """

    def name(self) -> str:
        return "action_no_outside_form"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        events = repair_after_request(dispatcher, tracker, said_no=True)
        if events is None:
            dispatcher.utter_message(response="utter_anything_else")
            return []
        return events


def repair_after_request(
    dispatcher: CollectingDispatcher, tracker: Tracker, said_no: bool = False
) -> list[EventType] | None:
    """Cancel or put right a request ("cancel that", "sorry, it was the green one"), whatever the
    classifier made of the words; None when the message is neither, or there is nothing to act on.

    Called for a "no" outside a form, and before "not understood" or "not something the council
    deals with", so a correction or a cancellation never depends on how it was classified.
    Only after a "no" (`said_no`) does a correction that can't be read offer a person.
    """
    text = tracker.latest_message.get("text") or ""
    repair = detect_repair(text)
    kind = repair.kind if repair is not None else None
    reference = find_reference(text)
    last = tracker.get_slot("last_request")
    if kind == "cancel" or (reference and "cancel" in text.lower()):
        if booked_here(tracker) or _A_BOOKING.search(text) or (reference or "").startswith("BW-"):
            return [FollowupAction("bulky_cancel_form")]
        if isinstance(last, dict) and last.get("reference"):
            dispatcher.utter_message(
                text=f"I can't cancel {last['reference']} here, but a person can. "
                "Would you like me to pass you to one?",
                buttons=[TALK_TO_A_PERSON],
            )
            return []
    if kind == "correction" and correct_last_report(dispatcher, tracker, text):
        return []
    if said_no and kind == "correction" and isinstance(last, dict) and says_more_than_no(text):
        dispatcher.utter_message(
            text=f"If something in {last.get('reference')} is wrong, a person can put it right "
            "for you.",
            buttons=[TALK_TO_A_PERSON],
        )
        return []
    return None
