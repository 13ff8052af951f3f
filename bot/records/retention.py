"""The retention purge: finds what the council's schedule says is due, counts it or removes it."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import MetaData, Table, and_, delete, func, inspect, not_, select
from sqlalchemy.engine import Connection
from sqlalchemy.sql.elements import ColumnElement

from bot.council.privacy import RetentionSchedule
from bot.records.legal_holds import HeldKeys, held_conversations, ticket_on_hold
from bot.records.tracker_events import events_table
from bot.storage import audit
from bot.storage.engine import get_engine
from bot.storage.models import (
    AuditEvent,
    HandoffTicket,
    MessageReceipt,
    OutboundMessage,
    ServiceRequest,
    SmsContact,
    SupportRegistration,
    WebchatMessage,
    WebchatSession,
    utcnow,
)

logger = logging.getLogger(__name__)

#: The analytics table (bot/records/insight_events.py); its rows are dated by the first of these it has.
ANALYTICS_TABLE = "analytics_events"
_ANALYTICS_DATE_COLUMNS = ("created_at", "at", "occurred_at")


@dataclass
class PurgeReport:
    """What is due (dry run) or was removed (apply), counted per kind of record."""

    applied: bool
    counts: dict[str, int] = field(default_factory=dict)
    #: Conversations that would be due but are kept under a legal hold.
    held_conversations: int = 0

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def lines(self) -> list[str]:
        """One plain line per kind, for the command's output and the log."""
        verb = "removed" if self.applied else "would be removed"
        lines = [f"{kind}: {count} {verb}" for kind, count in self.counts.items()]
        lines.append(f"kept under a legal hold: {self.held_conversations} conversation(s)")
        return lines

    def summary(self) -> str:
        """The counts in one line for the log (counts only, never personal data)."""
        return ", ".join(f"{k}: {v}" for k, v in self.counts.items() if v)


class _Purge:
    """One run over one connection: each kind's rows are counted, and deleted when applying."""

    def __init__(
        self, connection: Connection, schedule: RetentionSchedule, now: datetime, apply: bool
    ) -> None:
        self.connection = connection
        self.schedule = schedule
        self.now = now
        self.apply = apply
        self.safeguarding_since = schedule.safeguarding_cases.cutoff(now)
        self.held = HeldKeys(connection, self.safeguarding_since)
        self.report = PurgeReport(applied=apply)

    def cutoff(self, kind: str) -> datetime:
        return self.schedule.period(kind).cutoff(self.now)

    def _take(self, kind: str, table: Table, where: ColumnElement[bool]) -> int:
        count = int(
            self.connection.execute(select(func.count()).select_from(table).where(where)).scalar()
            or 0
        )
        if self.apply and count:
            self.connection.execute(delete(table).where(where))
        self.report.counts[kind] = self.report.counts.get(kind, 0) + count
        return count

    def conversations(self) -> None:
        cutoff = self.cutoff("conversations")
        held = held_conversations(self.safeguarding_since)
        events = events_table(self.connection)
        if events is not None:
            # A conversation goes as a whole once its last event is older than the period.
            stale = (
                select(events.c.sender_id)
                .group_by(events.c.sender_id)
                .having(func.max(events.c.timestamp) < cutoff.timestamp())
            )
            self.report.held_conversations = int(
                self.connection.execute(
                    select(func.count()).select_from(
                        stale.where(events.c.sender_id.in_(held)).subquery()
                    )
                ).scalar()
                or 0
            )
            self._take(
                "conversations (tracker events)",
                events,
                and_(events.c.sender_id.in_(stale), events.c.sender_id.not_in(held)),
            )
        sessions = WebchatSession.__table__
        stale_session = and_(WebchatSession.last_active_at < cutoff, WebchatSession.id.not_in(held))
        self._take(
            "conversations (webchat transcripts)",
            WebchatMessage.__table__,
            WebchatMessage.session_id.in_(select(WebchatSession.id).where(stale_session)),
        )
        self._take("conversations (webchat sessions)", sessions, stale_session)

    def service_requests(self) -> None:
        line = self.schedule.service_requests
        named = list(line.services)
        not_held = ServiceRequest.sender_key.not_in(self.held.sender_keys)
        for service, period in line.services.items():
            due = and_(
                ServiceRequest.service == service,
                ServiceRequest.updated_at < period.cutoff(self.now),
                not_held,
            )
            self._take(f"service requests ({service})", ServiceRequest.__table__, due)
        others = and_(
            ServiceRequest.service.not_in(named),
            ServiceRequest.updated_at < line.cutoff(self.now),
            not_held,
        )
        self._take("service requests (other services)", ServiceRequest.__table__, others)

    def tickets(self) -> None:
        due = and_(
            not_(ticket_on_hold(self.safeguarding_since)),
            func.coalesce(HandoffTicket.closed_at, HandoffTicket.created_at)
            < self.cutoff("tickets"),
        )
        self._take("tickets", HandoffTicket.__table__, due)

    def simple(
        self, kind: str, table: Table, dated: Callable[[datetime], ColumnElement[bool]]
    ) -> None:
        self._take(kind.replace("_", " "), table, dated(self.cutoff(kind)))

    def outbound_messages(self) -> None:
        due = and_(
            OutboundMessage.created_at < self.cutoff("outbound_messages"),
            OutboundMessage.recipient_key.not_in(self.held.recipient_keys),
        )
        self._take("outbound messages", OutboundMessage.__table__, due)

    def analytics_events(self) -> None:
        if not inspect(self.connection).has_table(ANALYTICS_TABLE):
            return  # named in the schedule before the table exists
        table = Table(ANALYTICS_TABLE, MetaData(), autoload_with=self.connection)
        column = next((table.c[c] for c in _ANALYTICS_DATE_COLUMNS if c in table.c), None)
        if column is None:
            logger.warning(
                "retention: %s has no date column, so nothing is removed", ANALYTICS_TABLE
            )
            return
        self._take("analytics events", table, column < self.cutoff("analytics_events"))

    def run(self) -> PurgeReport:
        self.conversations()
        self.service_requests()
        self.tickets()
        self.simple(
            "support_register",
            SupportRegistration.__table__,
            lambda cutoff: SupportRegistration.created_at < cutoff,
        )
        self.simple("audit_events", AuditEvent.__table__, lambda cutoff: AuditEvent.at < cutoff)
        self.outbound_messages()
        self.simple(
            "message_receipts",
            MessageReceipt.__table__,
            lambda cutoff: MessageReceipt.received_at < cutoff,
        )
        # A standing STOP is never removed: it is what stops us texting that number.
        self.simple(
            "sms_contacts",
            SmsContact.__table__,
            lambda cutoff: and_(SmsContact.updated_at < cutoff, SmsContact.opted_out.is_(False)),
        )
        self.analytics_events()
        return self.report


def purge(
    schedule: RetentionSchedule,
    *,
    apply: bool,
    now: datetime | None = None,
    actor: str = "assistant",
    database_url: str | None = None,
) -> PurgeReport:
    """Count (apply=False) or remove (apply=True, audited) every record the schedule says is due."""
    engine = get_engine(database_url)
    with engine.begin() as connection:
        report = _Purge(connection, schedule, now or utcnow(), apply).run()
        if apply:
            audit.record_on(connection, actor, "retention.purge", f"records:{report.total}")
    return report
