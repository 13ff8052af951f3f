"""The additional support register: three kind questions, consent, then straight to a person."""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict
from sqlalchemy.exc import SQLAlchemyError

from actions import context
from actions.channel_promises import known_mobile, register_offer, register_promise
from actions.clients.support_register import identities
from actions.form_validation import ResidentFormValidation
from actions.handoff import hand_off

logger = logging.getLogger(__name__)

CRITERIA_SLOTS = ("support_online", "support_library", "support_helper")
ALL_SLOTS = (*CRITERIA_SLOTS, "support_consent")
NOT_NEEDED = "n/a"
REGISTERED_REASON = "Resident cannot use digital services: joined the extra support register"
NOT_REGISTERED_REASON = "Resident says they cannot use digital services"


def _skip_rest(after: str) -> dict[str, Any]:
    rest = ALL_SLOTS[ALL_SLOTS.index(after) + 1 :]
    return {slot: NOT_NEEDED for slot in rest}


class ValidateExtraSupportForm(ResidentFormValidation):
    """A "yes" to any of the three questions means the register is not needed: stop asking."""

    def name(self) -> str:
        return "validate_extra_support_form"

    def validate_support_online(self, value: Any, *_: Any) -> dict[str, Any]:
        return {"support_online": value, **(_skip_rest("support_online") if value == "yes" else {})}

    def validate_support_library(self, value: Any, *_: Any) -> dict[str, Any]:
        return {"support_library": value, **(_skip_rest("support_library") if value == "yes" else {})}

    def validate_support_helper(self, value: Any, *_: Any) -> dict[str, Any]:
        return {"support_helper": value, **(_skip_rest("support_helper") if value == "yes" else {})}


class ActionAskSupportConsent(Action):
    """Asks to join the register, saying what joining really changes on this channel."""

    def name(self) -> str:
        return "action_ask_extra_support_form_support_consent"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        dispatcher.utter_message(
            text=f"You can join our extra support register. {register_offer(tracker)} We keep a "
            "scrambled code made from how you contact us, not your number itself, and you can ask "
            "us to take you off at any time. Shall I add you?",
            buttons=[
                {"title": "Yes, add me", "payload": "/affirm"},
                {"title": "No, thank you", "payload": "/deny"},
            ],
        )
        return []


def qualifies(tracker: Tracker) -> bool:
    """Cannot get online, cannot get help at a library, and has no one to help."""
    return all(tracker.get_slot(slot) == "no" for slot in CRITERIA_SLOTS)


class ActionSubmitExtraSupport(Action):
    """Registers the resident if they qualify and agree, then hands them to an advisor."""

    def name(self) -> str:
        return "action_submit_extra_support"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        registered = False
        if qualifies(tracker) and tracker.get_slot("support_consent") == "yes":
            registered = self._register(dispatcher, tracker)
        elif qualifies(tracker):
            dispatcher.utter_message(text="That's fine, I haven't added you. You can ask to join at any time.")
        else:
            dispatcher.utter_message(
                text="Thank you. You don't need the register, but free help with getting online is "
                "available at libraries. I'll pass you to a person now."
            )
        reason = REGISTERED_REASON if registered else NOT_REGISTERED_REASON
        events = hand_off(dispatcher, tracker, "need_extra_support", reason, signpost=False)
        return [*(SlotSet(slot, None) for slot in ALL_SLOTS), *events]

    @staticmethod
    def _register(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
        channel = (tracker.get_latest_input_channel() or "unknown")[:20]
        phone = known_mobile(tracker)
        label = f"Self-registered on {channel}" + (f" (…{phone[-3:]})" if phone else "")
        try:
            context.support_register().register(
                identities(channel, tracker.sender_id),
                label=label,
                reason="Resident confirmed: cannot get online; cannot get help at a library; "
                "has no one to help",
                added_by="resident",
            )
        except SQLAlchemyError:
            logger.exception("extra support: could not save the registration")
            dispatcher.utter_message(
                text="Sorry, I couldn't add you to the register just now. An advisor can do it for you."
            )
            return False
        dispatcher.utter_message(
            text="Thank you, you're now on our extra support register. "
            + register_promise(tracker, context.council())
        )
        return True
