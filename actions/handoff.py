"""Hand a conversation to an advisor: safety signpost first, then a ticket in the queue."""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, ConversationPaused, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.exc import SQLAlchemyError

from actions import context
from actions.forms.cancel import FORM_SLOTS
from bot import handoff_messages
from bot.intents import Priority, Route, priority_for, route_for
from bot.nlu.crisis_decision import crisis_in_parse, urgent_ticket_warranted
from bot.records.rate_limits import CLIENT_KEY
from bot.records.support_register import queue_priority
from bot.records.ticket_caps import TicketCaps
from bot.records.tickets import RULE_REASON_PREFIX

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
    """What the resident already answered, readable by an advisor (a place as one line)."""
    values = {slot: tracker.get_slot(slot) for slot in FORM_SLOTS if tracker.get_slot(slot)}
    return {
        slot: ", ".join(str(v) for v in value.values() if v) if isinstance(value, dict) else value
        for slot, value in values.items()
    }


def handoff_reason(intent: str, parse_data: dict[str, Any]) -> str:
    """Why this went to a person, in words an advisor understands at a glance."""
    crisis = crisis_in_parse(parse_data)
    if crisis is not None and crisis.rule:
        return f"{RULE_REASON_PREFIX}{crisis.rule}"
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
        return hand_off(dispatcher, tracker, intent, handoff_reason(intent, parse_data))


def hand_off(
    dispatcher: CollectingDispatcher,
    tracker: Tracker,
    intent: str,
    reason: str,
    *,
    signpost: bool = True,
    priority: Priority | None = None,
) -> list[EventType]:
    """Safety signpost, then raise (or update) the ticket, tell the resident, pause the assistant."""
    route = route_for(intent)
    if route not in (Route.EMERGENCY, Route.URGENT_ADVISOR, Route.ADVISOR):
        intent, route = "request_human", Route.ADVISOR
    council = context.council()
    end_form: list[EventType] = [ActiveLoop(None), SlotSet("requested_slot", None)]

    # Safety numbers go first and do not depend on the database being up.
    info = council.information_for(intent)
    if signpost and info is not None and intent != "request_human":
        dispatcher.utter_message(text=info.text)
    channel = (tracker.get_latest_input_channel() or "unknown")[:20]
    urgent = route in (Route.EMERGENCY, Route.URGENT_ADVISOR)
    parse_data = tracker.latest_message or {}
    try:
        if urgent and not urgent_ticket_warranted(parse_data):
            # No rule and no words (repeated characters, a bare /intent payload): no urgent ticket.
            TicketCaps.record_refusal("no_language", intent, Priority.URGENT.value)
            dispatcher.utter_message(text=handoff_messages.describe_it_text(council))
            return end_form
        registered = context.support_register().is_registered(channel, tracker.sender_id)
        priority = queue_priority(priority or priority_for(intent), registered)
        caps, client = TicketCaps(), (parse_data.get("metadata") or {}).get(CLIENT_KEY)
        # Only a new ticket takes a place: a conversation with the advisors updates its own.
        capped = (
            caps.take(tracker.sender_id, client)
            if not registered and context.tickets().open_ticket_for(tracker.sender_id) is None
            else None
        )
        if capped is not None:
            TicketCaps.record_refusal(capped.value, intent, priority.value)
            dispatcher.utter_message(
                text=handoff_messages.capped_text(council, urgent=urgent, now=context.now())
            )
            return end_form
        ticket = context.tickets().raise_ticket(
            channel=channel,
            sender_id=tracker.sender_id,
            intent=intent,
            route=route,
            priority=priority,
            reason=reason,
            summary=conversation_summary(tracker),
            form_values=form_values(tracker),
            acting_for=tracker.get_slot("acting_for"),
        )
    except SQLAlchemyError:
        logger.exception("handoff: could not store the ticket")
        dispatcher.utter_message(
            text=handoff_messages.unsaved_text(council, urgent=urgent, now=context.now())
        )
        return end_form

    dispatcher.utter_message(
        text=handoff_messages.queued_text(
            council,
            urgent=urgent,
            reference=ticket.reference,
            position=ticket.position,
            now=context.now(),
            extra_support=registered and ticket.priority is Priority.EXTRA_SUPPORT,
            channel=channel,
        )
    )
    # The assistant stays quiet until the advisor closes the ticket (the console resumes it).
    return [*end_form, ConversationPaused()]
