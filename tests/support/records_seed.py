"""Rows for every table (ours and Rasa's events), dated as a test needs, for retention and SAR tests."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone
from typing import Any

from rasa.core.tracker_store import SQLTrackerStore
from sqlalchemy import insert
from sqlalchemy.engine import Engine

from bot.privacy import sender_key
from bot.records.outbound import phone_key, recipient_key
from bot.records.support_register import identity_key
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
)

NOW = datetime(2026, 12, 3, 12, 0, tzinfo=timezone.utc)
_counter = iter(range(1, 10**9))


def ago(days: float) -> datetime:
    return NOW - timedelta(days=days)


def rasa_events_table(engine: Engine | None = None) -> Any:
    """Rasa's own events table definition, created as Rasa's SQL tracker store creates it."""
    table = SQLTrackerStore.SQLEvent.__table__
    table.create(engine or get_engine(), checkfirst=True)
    return table


class Seeder:
    """Adds rows with the dates and identities a test gives, through SQL like the stores do."""

    def __init__(self) -> None:
        self.engine = get_engine()
        self.events = rasa_events_table(self.engine)

    def _add(self, table: Any, **values: Any) -> int:
        with self.engine.begin() as connection:
            result = connection.execute(insert(table).values(**values))
            key = result.inserted_primary_key
            return int(key[0]) if key and isinstance(key[0], int) else 0

    def conversation(self, sender_id: str, texts: list[str], days_ago: float) -> None:
        """A resident's messages and the bot's replies in Rasa's events table, the last one `days_ago`."""
        start = ago(days_ago).timestamp() - len(texts) * 60
        rows = []
        for number, text in enumerate(texts):
            moment = start + number * 60
            user = {"event": "user", "timestamp": moment, "text": text, "parse_data": {}}
            bot = {"event": "bot", "timestamp": moment + 1, "text": f"Thanks. (reply {number})"}
            for data in (user, bot):
                rows.append(
                    dict(
                        sender_id=sender_id, type_name=data["event"], timestamp=data["timestamp"],
                        intent_name=None, action_name=None, data=json.dumps(data),
                    )
                )  # fmt: skip
        with self.engine.begin() as connection:
            connection.execute(insert(self.events), rows)

    def webchat(self, session_id: str, texts: list[str], days_ago: float) -> None:
        self._add(
            WebchatSession.__table__, id=session_id, created_at=ago(days_ago),
            last_active_at=ago(days_ago),
        )  # fmt: skip
        for text in texts:
            self._add(
                WebchatMessage.__table__, session_id=session_id, sender="resident", text=text,
                buttons=[], created_at=ago(days_ago),
            )  # fmt: skip
        self.conversation(session_id, texts, days_ago)

    def request(
        self,
        *,
        service: str,
        sender_id: str,
        days_ago: float,
        channel: str = "webchat",
        postcode: str = "PL1 1AA",
        address: str = "1 Armada Way",
        reference: str | None = None,
        details: dict[str, Any] | None = None,
    ) -> str:
        reference = reference or f"MB-{next(_counter):06d}"
        self._add(
            ServiceRequest.__table__, reference=reference, service=service, status="received",
            channel=channel, sender_key=sender_key(sender_id), postcode=postcode, address=address,
            details=details or {}, dedupe_key=f"dedupe-{reference}", due_by=date(2026, 1, 1),
            created_at=ago(days_ago), updated_at=ago(days_ago),
        )  # fmt: skip
        return reference

    def ticket(
        self,
        *,
        sender_id: str,
        days_ago: float,
        channel: str = "webchat",
        status: str = "closed",
        priority: str = "normal",
        summary: str = "Asked about council tax.",
    ) -> str:
        reference = f"AD-{next(_counter):06d}"
        self._add(
            HandoffTicket.__table__, reference=reference, channel=channel, sender_id=sender_id,
            intent="request_human", route="advisor", priority=priority, priority_rank=0,
            reason="Asked for a person", summary=summary, form_values={}, status=status,
            created_at=ago(days_ago),
            closed_at=ago(days_ago) if status in ("closed", "withdrawn") else None,
        )  # fmt: skip
        return reference

    def registration(self, identity: str, days_ago: float) -> int:
        return self._add(
            SupportRegistration.__table__, identity_key=identity_key(identity), label="Sam (…123)",
            reason="Cannot get online", added_by="resident", created_at=ago(days_ago),
        )  # fmt: skip

    def audit(self, days_ago: float, subject: str = "ticket:AD-1") -> int:
        return self._add(
            AuditEvent.__table__, actor="sam", action="ticket.view", subject=subject,
            at=ago(days_ago),
        )  # fmt: skip

    def outbound(
        self, channel: str, recipient: str, body: str, days_ago: float, source_id: str
    ) -> int:
        return self._add(
            OutboundMessage.__table__, channel=channel, source_id=source_id, sequence=0,
            recipient_key=recipient_key(channel, recipient), recipient=recipient, body=body,
            buttons=[], status="delivered", attempts=1, created_at=ago(days_ago),
            updated_at=ago(days_ago), next_attempt_at=ago(days_ago),
        )  # fmt: skip

    def receipt(self, channel: str, external_id: str, days_ago: float, response: Any = None) -> int:
        return self._add(
            MessageReceipt.__table__, channel=channel, external_id=external_id, status="done",
            response=response if response is not None else [], received_at=ago(days_ago),
        )  # fmt: skip

    def sms_contact(self, number: str, days_ago: float, opted_out: bool = False) -> None:
        self._add(
            SmsContact.__table__, phone_key=phone_key(number), opted_out=opted_out, options=[],
            updated_at=ago(days_ago),
        )  # fmt: skip
