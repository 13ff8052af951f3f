"""Legal holds: records tied to an open ticket or a safeguarding case are kept whatever their age."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import and_, or_, select
from sqlalchemy.engine import Connection
from sqlalchemy.sql import Select
from sqlalchemy.sql.elements import ColumnElement

from bot.intents import Priority
from bot.privacy import sender_key
from bot.records.outbound import recipient_key
from bot.records.tickets import OPEN_STATUSES, WITHDRAWN
from bot.storage.models import HandoffTicket


def safeguarding_case(since: datetime) -> ColumnElement[bool]:
    """SQL: the ticket is a safeguarding case still inside its hold period.

    A safeguarding case is an ``urgent`` ticket: the crisis rules or an urgent route raised it
    (risk to life, self-harm, abuse, a child or adult at risk, homelessness tonight, gas, a
    dangerous structure). One the resident withdrew as a false alarm before anyone picked it
    up is not a case. The hold lasts the schedule's safeguarding_cases period from raising it.
    """
    return and_(
        HandoffTicket.priority == Priority.URGENT.value,
        HandoffTicket.status != WITHDRAWN,
        HandoffTicket.created_at >= since,
    )


def ticket_on_hold(safeguarding_since: datetime) -> ColumnElement[bool]:
    """SQL: the ticket itself is held (open, being handled, or a safeguarding case)."""
    return or_(HandoffTicket.status.in_(OPEN_STATUSES), safeguarding_case(safeguarding_since))


def held_conversations(safeguarding_since: datetime) -> Select:
    """SQL: the conversation ids (Rasa sender ids) whose records are on hold."""
    return select(HandoffTicket.sender_id).where(ticket_on_hold(safeguarding_since))


class HeldKeys:
    """The held conversations, also as the keyed hashes other tables store instead of ids."""

    def __init__(self, connection: Connection, safeguarding_since: datetime) -> None:
        rows = connection.execute(
            select(HandoffTicket.channel, HandoffTicket.sender_id)
            .where(ticket_on_hold(safeguarding_since))
            .distinct()
        ).all()
        self.conversations = sorted({sender for _, sender in rows})
        self.sender_keys = sorted({sender_key(sender) for _, sender in rows})
        self.recipient_keys = sorted({recipient_key(channel, sender) for channel, sender in rows})
