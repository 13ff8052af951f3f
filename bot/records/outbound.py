"""The outbound queue (SMS and Telegram), SMS opt-outs and the numbered options last offered."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from bot.privacy import sender_key
from bot.sensitive_numbers import mask
from bot.storage.engine import get_engine, session_scope
from bot.storage.models import OutboundMessage, SmsContact, utcnow

# Delivery statuses only move forwards; failed, undelivered and suppressed are final.
STATUS_RANK = {"queued": 0, "sending": 1, "sent": 2, "delivered": 3}
FINAL_STATUSES = {"delivered", "failed", "undelivered", "suppressed"}
# Twilio's own callback statuses, mapped onto ours.
TWILIO_STATUS = {
    "accepted": "queued", "scheduled": "queued", "queued": "queued", "sending": "sending",
    "sent": "sent", "delivered": "delivered", "read": "delivered", "receiving": "sent",
    "received": "sent", "failed": "failed", "undelivered": "undelivered", "canceled": "failed",
}  # fmt: skip
RETRY_DELAYS_S = (2.0, 10.0, 60.0, 300.0)
#: A new message is the retry loop's only after this long. The process that queued a turn's
#: replies sends them at once, in order; a retry loop taking one of them meanwhile could send a
#: later reply first. After the grace, a message its process never sent (it died) goes out.
FIRST_SEND_GRACE_S = 20.0
MAX_ATTEMPTS = len(RETRY_DELAYS_S) + 1


def phone_key(number: str) -> str:
    return sender_key(f"sms:{number}")


def recipient_key(channel: str, recipient: str) -> str:
    return phone_key(recipient) if channel == "twilio_sms" else sender_key(f"{channel}:{recipient}")


@dataclass(frozen=True)
class Outbound:
    """A claimed message, ready to hand to the provider."""

    id: int
    channel: str
    recipient: str
    recipient_key: str
    body: str
    buttons: list[dict[str, str]]
    attempts: int


def _aware(value: datetime | None) -> datetime | None:
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=timezone.utc)
    return value


class OutboundStore:
    """Queues each text once per (source, sequence); a claim makes exactly one sender send it."""

    def __init__(self, database_url: str | None = None) -> None:
        self._url = database_url

    def _insert(self) -> Any:
        dialect = get_engine(self._url).dialect.name
        return pg_insert if dialect == "postgresql" else sqlite_insert

    def enqueue(
        self,
        channel: str,
        source_id: str,
        recipient: str,
        bodies: list[tuple[str, list[dict[str, str]]]],
    ) -> list[int]:
        """Queue the texts answering one source; a replay of the same source adds nothing."""
        if not bodies:
            return []
        key = recipient_key(channel, recipient)
        rows = [
            {
                "channel": channel,
                "source_id": source_id,
                "sequence": seq,
                "recipient_key": key,
                "recipient": recipient,
                "body": mask(body),  # an advisor's reply never carries a card number either
                "buttons": buttons,
                "status": "queued",
                "attempts": 0,
                "next_attempt_at": utcnow() + timedelta(seconds=FIRST_SEND_GRACE_S),
                "created_at": utcnow(),
                "updated_at": utcnow(),
            }  # fmt: skip
            for seq, (body, buttons) in enumerate(bodies)
        ]
        insert = self._insert()
        with session_scope(self._url) as session:
            session.execute(
                insert(OutboundMessage)
                .values(rows)
                .on_conflict_do_nothing(index_elements=["channel", "source_id", "sequence"])
            )
            ids = session.execute(
                select(OutboundMessage.id)
                .where(OutboundMessage.channel == channel, OutboundMessage.source_id == source_id)
                .order_by(OutboundMessage.sequence)
            ).scalars()
            return list(ids)

    def queued_recipient(self, message_id: int) -> str | None:
        """Who a still-queued message is for (to wait for the channel's turn); None otherwise."""
        with session_scope(self._url) as session:
            row = session.execute(
                select(OutboundMessage.recipient).where(
                    OutboundMessage.id == message_id, OutboundMessage.status == "queued"
                )
            ).first()
        return None if row is None else row.recipient or ""

    def claim(self, message_id: int) -> Outbound | None:
        """Move a due message from queued to sending; None if someone else has it."""
        now = utcnow()
        with session_scope(self._url) as session:
            claimed = session.execute(
                update(OutboundMessage)
                .where(OutboundMessage.id == message_id, OutboundMessage.status == "queued")
                .values(status="sending", attempts=OutboundMessage.attempts + 1, updated_at=now)
            ).rowcount
            if claimed != 1:
                return None
            row = session.get(OutboundMessage, message_id)
            return Outbound(
                row.id, row.channel, row.recipient or "", row.recipient_key, row.body or "",
                list(row.buttons or []), row.attempts,
            )  # fmt: skip

    def due(self, channel: str, limit: int = 50) -> list[int]:
        """Queued messages whose retry time has come."""
        with session_scope(self._url) as session:
            rows = session.execute(
                select(OutboundMessage.id, OutboundMessage.next_attempt_at)
                .where(OutboundMessage.channel == channel, OutboundMessage.status == "queued")
                .order_by(OutboundMessage.id)
                .limit(limit)
            ).all()
        now = utcnow()
        return [row.id for row in rows if (_aware(row.next_attempt_at) or now) <= now]

    def mark_sent(self, message_id: int, provider_id: str | None, status: str = "sent") -> None:
        with session_scope(self._url) as session:
            row = session.get(OutboundMessage, message_id)
            if row is None:
                return
            row.provider_id = provider_id or row.provider_id
            self._advance(row, status)

    def mark_failed(self, message_id: int, error: str, *, retry: bool) -> None:
        """Record the error; requeue with backoff, or fail for good after the last attempt."""
        with session_scope(self._url) as session:
            row = session.get(OutboundMessage, message_id)
            if row is None:
                return
            row.last_error = error[:300]
            if retry and row.attempts < MAX_ATTEMPTS:
                delay = RETRY_DELAYS_S[min(row.attempts, len(RETRY_DELAYS_S)) - 1]
                row.status = "queued"
                row.next_attempt_at = utcnow() + timedelta(seconds=delay)
            else:
                self._finish(row, "failed")

    def suppress(self, message_id: int) -> None:
        """The resident opted out after this was queued: it is never sent."""
        with session_scope(self._url) as session:
            row = session.get(OutboundMessage, message_id)
            if row is not None:
                self._finish(row, "suppressed")

    def apply_status(
        self, provider_id: str, provider_status: str, error_code: str | None = None
    ) -> bool:
        """A delivery status callback; statuses never go backwards. False if the id is unknown."""
        status = TWILIO_STATUS.get(provider_status.lower())
        with session_scope(self._url) as session:
            row = session.execute(
                select(OutboundMessage).where(OutboundMessage.provider_id == provider_id)
            ).scalar_one_or_none()
            if row is None:
                return False
            if status is not None:
                if error_code and status in {"failed", "undelivered"}:
                    row.last_error = f"Provider error code {error_code[:20]}"
                self._advance(row, status)
            return True

    def status_of(self, message_id: int) -> str | None:
        with session_scope(self._url) as session:
            row = session.get(OutboundMessage, message_id)
            return row.status if row else None

    @staticmethod
    def _advance(row: OutboundMessage, status: str) -> None:
        if row.status in FINAL_STATUSES:
            return
        if status in FINAL_STATUSES:
            OutboundStore._finish(row, status)
        elif STATUS_RANK.get(status, -1) > STATUS_RANK.get(row.status, -1):
            row.status = status

    @staticmethod
    def _finish(row: OutboundMessage, status: str) -> None:
        row.status = status
        row.recipient = None  # no longer needed to send: do not keep it
        row.body = None

    # SMS contacts: opt-outs and the numbered options last offered.

    def _contact(self, session: Any, number: str) -> SmsContact:
        key = phone_key(number)
        row = session.get(SmsContact, key)
        if row is None:
            insert = self._insert()
            session.execute(
                insert(SmsContact)
                .values(phone_key=key, opted_out=False, options=[], updated_at=utcnow())
                .on_conflict_do_nothing(index_elements=["phone_key"])
            )
            row = session.get(SmsContact, key)
        return row

    def set_opted_out(self, number: str, opted_out: bool) -> None:
        with session_scope(self._url) as session:
            row = self._contact(session, number)
            row.opted_out = opted_out
            row.options = []
            row.updated_at = utcnow()

    def is_opted_out_key(self, key: str) -> bool:
        with session_scope(self._url) as session:
            row = session.get(SmsContact, key)
            return bool(row and row.opted_out)

    def is_opted_out(self, number: str) -> bool:
        return self.is_opted_out_key(phone_key(number))

    def set_options(self, number: str, payloads: list[str]) -> None:
        with session_scope(self._url) as session:
            row = self._contact(session, number)
            row.options = payloads
            row.updated_at = utcnow()

    def options(self, number: str) -> list[str]:
        with session_scope(self._url) as session:
            row = session.get(SmsContact, phone_key(number))
            return list(row.options or []) if row else []
