"""Inbound message receipts for every channel: each message id is handled once, retries get the same answer."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from datetime import datetime, timedelta, timezone
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session

from bot.sensitive_numbers import mask_json
from bot.storage.engine import session_scope
from bot.storage.models import MessageReceipt, utcnow

logger = logging.getLogger(__name__)

# A webchat turn holds its receipt on a lease, renewed every LEASE_RENEW_S while it runs. A
# receipt still `processing` whose lease has run out was left by a process that died (or by a
# failed attempt, which gives its lease up at once): the resident's retry takes it over and
# runs the turn. A live turn renews long before LEASE_S, so no turn is ever run twice.
LEASE_S = 20.0
LEASE_RENEW_S = 4.0
GIVEN_UP = datetime(2000, 1, 1, tzinfo=timezone.utc)  # the lease of a receipt whose turn failed


class ReceiptState:
    """Outcomes of claiming an inbound message id."""

    NEW = "new"
    PROCESSING = "processing"
    DONE = "done"
    TAKEN_OVER = "taken_over"  # its earlier owner is gone: this attempt runs the turn


class LeaseLost(RuntimeError):
    """Another attempt took the receipt over: this one must store nothing."""


def take_over(
    session: Session, channel: str, external_id: str, held_since: datetime | None
) -> datetime | None:
    """Take a `processing` receipt whose lease (renewed at `held_since`) has run out.

    The new lease, or None if it is still held (or another attempt took it a moment earlier:
    the update only matches the lease this attempt saw).
    """
    now = utcnow()
    if held_since is not None and now - _aware(held_since) < timedelta(seconds=LEASE_S):  # type: ignore[operator]
        return None
    taken = session.execute(
        update(MessageReceipt)
        .where(
            MessageReceipt.channel == channel,
            MessageReceipt.external_id == external_id,
            MessageReceipt.status == "processing",
            MessageReceipt.received_at == held_since,
        )
        .values(received_at=now)
    ).rowcount
    return now if taken == 1 else None


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

    def renew_lease(self, channel: str, external_id: str, lease: datetime) -> datetime | None:
        """Renew a turn's lease; None if it was lost (another attempt took the receipt over)."""
        now = utcnow()
        with session_scope(self._url) as session:
            renewed = session.execute(
                update(MessageReceipt)
                .where(
                    MessageReceipt.channel == channel,
                    MessageReceipt.external_id == external_id,
                    MessageReceipt.status == "processing",
                    MessageReceipt.received_at == lease,
                )
                .values(received_at=now)
            ).rowcount
        return now if renewed == 1 else None

    def give_up_lease(self, channel: str, external_id: str, lease: datetime) -> None:
        """A failed turn: the resident's retry takes the receipt over at once and runs the turn,
        without adding their message to the transcript a second time."""
        with session_scope(self._url) as session:
            session.execute(
                update(MessageReceipt)
                .where(
                    MessageReceipt.channel == channel,
                    MessageReceipt.external_id == external_id,
                    MessageReceipt.status == "processing",
                    MessageReceipt.received_at == lease,
                )
                .values(received_at=GIVEN_UP)
            )

    def answered(self, channel: str, external_id: str) -> list[int] | None:
        """The ids of the replies if the message has been answered, else None."""
        with session_scope(self._url) as session:
            row = session.execute(
                select(MessageReceipt.status, MessageReceipt.response).where(
                    MessageReceipt.channel == channel, MessageReceipt.external_id == external_id
                )
            ).one_or_none()
        if row is None or row.status != "done":
            return None
        return [int(i) for i in (row.response or [])]

    def take_over(self, channel: str, external_id: str) -> datetime | None:
        """The new lease if the receipt's turn was left unfinished (see `take_over`)."""
        with session_scope(self._url) as session:
            row = session.execute(
                select(MessageReceipt.status, MessageReceipt.received_at).where(
                    MessageReceipt.channel == channel, MessageReceipt.external_id == external_id
                )
            ).one_or_none()
            if row is None or row.status != "processing":
                return None
            return take_over(session, channel, external_id, row.received_at)

    def release_receipt(self, channel: str, external_id: str) -> None:
        """Forget a receipt whose processing failed, so the resident's retry is handled."""
        with session_scope(self._url) as session:
            session.execute(
                delete(MessageReceipt).where(
                    MessageReceipt.channel == channel, MessageReceipt.external_id == external_id
                )
            )


class HeldLease:
    """A turn's hold on its receipt, renewed in the background while the turn runs, so a
    retry never takes over a live turn (LEASE_S)."""

    def __init__(
        self,
        receipts: ReceiptStore,
        channel: str,
        receipt_id: str | None,
        lease: datetime | None,
    ) -> None:
        self._receipts = receipts
        self._channel = channel
        self._receipt_id = receipt_id
        self.lease = lease if receipt_id else None
        self._renewing: asyncio.Task[None] | None = None

    async def _renew(self) -> None:
        assert self._receipt_id is not None
        while self.lease is not None:
            await asyncio.sleep(LEASE_RENEW_S)
            try:
                renewed = self._receipts.renew_lease(self._channel, self._receipt_id, self.lease)
            except SQLAlchemyError:
                logger.warning("%s: could not renew a turn's lease; trying again", self._channel)
                continue
            if renewed is None:
                return  # taken over: answer() will refuse to store this turn's replies
            self.lease = renewed

    async def __aenter__(self) -> HeldLease:
        if self.lease is not None:
            self._renewing = asyncio.create_task(self._renew())
        return self

    async def __aexit__(self, *_: object) -> None:
        if self._renewing is not None:
            self._renewing.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._renewing


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
                .values(response={"pending": mask_json(pending)})
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
