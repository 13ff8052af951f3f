"""The questions the housing repair form asks, each with buttons from the council's repairs data."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.formatting import SEND_OR_NOT, button
from actions.forms.address_questions import StreetQuestion, home_address, whose_home
from actions.housing_repair import is_emergency, phone_text, repair_rules


class ActionAskRepairTenancy(Action):
    """Asks who the resident rents from: only council tenants report repairs here."""

    def name(self) -> str:
        return "action_ask_housing_repair_form_repair_tenancy"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        dispatcher.utter_message(
            text="I can report a repair to a council home. First, do you rent your home from the council?",
            buttons=[button(t.name, t.name) for t in repair_rules().tenancies],
        )
        return []


class ActionAskRepairKind(Action):
    """Asks what needs repairing, with a button for each kind of repair."""

    def name(self) -> str:
        return "action_ask_housing_repair_form_repair_kind"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        dispatcher.utter_message(
            text="What needs repairing? Choose one, or tell me in a few words.",
            buttons=[button(k.name, k.key) for k in repair_rules().kinds],
        )
        return []


class ActionAskRepairRoom(Action):
    """Asks where in the home the problem is."""

    def name(self) -> str:
        return "action_ask_housing_repair_form_repair_room"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        dispatcher.utter_message(
            text="Where in your home is it?", buttons=[button(r, r) for r in repair_rules().rooms]
        )
        return []


class ActionAskRepairDescription(Action):
    """Asks for a short description, saying how long it may be."""

    def name(self) -> str:
        return "action_ask_housing_repair_form_repair_description"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        limit = repair_rules().description_max_chars
        dispatcher.utter_message(
            text=f"In a sentence or two, what's wrong? (up to {limit} characters) "
            "For example: the kitchen tap drips all the time."
        )
        return []


class ActionAskRepairCheck(Action):
    """Asks the council's emergency question for this kind of repair."""

    def name(self) -> str:
        return "action_ask_housing_repair_form_repair_check"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        kind = repair_rules().kind(tracker.get_slot("repair_kind"))
        question = kind.question if kind is not None and kind.question else "Is it an emergency?"
        dispatcher.utter_message(text=question, buttons=[button("Yes", "Yes"), button("No", "No")])
        return []


class ActionAskRepairAccess(Action):
    """Asks when the repairs team can come."""

    def name(self) -> str:
        return "action_ask_housing_repair_form_repair_access"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        dispatcher.utter_message(
            text="When can our repairs team come in?",
            buttons=[button(a.name, a.key) for a in repair_rules().access_times],
        )
        return []


class ActionAskRepairPhone(Action):
    """Asks for a phone number so the repairs team can arrange the visit (optional)."""

    def name(self) -> str:
        return "action_ask_housing_repair_form_repair_phone"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        why = (
            "so someone can phone you back straight away"
            if is_emergency(tracker)
            else "so our repairs team can arrange the visit"
        )
        dispatcher.utter_message(
            text=f"What's the best phone number to reach you on, {why}? You can skip this.",
            buttons=[button("Skip", "skip")],
        )
        return []


class ActionAskRepairPostcode(Action):
    """Asks for the postcode of the council home."""

    def name(self) -> str:
        return "action_ask_housing_repair_form_postcode"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        dispatcher.utter_message(
            text=f"What's the postcode of {whose_home(tracker)}? For example, PL1 2AA."
        )
        return []


class ActionAskRepairStreet(StreetQuestion, Action):
    """Asks which street, with a button for each street at the postcode."""

    def name(self) -> str:
        return "action_ask_housing_repair_form_street"


class ActionAskRepairConfirm(Action):
    """Reads the report back and asks to send it."""

    def name(self) -> str:
        return "action_ask_housing_repair_form_repair_confirm"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        rules = repair_rules()
        kind = rules.kind(tracker.get_slot("repair_kind"))
        access = rules.access_time(tracker.get_slot("repair_access"))
        lines = [
            "Here's your repair report:",
            f"What: {kind.name if kind else ''}, {tracker.get_slot('repair_room')}",
            f"Problem: {tracker.get_slot('repair_description')}",
            f"Address: {home_address(tracker)}",
            f"Phone: {phone_text(tracker)}",
        ]
        if is_emergency(tracker):
            lines.append(f"Emergency: yes, we aim to make it safe {rules.emergency_timescale}.")
        else:
            lines.append(f"When we can come: {access.name if access else ''}")
        lines.append("Shall I send it?")
        dispatcher.utter_message(
            text="\n".join(lines),
            buttons=SEND_OR_NOT,
        )
        return []
