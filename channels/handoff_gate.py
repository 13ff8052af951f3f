"""Before Rasa: is this conversation with an advisor, or is the resident on the extra support register?"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from rasa.core.channels.channel import UserMessage
from rasa.shared.core.events import UserUttered
from rasa.shared.nlu.constants import INTENT_NAME_KEY, PREDICTED_CONFIDENCE_KEY
from sqlalchemy import exists, select
from sqlalchemy.exc import SQLAlchemyError

from actions.clients.support_register import SupportRegister, identities, identity_key
from actions.clients.tickets import OPEN_STATUSES, TicketQueue
from bot import handoff_messages
from bot.council import get_council
from bot.intents import Priority, Route, route_for
from bot.nlu.crisis import detect_crisis
from bot.settings import get_settings
from bot.storage.engine import session_scope
from bot.storage.models import HandoffTicket, SupportRegistration
from channels import conversation_control

logger = logging.getLogger(__name__)

# Marks, in the tracker, a resident's message that went to the advisors without the assistant.
HELD_FOR_ADVISOR = "held_for_advisor"
REGISTERED_REASON = "Registered for additional support: goes straight to an advisor"


@dataclass
class GateDecision:
    """held: the message is for the advisors (Rasa only records it); replies go to the resident."""

    held: bool
    replies: list[str] = field(default_factory=list)


class HandoffGate:
    """Runs for every inbound message on every channel, before the assistant answers."""

    def __init__(
        self,
        tickets: TicketQueue | None = None,
        register: SupportRegister | None = None,
        database_url: str | None = None,
    ) -> None:
        self.tickets = tickets or TicketQueue(database_url)
        self.register = register or SupportRegister(database_url)
        self.council = get_council(get_settings().council_dir)
        self._url = database_url

    def _ticket_or_registration(self, channel: str, sender_id: str) -> tuple[bool, bool]:
        """(has an open ticket, is on the register), in one query: most messages have neither."""
        keys = [identity_key(identity) for identity in identities(channel, sender_id)]
        ticket = exists().where(
            HandoffTicket.sender_id == sender_id, HandoffTicket.status.in_(OPEN_STATUSES)
        )
        registered = exists().where(SupportRegistration.identity_key.in_(keys))
        with session_scope(self._url) as session:
            has_ticket, is_registered = session.execute(select(ticket, registered)).one()
        return bool(has_ticket), bool(is_registered)

    async def handle(
        self,
        agent: Any,
        on_new_message: Callable[[UserMessage], Awaitable[Any]],
        message: UserMessage,
    ) -> list[str] | None:
        """Pass the message to Rasa; None if the assistant answered on the message's own output
        channel, or the automatic replies to send when the message was held for an advisor."""
        try:
            decision = await self.screen(
                agent, message.input_channel or "unknown", message.sender_id, message.text or ""
            )
        except SQLAlchemyError:
            logger.exception("handoff gate: database unavailable; the assistant answers")
            decision = GateDecision(held=False)
        if not decision.held:
            await on_new_message(message)
            return None
        await self._record_held(agent, on_new_message, message)
        return decision.replies

    @staticmethod
    async def _record_held(
        agent: Any, on_new_message: Callable[[UserMessage], Awaitable[Any]], message: UserMessage
    ) -> None:
        """Keep a message the advisors handle in the conversation's transcript (under Rasa's
        conversation lock), without language understanding or a prediction: the assistant
        must neither answer nor act while the conversation is with an advisor."""
        processor = getattr(agent, "processor", None)
        if processor is None or agent.lock_store is None:  # no full Rasa agent: let it record
            await on_new_message(
                UserMessage(
                    message.text,
                    conversation_control.SilentOutput(),
                    message.sender_id,
                    input_channel=message.input_channel,
                    message_id=message.message_id,
                    metadata=message.metadata,
                )
            )
            return
        async with agent.lock_store.lock(message.sender_id):
            tracker = await processor.fetch_tracker_and_update_session(
                message.sender_id, conversation_control.SilentOutput(), message.metadata
            )
            tracker.update(
                UserUttered(
                    message.text,
                    intent={INTENT_NAME_KEY: None, PREDICTED_CONFIDENCE_KEY: 0.0},
                    entities=[],
                    parse_data={"text": message.text, HELD_FOR_ADVISOR: True},
                    input_channel=message.input_channel,
                    message_id=message.message_id,
                    metadata=message.metadata,
                )
            )
            await agent.tracker_store.save(tracker)

    async def screen(self, agent: Any, channel: str, sender_id: str, text: str) -> GateDecision:
        """Decide who answers; database errors let the assistant answer (it has its own fallbacks)."""
        has_ticket, registered = self._ticket_or_registration(channel, sender_id)
        ticket = self.tickets.open_ticket_for(sender_id) if has_ticket else None
        if ticket is None:
            if not registered:
                return GateDecision(held=False)
            if detect_crisis(text) is not None:
                return GateDecision(held=False)  # the assistant gives the safety reply first
            return await self._straight_to_advisor(agent, channel, sender_id, text)

        # The handoff action already paused Rasa; the gate is the authority from here on, and
        # the message goes to Rasa with a silent output, so nothing reaches the resident even if
        # Rasa's pause was lost (a session expiring resets it). No extra tracker round trip.
        now = self.council.now()
        crisis = detect_crisis(text)
        if crisis is not None:
            return GateDecision(held=True, replies=self._escalate(ticket, crisis, channel, sender_id, text))
        if ticket.status == "open" and ticket.position is not None:
            return GateDecision(
                held=True, replies=[handoff_messages.waiting_text(self.council, ticket.position, now, channel)]
            )
        return GateDecision(held=True)  # an advisor is talking with them: no automatic reply

    async def _straight_to_advisor(
        self, agent: Any, channel: str, sender_id: str, text: str
    ) -> GateDecision:
        raised = self.tickets.raise_ticket(
            channel=channel,
            sender_id=sender_id,
            intent="need_extra_support",
            route=Route.ADVISOR,
            priority=Priority.EXTRA_SUPPORT,
            reason=REGISTERED_REASON,
            summary=f"- {text}",
            form_values={},
        )
        await conversation_control.set_paused(agent, sender_id, True)
        reply = handoff_messages.queued_text(
            self.council,
            urgent=False,
            reference=raised.reference,
            position=raised.position,
            now=self.council.now(),
            extra_support=True,
            channel=channel,
        )
        return GateDecision(held=True, replies=[reply])

    def _escalate(self, ticket: Any, crisis: Any, channel: str, sender_id: str, text: str) -> list[str]:
        """A crisis while waiting: the safety numbers now, and the ticket goes to the top."""
        raised = self.tickets.raise_ticket(
            channel=channel,
            sender_id=sender_id,
            intent=crisis.intent,
            route=route_for(crisis.intent),
            priority=Priority.URGENT,
            reason=f"Safety rule matched: {crisis.rule}",
            summary=f"{ticket.summary}\n- {text}".strip(),
            form_values={},
        )
        replies = []
        info = self.council.information_for(crisis.intent)
        if info is not None:
            replies.append(info.text)
        if ticket.status == "claimed":
            replies.append(
                "I've told the advisor you're talking to that this is urgent. "
                "If anyone is in immediate danger, call 999."
            )
            return replies
        replies.append(
            handoff_messages.queued_text(
                self.council,
                urgent=True,
                reference=raised.reference,
                position=raised.position,
                now=self.council.now(),
                channel=channel,
            )
        )
        return replies
