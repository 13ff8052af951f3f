"""Before Rasa: is this conversation with an advisor, or is the resident on the extra support register?"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.events import (
    ActionExecuted,
    ActiveLoop,
    BotUttered,
    ConversationResumed,
    UserUttered,
)
from rasa.shared.nlu.constants import INTENT_NAME_KEY, PREDICTED_CONFIDENCE_KEY
from sqlalchemy import exists, select
from sqlalchemy.exc import SQLAlchemyError

from bot import handoff_messages
from bot.council import get_council
from bot.intents import Priority, Route, priority_for, route_for
from bot.nlu.crisis_decision import Crisis, crisis_in_text
from bot.nlu.false_alarm import takes_back_an_alarm
from bot.records.support_register import SupportRegister, on_register, queue_priority
from bot.records.tickets import RULE_REASON_PREFIX, TicketQueue, with_advisors
from bot.settings import get_settings
from bot.storage.engine import session_scope
from channels import conversation_control, metrics

logger = logging.getLogger(__name__)

# Marks, in the tracker, a resident's message that went to the advisors without the assistant.
HELD_FOR_ADVISOR = "held_for_advisor"
# Marks, in the tracker, the message with which a resident withdrew a false alarm.
FALSE_ALARM_WITHDRAWN = "false_alarm_withdrawn"
REGISTERED_REASON = "Registered for additional support: goes straight to an advisor"


@dataclass
class GateDecision:
    """held: the message is for the advisors (Rasa only records it); replies go to the resident."""

    held: bool
    replies: list[str] = field(default_factory=list)
    withdrawn: bool = False  # the resident withdrew a false alarm: the assistant takes over again


#: Told to a resident whose false alarm was withdrawn; the form they were in then goes on.
WITHDRAWN_TEXT = (
    "Sorry, I got that wrong. I've cancelled the urgent request, so an advisor won't contact "
    "you about it."
)
WITHDRAWN_NO_FORM_TEXT = "What can I help you with?"
WITHDRAWN_FORM_TEXT = "Let's carry on where we were."
#: Told when the resident takes back an alarm a safety rule raised: it stays with the advisors.
KEPT_TEXT = (
    "Because of what you said about your safety, your message stays with an advisor. "
    "If it was a mistake, just tell them when they reply. If anyone is in immediate danger, call 999."
)


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
        """(with the advisors, on the register), in one query: most messages have neither."""
        ticket = exists().where(with_advisors(sender_id))
        with session_scope(self._url) as session:
            has_ticket, is_registered = session.execute(
                select(ticket, on_register(channel, sender_id))
            ).one()
        return bool(has_ticket), bool(is_registered)

    async def handle(
        self,
        agent: Any,
        on_new_message: Callable[[UserMessage], Awaitable[Any]],
        message: UserMessage,
    ) -> list[str] | None:
        """Pass the message to Rasa; None if the assistant answered on the message's own output
        channel, or the automatic replies to send when the message was held for an advisor."""
        with metrics.turn(message.input_channel or "unknown"):
            return await self._handle(agent, on_new_message, message)

    async def _handle(
        self,
        agent: Any,
        on_new_message: Callable[[UserMessage], Awaitable[Any]],
        message: UserMessage,
    ) -> list[str] | None:
        if await self._answered_before(agent, message):
            return None
        try:
            decision = await self.screen(
                agent, message.input_channel or "unknown", message.sender_id, message.text or ""
            )
        except SQLAlchemyError:
            logger.exception("handoff gate: database unavailable; the assistant answers")
            decision = GateDecision(held=False)
        if decision.withdrawn:
            return await self._resume_after_false_alarm(agent, on_new_message, message)
        if not decision.held:
            await on_new_message(message)
            return None
        await self._record_held(agent, on_new_message, message)
        return decision.replies

    @staticmethod
    async def _answered_before(agent: Any, message: UserMessage) -> bool:
        """A retried message whose turn Rasa already stored (its process died before the channel
        recorded the replies) gets those replies again, and Rasa never sees it twice."""
        replies_to = getattr(getattr(agent, "tracker_store", None), "replies_to", None)
        if not message.message_id or replies_to is None:
            return False
        try:
            replies = replies_to(message.sender_id, message.message_id)
        except SQLAlchemyError:
            return False  # Rasa will meet the same trouble and the channel answers for it
        if replies is None:
            return False
        logger.warning("a retried message was answered before; giving the same replies")
        for reply in replies:
            if reply.get("buttons"):
                await message.output_channel.send_text_with_buttons(
                    message.sender_id, reply["text"], reply["buttons"]
                )
            elif reply["text"]:
                await message.output_channel.send_text_message(message.sender_id, reply["text"])
        return True

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
            if crisis_in_text(text) is not None:
                return GateDecision(held=False)  # the assistant gives the safety reply first
            return await self._straight_to_advisor(agent, channel, sender_id, text)

        # The handoff action already paused Rasa; the gate is the authority from here on, and
        # the message goes to Rasa with a silent output, so nothing reaches the resident even if
        # Rasa's pause was lost (a session expiring resets it). No extra tracker round trip.
        now = self.council.now()
        crisis = crisis_in_text(text)
        if crisis is not None:
            return GateDecision(
                held=True, replies=self._escalate(ticket, crisis, channel, sender_id, text)
            )
        if ticket.status == "open" and takes_back_an_alarm(text):
            if self.tickets.withdraw_false_alarm(ticket.reference):
                logger.info("handoff gate: ticket %s withdrawn by the resident", ticket.reference)
                return GateDecision(held=False, withdrawn=True)
            if ticket.route in (Route.EMERGENCY.value, Route.URGENT_ADVISOR.value):
                replies = [KEPT_TEXT]
                if ticket.position is not None:
                    replies.append(
                        handoff_messages.waiting_text(self.council, ticket.position, now, channel)
                    )
                return GateDecision(held=True, replies=replies)
        if ticket.status == "open" and ticket.position is not None:
            return GateDecision(
                held=True,
                replies=[
                    handoff_messages.waiting_text(self.council, ticket.position, now, channel)
                ],
            )
        return GateDecision(held=True)  # an advisor is talking with them: no automatic reply

    async def _resume_after_false_alarm(
        self,
        agent: Any,
        on_new_message: Callable[[UserMessage], Awaitable[Any]],
        message: UserMessage,
    ) -> list[str]:
        """The ticket is withdrawn: record the message, resume the assistant without forgetting
        the form's answers, say so plainly and ask the interrupted form's question again."""
        processor = getattr(agent, "processor", None)
        if processor is None or agent.lock_store is None:  # no full Rasa agent: resume and tell
            await conversation_control.set_paused(agent, message.sender_id, False)
            return [WITHDRAWN_TEXT, WITHDRAWN_NO_FORM_TEXT]
        output = CollectingOutputChannel()
        async with agent.lock_store.lock(message.sender_id):
            tracker = await processor.fetch_tracker_and_update_session(
                message.sender_id, conversation_control.SilentOutput(), message.metadata
            )
            form = interrupted_form(tracker.events)
            follow = WITHDRAWN_FORM_TEXT if form else WITHDRAWN_NO_FORM_TEXT
            for event in (
                UserUttered(
                    message.text,
                    intent={INTENT_NAME_KEY: None, PREDICTED_CONFIDENCE_KEY: 0.0},
                    entities=[],
                    parse_data={"text": message.text, FALSE_ALARM_WITHDRAWN: True},
                    input_channel=message.input_channel,
                    message_id=message.message_id,
                    metadata=message.metadata,
                ),
                ConversationResumed(),
                BotUttered(WITHDRAWN_TEXT),
                BotUttered(follow),
            ):
                tracker.update(event)
            await agent.tracker_store.save(tracker)
            if form:
                # Activating the form again asks the first question still unanswered: the one
                # the alarm interrupted (the answers given before it are still in the slots).
                await agent.execute_action(message.sender_id, form, output, None, 1.0)
            tracker = await agent.tracker_store.retrieve(message.sender_id)
            tracker.update(ActionExecuted(ACTION_LISTEN_NAME))
            await agent.tracker_store.save(tracker)
        asked = [str(m.get("text")) for m in output.messages if m.get("text")]
        return [WITHDRAWN_TEXT, follow, *asked]

    async def _straight_to_advisor(
        self, agent: Any, channel: str, sender_id: str, text: str
    ) -> GateDecision:
        raised = self.tickets.raise_ticket(
            channel=channel,
            sender_id=sender_id,
            intent="need_extra_support",
            route=Route.ADVISOR,
            priority=queue_priority(priority_for("need_extra_support"), is_registered=True),
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

    def _escalate(
        self, ticket: Any, crisis: Crisis, channel: str, sender_id: str, text: str
    ) -> list[str]:
        """A crisis while waiting: the safety numbers now, and the ticket goes to the top."""
        raised = self.tickets.raise_ticket(
            channel=channel,
            sender_id=sender_id,
            intent=crisis.intent,
            route=route_for(crisis.intent),
            priority=Priority.URGENT,
            reason=f"{RULE_REASON_PREFIX}{crisis.rule}",
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


def interrupted_form(events: Any) -> str | None:
    """The form that was active when the assistant last handed the conversation to an advisor."""
    active: str | None = None
    interrupted: str | None = None
    for event in events:
        if isinstance(event, ActiveLoop):
            active = event.name
        elif isinstance(event, ActionExecuted) and event.action_name == "action_handoff":
            interrupted = active
    return interrupted
