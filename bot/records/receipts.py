"""Inbound message receipts for every channel: each message id is handled once, retries get the same answer."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError

from bot.storage.engine import session_scope
from bot.storage.models import MessageReceipt, utcnow


class ReceiptState:
    """Outcomes of claiming an inbound message id."""

    NEW = "new"
    PROCESSING = "processing"
    DONE = "done"


class ReceiptStore:
    """Claims inbound message ids (webchat client ids, Twilio MessageSids, Telegram update ids)."""

    def __init__(self, database_url: str | None = None) -> None:
        self._url = database_url

    def claim_receipt(self, channel: str, external_id: str) -> tuple[str, list[int]]:
        """Record a new inbound id, or say it is being processed or already answered."""
        try:
            with session_scope(self._url) as session:
                session.add(MessageReceipt(channel=channel, external_id=external_id))
            return ReceiptState.NEW, []
        except IntegrityError:
            pass
        with session_scope(self._url) as session:
            row = session.execute(
                select(MessageReceipt).where(
                    MessageReceipt.channel == channel, MessageReceipt.external_id == external_id
                )
            ).scalar_one()
            if row.status == "done":
                return ReceiptState.DONE, [int(i) for i in (row.response or [])]
            return ReceiptState.PROCESSING, []

    def complete_receipt(self, channel: str, external_id: str, message_ids: list[int]) -> None:
        """Mark the id answered, with the ids of the replies (a retry gets the same ones)."""
        with session_scope(self._url) as session:
            session.execute(
                update(MessageReceipt)
                .where(MessageReceipt.channel == channel, MessageReceipt.external_id == external_id)
                .values(status="done", response=message_ids)
            )

    def release_receipt(self, channel: str, external_id: str) -> None:
        """Forget a receipt whose processing failed, so the resident's retry is handled."""
        with session_scope(self._url) as session:
            session.execute(
                delete(MessageReceipt).where(
                    MessageReceipt.channel == channel, MessageReceipt.external_id == external_id
                )
            )


def _aware(value: datetime | None) -> datetime | None:
    if value is not None and value.tzinfo is None:  # SQLite drops the zone; we only store UTC
        return value.replace(tzinfo=timezone.utc)
    return value


class InboundStash:
    """Keeps an acknowledged message (what the channel needs to answer it) on its receipt until
    it has been answered, so a message acknowledged just before a crash is still answered after
    a restart."""

    def __init__(self, channel: str, database_url: str | None = None) -> None:
        self._channel = channel
        self._url = database_url

    def claim(self, external_id: str, pending: dict[str, Any]) -> str:
        """Record a new inbound id with what is needed to answer it, in one transaction (so a
        crash can never leave a claimed message with nothing to answer it from); or say it is
        already being processed or answered."""
        try:
            with session_scope(self._url) as session:
                session.add(
                    MessageReceipt(
                        channel=self._channel,
                        external_id=external_id,
                        response={"pending": pending},
                    )
                )
            return ReceiptState.NEW
        except IntegrityError:
            pass
        with session_scope(self._url) as session:
            status = session.execute(
                select(MessageReceipt.status).where(
                    MessageReceipt.channel == self._channel,
                    MessageReceipt.external_id == external_id,
                )
            ).scalar_one()
        return ReceiptState.DONE if status == "done" else ReceiptState.PROCESSING

    def renew(self, external_id: str) -> None:
        """Mark an unanswered message as still being worked on: `take_stale` leaves it alone
        for another `older_than_s`, however long its turn takes."""
        with session_scope(self._url) as session:
            session.execute(
                update(MessageReceipt)
                .where(
                    MessageReceipt.channel == self._channel,
                    MessageReceipt.external_id == external_id,
                    MessageReceipt.status == "processing",
                )
                .values(received_at=utcnow())
            )

    def stash(self, external_id: str, pending: dict[str, Any]) -> None:
        """Keep `pending` (JSON) on the receipt until complete_receipt replaces it."""
        with session_scope(self._url) as session:
            session.execute(
                update(MessageReceipt)
                .where(
                    MessageReceipt.channel == self._channel,
                    MessageReceipt.external_id == external_id,
                )
                .values(response={"pending": pending})
            )

    def take_stale(self, older_than_s: float, limit: int = 20) -> list[tuple[str, dict[str, Any]]]:
        """Receipts still unanswered after `older_than_s`, each claimed by this process once."""
        cutoff = utcnow() - timedelta(seconds=older_than_s)
        taken: list[tuple[str, dict[str, Any]]] = []
        with session_scope(self._url) as session:
            rows = (
                session.execute(
                    select(MessageReceipt)
                    .where(
                        MessageReceipt.channel == self._channel,
                        MessageReceipt.status == "processing",
                    )
                    .order_by(MessageReceipt.id)
                    .limit(limit)
                )
                .scalars()
                .all()
            )
            candidates = [
                (row.id, row.external_id, row.received_at, row.response)
                for row in rows
                if isinstance(row.response, dict) and "pending" in row.response
                and (_aware(row.received_at) or cutoff) < cutoff
            ]  # fmt: skip
        for row_id, external_id, received_at, response in candidates:
            with session_scope(self._url) as session:
                claimed = session.execute(
                    update(MessageReceipt)
                    .where(MessageReceipt.id == row_id, MessageReceipt.received_at == received_at)
                    .values(received_at=utcnow())
                ).rowcount
            if claimed == 1 and isinstance(response["pending"], dict):
                taken.append((external_id, dict(response["pending"])))
        return taken
