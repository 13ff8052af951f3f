"""How many new advisor tickets one conversation and one client address may raise (shared limits).

A script that opens chat after chat could otherwise push every real crisis down the queue.
Only new tickets count: a conversation already with the advisors updates its own ticket. When a
cap is full no ticket is raised and the audit log says so (`ticket.capped`), for the council to
see; the resident still gets the safety numbers and a number to call.
"""

from __future__ import annotations

import logging
from enum import Enum

from bot.records.rate_limits import Limit, RateLimits
from bot.settings import Settings, get_settings
from bot.storage import audit
from bot.storage.engine import session_scope

logger = logging.getLogger(__name__)

DAY_S = 24 * 3600
HOUR_S = 3600


class CapReached(str, Enum):
    """Which cap stopped a new ticket."""

    CONVERSATION = "conversation"
    ADDRESS = "address"


class TicketCaps:
    """Takes a place for each new ticket, per conversation and per client address."""

    def __init__(self, settings: Settings | None = None, limits: RateLimits | None = None) -> None:
        settings = settings or get_settings()
        self._limits = limits or RateLimits()
        self.per_conversation = Limit(
            "tickets_conversation", settings.tickets_per_conversation_per_day, DAY_S
        )
        self.per_address = Limit("tickets_address", settings.tickets_per_address_per_hour, HOUR_S)

    def take(self, sender_id: str, client_key: str | None) -> CapReached | None:
        """Take a place for one new ticket; which cap is full instead, if one is."""
        if not self._limits.take(self.per_conversation, sender_id):
            return CapReached.CONVERSATION
        if client_key and not self._limits.take(self.per_address, client_key):
            self._limits.give_back(self.per_conversation, sender_id)
            return CapReached.ADDRESS
        return None

    @staticmethod
    def record_refusal(reason: str, intent: str, priority: str) -> None:
        """Tell the council a ticket was not raised (no identifiers: which cap, topic, priority)."""
        logger.warning("ticket not raised: %s (%s, %s)", reason, intent, priority)
        with session_scope() as session:
            audit.record(session, "assistant", "ticket.not_raised", f"{reason}:{priority}:{intent}")
