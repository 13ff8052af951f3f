"""Stopping a form when the resident says no or cancel, with nothing stored."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

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
        dispatcher.utter_message(response="utter_form_cancelled")
        return [ActiveLoop(None), SlotSet("requested_slot", None)] + [
            SlotSet(slot, None) for slot in FORM_SLOTS
        ]
