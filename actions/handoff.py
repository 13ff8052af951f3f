"""Hand a conversation to an advisor: safety signpost first, then a ticket in the queue."""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.exc import SQLAlchemyError

from actions import context
from actions.forms import FORM_SLOTS
from bot.intents import Route, priority_for, route_for

logger = logging.getLogger(__name__)

SUMMARY_MAX_MESSAGES = 12
SUMMARY_MAX_CHARS = 3000


def conversation_summary(tracker: Tracker) -> str:
    """The resident's own messages in this conversation, newest last, for the advisor."""
    said = [
        str(event.get("text") or "")
        for event in tracker.events
        if event.get("event") == "user" and event.get("text")
    ]
    said = [text for text in said if not text.startswith("/")][-SUMMARY_MAX_MESSAGES:]
    summary = "\n".join(f"- {text}" for text in said)
    return summary[-SUMMARY_MAX_CHARS:]


def form_values(tracker: Tracker) -> dict[str, Any]:
    return {slot: tracker.get_slot(slot) for slot in FORM_SLOTS if tracker.get_slot(slot)}


def handoff_reason(intent: str, parse_data: dict[str, Any]) -> str:
    """Why this went to a person, in words an advisor understands at a glance."""
    rule = parse_data.get("crisis_rule")
    if rule:
        return f"Safety rule matched: {rule}"
    if intent == "request_human":
        return "Resident asked for a person"
    if intent == "need_extra_support":
        return "Resident says they cannot use digital services"
    return f"Topic needs an advisor: {intent.replace('_', ' ')}"


class ActionHandoff(Action):
    """Creates (or updates) the conversation's advisor ticket and tells the resident honestly."""

    def name(self) -> str:
        return "action_handoff"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        parse_data = tracker.latest_message or {}
        intent = (parse_data.get("intent") or {}).get("name") or "request_human"
        route = route_for(intent)
        if route not in (Route.EMERGENCY, Route.URGENT_ADVISOR, Route.ADVISOR):
            intent, route = "request_human", Route.ADVISOR
        council = context.council()

        # Safety numbers go first and do not depend on the database being up.
        info = council.information_for(intent)
        if info is not None and intent != "request_human":
            dispatcher.utter_message(text=info.text)

        channel = (tracker.get_latest_input_channel() or "unknown")[:20]
        try:
            ticket = context.tickets().raise_ticket(
                channel=channel,
                sender_id=tracker.sender_id,
                intent=intent,
                route=route,
                priority=priority_for(intent),
                reason=handoff_reason(intent, parse_data),
                summary=conversation_summary(tracker),
                form_values=form_values(tracker),
            )
        except SQLAlchemyError:
            logger.exception("handoff: could not store the ticket")
            dispatcher.utter_message(text=self._unsaved_text(council, route))
            return self._end_any_form()

        dispatcher.utter_message(text=self._queued_text(council, route, ticket))
        return self._end_any_form()

    @staticmethod
    def _end_any_form() -> list[EventType]:
        return [ActiveLoop(None), SlotSet("requested_slot", None)]

    @staticmethod
    def _queued_text(council: Any, route: Route, ticket: Any) -> str:
        urgent = route in (Route.EMERGENCY, Route.URGENT_ADVISOR)
        open_now = council.is_open(context.now())
        kind = "an urgent request" if urgent else "a request"
        lines = [
            f"I've passed this to an advisor as {kind}. Your reference is {ticket.reference}."
        ]
        if open_now:
            place = "next" if ticket.position == 1 else f"number {ticket.position} in the queue"
            lines.append(
                f"You're {place}. An advisor will reply here in this chat, so please keep it open."
            )
        else:
            lines.append(
                f"Our advisors aren't working right now. We're open {council.opening_hours_text()}. "
                "Your message is saved and an advisor will reply here when we open."
            )
            if urgent:
                lines.append(f"If you need help before then, call {council.config.out_of_hours_phone}.")
        if urgent:
            lines.append("If anyone is in immediate danger, call 999.")
        else:
            lines.append(f"You can also call us on {council.config.contact.phone}.")
        return "\n".join(lines)

    @staticmethod
    def _unsaved_text(council: Any, route: Route) -> str:
        if route in (Route.EMERGENCY, Route.URGENT_ADVISOR):
            open_now = council.is_open(context.now())
            phone = council.config.contact.phone if open_now else council.config.out_of_hours_phone
            return (
                "I couldn't pass this to an advisor just now because of a problem on our side. "
                f"Please call {phone} now. If anyone is in immediate danger, call 999."
            )
        return (
            "Sorry, I couldn't pass this to an advisor just now because of a problem on our side. "
            f"Please call us on {council.config.contact.phone} ({council.opening_hours_text()})."
        )
