"""SQL-backed advisor queue: handoff tickets ordered by priority, then waiting time."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from bot.intents import PRIORITY_RANK, Priority, Route
from bot.storage.engine import session_scope
from bot.storage.models import HandoffTicket
from bot.storage.references import new_reference

TICKET_PREFIX = "AD"
OPEN_STATUSES = ("open", "claimed")


@dataclass(frozen=True)
class RaisedTicket:
    """What the resident is told after a handoff."""

    reference: str
    priority: Priority
    position: int
    already_open: bool


class TicketQueue:
    """Raises tickets (one open ticket per conversation) and reports queue positions."""

    def __init__(self, database_url: str | None = None) -> None:
        self._url = database_url

    def raise_ticket(
        self,
        *,
        channel: str,
        sender_id: str,
        intent: str,
        route: Route,
        priority: Priority,
        reason: str,
        summary: str,
        form_values: dict[str, Any],
    ) -> RaisedTicket:
        """Open a ticket, or update the conversation's open one (raising its priority)."""
        rank = PRIORITY_RANK[priority]
        with session_scope(self._url) as session:
            existing = session.execute(
                select(HandoffTicket)
                .where(
                    HandoffTicket.sender_id == sender_id,
                    HandoffTicket.status.in_(OPEN_STATUSES),
                )
                .order_by(HandoffTicket.id)
                .limit(1)
            ).scalar_one_or_none()
            if existing is not None:
                if rank < existing.priority_rank:
                    existing.priority = priority.value
                    existing.priority_rank = rank
                    existing.intent = intent
                    existing.route = route.value
                    existing.reason = reason
                existing.summary = summary or existing.summary
                existing.form_values = {**(existing.form_values or {}), **form_values}
                session.flush()
                return RaisedTicket(
                    existing.reference,
                    Priority(existing.priority),
                    self._position(session, existing),
                    already_open=True,
                )
        for _ in range(8):
            ticket = HandoffTicket(
                reference=new_reference(TICKET_PREFIX),
                channel=channel,
                sender_id=sender_id,
                intent=intent,
                route=route.value,
                priority=priority.value,
                priority_rank=rank,
                reason=reason,
                summary=summary,
                form_values=form_values,
                status="open",
            )
            try:
                with session_scope(self._url) as session:
                    session.add(ticket)
                    session.flush()
                    position = self._position(session, ticket)
                return RaisedTicket(ticket.reference, priority, position, already_open=False)
            except IntegrityError:
                continue
        raise RuntimeError("could not allocate a unique ticket reference")

    @staticmethod
    def _position(session: Any, ticket: HandoffTicket) -> int:
        """1-based place in the queue: open tickets ahead by priority, then by age."""
        ahead = session.execute(
            select(func.count(HandoffTicket.id)).where(
                HandoffTicket.status == "open",
                HandoffTicket.id != ticket.id,
                (HandoffTicket.priority_rank < ticket.priority_rank)
                | (
                    (HandoffTicket.priority_rank == ticket.priority_rank)
                    & (HandoffTicket.id < ticket.id)
                ),
            )
        ).scalar_one()
        return int(ahead) + 1

    def open_tickets(self) -> list[HandoffTicket]:
        """Open tickets in queue order (urgent first, then longest waiting)."""
        with session_scope(self._url) as session:
            return list(
                session.execute(
                    select(HandoffTicket)
                    .where(HandoffTicket.status == "open")
                    .order_by(HandoffTicket.priority_rank, HandoffTicket.created_at, HandoffTicket.id)
                ).scalars()
            )
