"""Pause and resume the assistant for a conversation, and read or add to its Rasa transcript.

Whether a conversation is with the advisors is decided by its ticket (``bot.records.tickets``:
open or claimed). Rasa's ConversationPaused is a copy of that, written when the ticket changes
(raised, closed, withdrawn): Rasa needs it to stop its policies in the very turn an action hands
over, and it keeps the assistant quiet if the database cannot be read. The handoff gate reads
only the ticket.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from rasa.core.channels.channel import CollectingOutputChannel
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.events import (
    ActionExecuted,
    BotUttered,
    ConversationPaused,
    ConversationResumed,
    Restarted,
    UserUttered,
)

from bot.records.tickets import TicketView


@dataclass(frozen=True)
class TranscriptLine:
    """One message in a conversation, as an advisor reads it."""

    sender: str  # resident / assistant / advisor
    text: str
    at: datetime
    name: str = ""


class SilentOutput(CollectingOutputChannel):
    """Collects and drops what Rasa says: used while an advisor has the conversation."""

    @classmethod
    def name(cls) -> str:
        return "silent"


async def _fetch(agent: Any, sender_id: str) -> Any:
    # Starts a session if needed, so the pause is not undone by a session start straight after.
    return await agent.processor.fetch_tracker_and_update_session(sender_id, SilentOutput())


async def set_paused(agent: Any, sender_id: str, paused: bool) -> None:
    """Pause the assistant, or resume it with a fresh dialogue state (under Rasa's lock).

    Resuming restarts the dialogue state: messages the advisor handled must not be replayed
    by the policies as if they were still waiting for an answer. The events stay in the
    tracker, so the transcript is complete.
    """
    async with agent.lock_store.lock(sender_id):
        tracker = await _fetch(agent, sender_id)
        if paused:
            if tracker.is_paused():
                return
            tracker.update(ConversationPaused())
        else:
            for event in (ConversationResumed(), Restarted(), ActionExecuted(ACTION_LISTEN_NAME)):
                tracker.update(event)
        await agent.tracker_store.save(tracker)


async def follow_ticket(agent: Any, ticket: TicketView) -> None:
    """Make Rasa's pause copy the ticket: paused while it is with the advisors, resumed after."""
    await set_paused(agent, ticket.sender_id, ticket.with_advisors)


async def add_advisor_message(agent: Any, sender_id: str, text: str, advisor: str) -> None:
    """Keep the advisor's reply in the conversation's transcript beside the assistant's."""
    async with agent.lock_store.lock(sender_id):
        tracker = await _fetch(agent, sender_id)
        tracker.update(BotUttered(text, metadata={"advisor": advisor}))
        await agent.tracker_store.save(tracker)


async def transcript(agent: Any, sender_id: str, limit: int = 200) -> list[TranscriptLine]:
    """Every resident, assistant and advisor message in the conversation, oldest first."""
    tracker = await agent.tracker_store.retrieve_full_tracker(sender_id)
    if tracker is None:
        return []
    lines: list[TranscriptLine] = []
    for event in tracker.events:
        at = datetime.fromtimestamp(event.timestamp, tz=timezone.utc)
        if isinstance(event, UserUttered) and event.text:
            lines.append(TranscriptLine("resident", event.text, at))
        elif isinstance(event, BotUttered) and (event.text or event.data.get("buttons")):
            advisor = (event.metadata or {}).get("advisor")
            text = event.text or ""
            buttons = [b.get("title", "") for b in (event.data.get("buttons") or [])]
            if buttons:
                text = f"{text}\n[buttons: {', '.join(buttons)}]".strip()
            lines.append(
                TranscriptLine("advisor" if advisor else "assistant", text, at, advisor or "")
            )
    return lines[-limit:]
