"""SQL-backed advisor queue: handoff tickets ordered by priority, then waiting time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

from sqlalchemy import and_, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.sql.elements import ColumnElement

from bot.intents import PRIORITY_RANK, Priority, Route
from bot.records import insight_events
from bot.sensitive_numbers import mask, mask_json
from bot.storage import audit
from bot.storage.engine import session_scope
from bot.storage.models import Advisor, HandoffTicket, utcnow
from bot.storage.references import new_reference

TICKET_PREFIX = "AD"
OPEN_STATUSES = ("open", "claimed")
#: A ticket the resident withdrew as a false alarm before any advisor picked it up (kept, not deleted).
WITHDRAWN = "withdrawn"
WITHDRAWN_OUTCOME = "Withdrawn by the resident: false alarm"
#: How long after raising an urgent ticket the resident may still withdraw it themselves.
WITHDRAW_WINDOW = timedelta(minutes=15)
#: How a ticket's reason starts when a curated crisis rule raised it (never withdrawn by the resident).
RULE_REASON_PREFIX = "Safety rule matched: "
QUEUE_ORDER = (HandoffTicket.priority_rank, HandoffTicket.created_at, HandoffTicket.id)


@dataclass(frozen=True)
class RaisedTicket:
    """What the resident is told after a handoff."""

    reference: str
    priority: Priority
    position: int
    already_open: bool


@dataclass(frozen=True)
class TicketView:
    """A ticket as the console and the channels see it (a detached copy of the row)."""

    reference: str
    channel: str
    sender_id: str
    intent: str
    route: str
    priority: str
    reason: str
    summary: str
    form_values: dict[str, Any]
    acting_for: str | None
    status: str
    outcome: str | None
    created_at: datetime
    claimed_by_id: int | None
    claimed_by: str | None
    position: int | None

    def waiting_minutes(self, now: datetime | None = None) -> int:
        return int(((now or utcnow()) - self.created_at).total_seconds() // 60)

    @property
    def raised_by_rule(self) -> bool:
        """A curated crisis rule matched something the resident said: a real crisis message."""
        return self.reason.startswith(RULE_REASON_PREFIX)

    @property
    def withdrawn(self) -> bool:
        return self.status == WITHDRAWN

    @property
    def with_advisors(self) -> bool:
        """Open or claimed: the assistant is paused for this conversation (see ``with_advisors``)."""
        return self.status in OPEN_STATUSES


def with_advisors(sender_id: str) -> ColumnElement[bool]:
    """SQL: the conversation's ticket is open or claimed. This is the truth of "the assistant is
    paused"; Rasa's ConversationPaused is a copy of it (see channels/conversation_control.py)."""
    return and_(HandoffTicket.sender_id == sender_id, HandoffTicket.status.in_(OPEN_STATUSES))


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


