"""SQL storage behind the webchat channel: sessions and the transcript the widget shows.

Every line is stored with card numbers and the like removed (bot.sensitive_numbers).
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from bot.records.receipts import LeaseLost, ReceiptState, take_over
from bot.sensitive_numbers import mask
from bot.storage.engine import session_scope
from bot.storage.models import MessageReceipt, WebchatMessage, WebchatSession, utcnow


@dataclass(frozen=True)
class ChatMessage:
    """One line of the transcript as the widget shows it."""

    id: int
    sender: str
    text: str
    buttons: list[dict[str, str]]
    created_at: datetime

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "sender": self.sender,
            "text": self.text,
            "buttons": self.buttons,
            "created_at": self.created_at.isoformat(),
        }


def _as_message(row: WebchatMessage) -> ChatMessage:
    created = row.created_at
    if created.tzinfo is None:  # SQLite drops the zone; we only ever store UTC
        created = created.replace(tzinfo=timezone.utc)
    return ChatMessage(row.id, row.sender, row.text, list(row.buttons or []), created)


class ArrivalState:
    """Outcomes of the first transaction for an inbound webchat message."""

    UNKNOWN_SESSION = "unknown_session"
    RATE_LIMITED = "rate_limited"


@dataclass(frozen=True)
class Arrival:
    """state: an ArrivalState or a ReceiptState; replies: the earlier answer to a repeat;
    lease: the receipt's lease held by this attempt (NEW or TAKEN_OVER with a receipt id)."""

    state: str
    replies: list[ChatMessage] = field(default_factory=list)
    lease: datetime | None = None


class WebchatStore:
    """Sessions with server-made unguessable ids, and an append-only transcript."""

    def __init__(self, database_url: str | None = None, idle_hours: int = 24) -> None:
        self._url = database_url
        self._idle = timedelta(hours=idle_hours)

    def create_session(self) -> str:
        session_id = secrets.token_urlsafe(32)
        with session_scope(self._url) as session:
            session.add(WebchatSession(id=session_id))
        return session_id

    def _touch(self, session: Session, session_id: str) -> bool:
        """True (and marks it active) if the session exists and has not gone idle."""
        now = utcnow()
        row = session.get(WebchatSession, session_id)
        if row is None:
            return False
        last = row.last_active_at
        if last.tzinfo is None:
            last = last.replace(tzinfo=timezone.utc)
        if now - last > self._idle:
            return False
        row.last_active_at = now
        return True

    def receive(
        self,
        session_id: str,
        shown: str,
        *,
        channel: str,
        receipt_id: str | None,
        allow: Callable[[str], bool],
    ) -> Arrival:
        """One transaction for an inbound message: mark the session active, ask `allow`
        (the rate limit), claim the message's receipt and add it to the transcript.

        A repeated receipt id adds nothing: it is PROCESSING, DONE with the first replies, or
        TAKEN_OVER when the attempt that held it is gone (crashed, or failed and gave it up):
        this attempt then runs the turn, and the message is already in the transcript.
        """
        with session_scope(self._url) as session:
            if not self._touch(session, session_id):
                return Arrival(ArrivalState.UNKNOWN_SESSION)
            if not allow(session_id):
                return Arrival(ArrivalState.RATE_LIMITED)
            lease: datetime | None = None
            if receipt_id is not None:
                insert = (
                    postgresql.insert
                    if session.bind.dialect.name == "postgresql"
                    else sqlite.insert
                )
                lease = utcnow()
                claimed = session.execute(
                    insert(MessageReceipt)
                    .values(
                        channel=channel,
                        external_id=receipt_id,
                        status="processing",
                        received_at=lease,
                    )
                    .on_conflict_do_nothing(index_elements=["channel", "external_id"])
                )
                if claimed.rowcount == 0:
                    status, ids, held_since = session.execute(
                        select(
                            MessageReceipt.status,
                            MessageReceipt.response,
                            MessageReceipt.received_at,
                        ).where(
                            MessageReceipt.channel == channel,
                            MessageReceipt.external_id == receipt_id,
                        )
                    ).one()
                    if status == "done":
                        return Arrival(
                            ReceiptState.DONE, self._by_id(session, session_id, ids or [])
                        )
                    taken = take_over(session, channel, receipt_id, held_since)
                    if taken is None:
                        return Arrival(ReceiptState.PROCESSING)
                    return Arrival(ReceiptState.TAKEN_OVER, lease=taken)
            session.add(
                WebchatMessage(
                    session_id=session_id, sender="resident", text=mask(shown), buttons=[]
                )
            )
            return Arrival(ReceiptState.NEW, lease=lease)

    def answer(
        self,
        session_id: str,
        replies: list[tuple[str, str, list[dict[str, str]]]],
        *,
        channel: str,
        receipt_id: str | None,
        lease: datetime | None = None,
    ) -> list[ChatMessage]:
        """One transaction: the replies (sender, text, buttons) and the receipt marked done.

        With the attempt's `lease`, nothing is stored if another attempt took the receipt
        over meanwhile (LeaseLost): the resident sees one answer, never two.
        """
        with session_scope(self._url) as session:
            rows = [
                WebchatMessage(
                    session_id=session_id, sender=sender, text=mask(text), buttons=buttons or []
                )
                for sender, text, buttons in replies
            ]
            session.add_all(rows)
            session.flush()
            stored = [_as_message(row) for row in rows]
            if receipt_id is not None:
                held = (
                    [MessageReceipt.status == "processing", MessageReceipt.received_at == lease]
                    if lease is not None
                    else []
                )
                done = session.execute(
                    update(MessageReceipt)
                    .where(
                        MessageReceipt.channel == channel,
                        MessageReceipt.external_id == receipt_id,
                        *held,
                    )
                    .values(status="done", response=[m.id for m in stored])
                ).rowcount
                if lease is not None and done != 1:
                    raise LeaseLost(receipt_id)
            return stored

    def session_exists(self, session_id: str) -> bool:
        with session_scope(self._url) as session:
            return session.get(WebchatSession, session_id) is not None

    def add_message(
        self, session_id: str, sender: str, text: str, buttons: list[dict[str, str]] | None = None
    ) -> ChatMessage:
        with session_scope(self._url) as session:
            row = WebchatMessage(
                session_id=session_id, sender=sender, text=mask(text), buttons=buttons or []
            )
            session.add(row)
            session.flush()
            return _as_message(row)

    def messages_after(
        self, session_id: str, after_id: int = 0, limit: int = 200
    ) -> list[ChatMessage]:
        with session_scope(self._url) as session:
            rows = session.execute(
                select(WebchatMessage)
                .where(WebchatMessage.session_id == session_id, WebchatMessage.id > after_id)
                .order_by(WebchatMessage.id)
                .limit(limit)
            ).scalars()
            return [_as_message(row) for row in rows]

    def messages_by_id(self, session_id: str, ids: list[int]) -> list[ChatMessage]:
        if not ids:
            return []
        with session_scope(self._url) as session:
            return self._by_id(session, session_id, ids)

    @staticmethod
    def _by_id(session: Session, session_id: str, ids: list[int]) -> list[ChatMessage]:
        if not ids:
            return []
        rows = session.execute(
            select(WebchatMessage)
            .where(
                WebchatMessage.session_id == session_id,
                WebchatMessage.id.in_([int(i) for i in ids]),
            )
            .order_by(WebchatMessage.id)
        ).scalars()
        return [_as_message(row) for row in rows]