class TicketQueue:
    """Raises, orders, claims and closes tickets; one open ticket per conversation."""

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
        acting_for: str | None = None,
    ) -> RaisedTicket:
        """Open a ticket, or update the conversation's open one (raising its priority)."""
        # What the resident said never brings a card number or the like into the queue.
        reason, summary, form_values = mask(reason), mask(summary), mask_json(form_values)
        acting_for = mask(acting_for) if acting_for else acting_for
        rank = PRIORITY_RANK[priority]
        with session_scope(self._url) as session:
            existing = self._open_row(session, sender_id)
            if existing is not None:
                escalated = rank < existing.priority_rank or (
                    reason.startswith(RULE_REASON_PREFIX) and rank == existing.priority_rank
                )
                if rank < existing.priority_rank:
                    existing.priority = priority.value
                    existing.priority_rank = rank
                    existing.intent = intent
                    existing.route = route.value
                    existing.reason = reason
                elif reason.startswith(RULE_REASON_PREFIX) and rank == existing.priority_rank:
                    # A crisis rule now backs the ticket: it can no longer be withdrawn as a false alarm.
                    existing.intent = intent
                    existing.route = route.value
                    existing.reason = reason[:200]
                existing.summary = summary or existing.summary
                existing.form_values = {**(existing.form_values or {}), **form_values}
                existing.acting_for = acting_for or existing.acting_for
                session.flush()
                raised = RaisedTicket(
                    existing.reference,
                    Priority(existing.priority),
                    self._position(session, existing),
                    already_open=True,
                )
        if existing is not None:
            if escalated:  # written once the ticket's transaction is over (SQLite has one writer)
                _record_handoff(existing, acting_for=bool(existing.acting_for))
            return raised
        for _ in range(8):
            ticket = HandoffTicket(
                reference=new_reference(TICKET_PREFIX),
                channel=channel,
                sender_id=sender_id,
                intent=intent,
                route=route.value,
                priority=priority.value,
                priority_rank=rank,
                reason=reason[:200],
                summary=summary,
                form_values=form_values,
                acting_for=(acting_for or None) and acting_for[:60],
                status="open",
            )
            try:
                with session_scope(self._url) as session:
                    session.add(ticket)
                    session.flush()
                    position = self._position(session, ticket)
                _record_handoff(ticket, acting_for=bool(acting_for))
                return RaisedTicket(ticket.reference, priority, position, already_open=False)
            except IntegrityError:
                continue
        raise RuntimeError("could not allocate a unique ticket reference")

    @staticmethod
    def _open_row(session: Any, sender_id: str) -> HandoffTicket | None:
        return session.execute(
            select(HandoffTicket)
            .where(with_advisors(sender_id))
            .order_by(HandoffTicket.id)
            .limit(1)
        ).scalar_one_or_none()

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

    def _view(self, session: Any, row: HandoffTicket, position: int | None = None) -> TicketView:
        """A detached copy; the queue position is counted unless the caller already knows it."""
        if row.status == "open" and position is None:
            position = self._position(session, row)
        claimed_by = session.get(Advisor, row.claimed_by_id) if row.claimed_by_id else None
        return TicketView(
            reference=row.reference,
            channel=row.channel,
            sender_id=row.sender_id,
            intent=row.intent,
            route=row.route,
            priority=row.priority,
            reason=row.reason,
            summary=row.summary or "",
            form_values=dict(row.form_values or {}),
            acting_for=row.acting_for,
            status=row.status,
            outcome=row.outcome,
            created_at=_aware(row.created_at),
            claimed_by_id=row.claimed_by_id,
            claimed_by=claimed_by.display_name if claimed_by else None,
            position=position if row.status == "open" else None,
        )

    def open_ticket_for(self, sender_id: str) -> TicketView | None:
        """The conversation's open or claimed ticket, if it is with the advisors."""
        with session_scope(self._url) as session:
            row = self._open_row(session, sender_id)
            return self._view(session, row) if row is not None else None

    def get(self, reference: str) -> TicketView | None:
        with session_scope(self._url) as session:
            row = session.execute(
                select(HandoffTicket).where(HandoffTicket.reference == reference)
            ).scalar_one_or_none()
            return self._view(session, row) if row is not None else None

    def open_tickets(self) -> list[HandoffTicket]:
        """Waiting (unclaimed) tickets in queue order: urgent first, then longest waiting."""
        with session_scope(self._url) as session:
            return list(
                session.execute(
                    select(HandoffTicket)
                    .where(HandoffTicket.status == "open")
                    .order_by(*QUEUE_ORDER)
                ).scalars()
            )

    def queue(self) -> list[TicketView]:
        """Every ticket still with the advisors: waiting ones in queue order, then claimed ones."""
        with session_scope(self._url) as session:
            rows = session.execute(
                select(HandoffTicket)
                .where(HandoffTicket.status.in_(OPEN_STATUSES))
                .order_by(HandoffTicket.status.desc(), *QUEUE_ORDER)
            ).scalars()
            waiting: list[TicketView] = []
            claimed: list[TicketView] = []
            for row in rows:
                if row.status == "open":
                    # Positions follow from the order, so no count query per row.
                    waiting.append(self._view(session, row, len(waiting) + 1))
                else:
                    claimed.append(self._view(session, row))
            return waiting + claimed

    def claim(self, reference: str, advisor_id: int) -> bool:
        """Give a waiting ticket to one advisor; False if someone else got it first."""
        with session_scope(self._url) as session:
            result = session.execute(
                update(HandoffTicket)
                .where(HandoffTicket.reference == reference, HandoffTicket.status == "open")
                .values(status="claimed", claimed_by_id=advisor_id, claimed_at=utcnow())
            )
            if result.rowcount != 1:
                return False
            row = session.execute(
                select(HandoffTicket).where(HandoffTicket.reference == reference)
            ).scalar_one()
        wait = (_aware(row.claimed_at) - _aware(row.created_at)).total_seconds()
        insight_events.record(
            insight_events.ADVISOR_CLAIMED,
            row.sender_id,
            channel=row.channel,
            acting_for=bool(row.acting_for),
            service=row.intent,
            priority=row.priority,
            reason=handoff_reason_kind(row),
            wait_seconds=max(0, round(wait)),
        )
        return True

    def close(self, reference: str, advisor_id: int, outcome: str) -> TicketView | None:
        """Close a ticket the advisor holds, with its outcome; None if they do not hold it."""
        with session_scope(self._url) as session:
            result = session.execute(
                update(HandoffTicket)
                .where(
                    HandoffTicket.reference == reference,
                    HandoffTicket.status == "claimed",
                    HandoffTicket.claimed_by_id == advisor_id,
                )
                .values(status="closed", outcome=mask(outcome)[:200], closed_at=utcnow())
            )
            if result.rowcount != 1:
                return None
        view = self.get(reference)
        if view is not None:
            insight_events.record(
                insight_events.TICKET_CLOSED,
                view.sender_id,
                channel=view.channel,
                service=view.intent,
                priority=view.priority,
                outcome=outcome[:40],
            )
        return view

    def withdraw_false_alarm(self, reference: str, now: datetime | None = None) -> bool:
        """Withdraw an urgent ticket the resident says was a false alarm, with an audit record.

        Only while it waits for an advisor (nobody claimed it), within WITHDRAW_WINDOW of being
        raised, and when no crisis rule backs it: a real crisis message is never withdrawn.
        The ticket is kept (status ``withdrawn``) so the council can see what happened.
        """
        now = now or utcnow()
        with session_scope(self._url) as session:
            row = session.execute(
                select(HandoffTicket).where(HandoffTicket.reference == reference)
            ).scalar_one_or_none()
            if (
                row is None
                or row.status != "open"
                or row.route not in (Route.EMERGENCY.value, Route.URGENT_ADVISOR.value)
                or (row.reason or "").startswith(RULE_REASON_PREFIX)
                or now - _aware(row.created_at) > WITHDRAW_WINDOW
            ):
                return False
            result = session.execute(
                update(HandoffTicket)
                .where(HandoffTicket.id == row.id, HandoffTicket.status == "open")
                .values(status=WITHDRAWN, outcome=WITHDRAWN_OUTCOME, closed_at=now)
            )
            if result.rowcount != 1:  # an advisor claimed it a moment ago
                return False
            audit.record(session, "resident", "ticket.withdraw", f"ticket:{reference}")
        insight_events.record(
            insight_events.FALSE_ALARM_WITHDRAWN,
            row.sender_id,
            channel=row.channel,
            service=row.intent,
            priority=row.priority,
        )
        return True


def handoff_reason_kind(ticket: HandoffTicket) -> str:
    """Why a ticket was raised, as one of a few kinds the insight pages count (never free text)."""
    reason = ticket.reason or ""
    if ticket.intent == "need_extra_support":
        return "extra support"
    if reason.startswith(RULE_REASON_PREFIX):
        return "safety rule"
    if ticket.route in (Route.EMERGENCY.value, Route.URGENT_ADVISOR.value):
        return "urgent topic"
    if ticket.intent == "request_human":
        return "asked for a person"
    return "sensitive topic"


def _record_handoff(ticket: HandoffTicket, *, acting_for: bool) -> None:
    """A ticket raised (or raised in priority): a handoff event, and a crisis when urgent."""
    common = {
        "channel": ticket.channel,
        "acting_for": acting_for,
        "service": ticket.intent,
        "priority": ticket.priority,
        "reason": handoff_reason_kind(ticket),
    }
    insight_events.record(insight_events.HANDOFF, ticket.sender_id, **common)
    if ticket.route in (Route.EMERGENCY.value, Route.URGENT_ADVISOR.value):
        insight_events.record(insight_events.CRISIS_DETECTED, ticket.sender_id, **common)
