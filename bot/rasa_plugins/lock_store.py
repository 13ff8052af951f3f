"""A Rasa lock store in our SQL database, so several Rasa server workers can share it."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncGenerator, Iterator
from contextlib import asynccontextmanager, contextmanager
from typing import Any

from rasa.core.lock import TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, LockError, LockStore
from sqlalchemy import delete, select, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from bot.storage.engine import get_engine, session_scope
from bot.storage.models import ConversationLock

# A waiting message polls the lock quickly at first, then less often (Rasa polls every second,
# which adds a whole second to a message sent while the previous one is still being answered).
FIRST_POLL_S = 0.02
# Pauses between tries to hand a lock on while the database is unreachable (15 s in all).
CLEANUP_PAUSES_S = (0.5, 1.0, 2.0, 4.0, 7.5)


class SQLLockStore(LockStore):
    """Ticket locks in the `conversation_locks` table (DATABASE_URL).

    Rasa only allows more than one Sanic worker with a lock store that all workers
    share. Issuing a ticket is one transaction holding the database's write lock
    (SQLite) or the row lock (PostgreSQL), so two workers never get the same ticket.
    A message takes two transactions in all when nobody else is waiting (Rasa's base
    class takes seven): one to take a ticket, one to hand the lock on or remove it.
    """

    def __init__(self, **_kwargs: Any) -> None:
        self._dialect = get_engine().dialect.name

    def _lock_in(
        self, session: Session, conversation_id: str, for_update: bool
    ) -> TicketLock | None:
        query = select(ConversationLock.lock).where(
            ConversationLock.conversation_id == conversation_id
        )
        if for_update and self._dialect == "postgresql":
            query = query.with_for_update()
        row = session.execute(query).scalar_one_or_none()
        return TicketLock.from_dict(json.loads(row)) if row else None

    def _upsert(self, session: Session, lock: TicketLock) -> None:
        values = {"conversation_id": lock.conversation_id, "lock": lock.dumps()}
        insert = postgresql.insert if self._dialect == "postgresql" else sqlite.insert
        statement = insert(ConversationLock).values(**values)
        session.execute(
            statement.on_conflict_do_update(
                index_elements=[ConversationLock.conversation_id], set_={"lock": values["lock"]}
            )
        )

    @contextmanager
    def _exclusive(self, conversation_id: str) -> Iterator[Session]:
        """A transaction that no other worker can interleave with for this conversation."""
        with session_scope() as session:
            if self._dialect == "sqlite":
                session.execute(text("BEGIN IMMEDIATE"))
            elif self._dialect == "postgresql":
                # Serialise the first ticket for a conversation too (no row to lock yet).
                session.execute(
                    text("SELECT pg_advisory_xact_lock(hashtext(:c))"), {"c": conversation_id}
                )
            yield session

    def get_lock(self, conversation_id: str) -> TicketLock | None:
        with session_scope() as session:
            return self._lock_in(session, conversation_id, for_update=False)

    def save_lock(self, lock: TicketLock) -> None:
        with session_scope() as session:
            self._upsert(session, lock)

    def delete_lock(self, conversation_id: str) -> None:
        with session_scope() as session:
            session.execute(
                delete(ConversationLock).where(ConversationLock.conversation_id == conversation_id)
            )

    def _issue(self, conversation_id: str, lock_lifetime: float) -> tuple[int, TicketLock]:
        try:
            with self._exclusive(conversation_id) as session:
                lock = self._lock_in(session, conversation_id, for_update=True)
                lock = lock or self.create_lock(conversation_id)
                ticket = lock.issue_ticket(lock_lifetime)
                self._upsert(session, lock)
                return ticket, lock
        except Exception as error:  # Rasa expects a LockError here
            raise LockError(f"Could not issue a ticket for the conversation: {error}") from error

    def issue_ticket(self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME) -> int:
        """Read, issue and save in one transaction (Rasa's base class does three)."""
        return self._issue(conversation_id, lock_lifetime)[0]

    def cleanup(self, conversation_id: str, ticket_number: int) -> None:
        """Finish serving the ticket, and remove the lock if nobody waits, in one transaction."""
        with self._exclusive(conversation_id) as session:
            lock = self._lock_in(session, conversation_id, for_update=True)
            if lock is None:
                return
            lock.remove_ticket_for(ticket_number)
            if lock.is_someone_waiting():
                self._upsert(session, lock)
            else:
                session.execute(
                    delete(ConversationLock).where(
                        ConversationLock.conversation_id == conversation_id
                    )
                )

    def _refresh(self, conversation_id: str) -> TicketLock | None:
        """Drop expired tickets (a worker that died mid-message) and return the lock."""
        with self._exclusive(conversation_id) as session:
            lock = self._lock_in(session, conversation_id, for_update=True)
            if lock is not None:
                lock.remove_expired_tickets()
                self._upsert(session, lock)
            return lock

    @asynccontextmanager
    async def lock(
        self,
        conversation_id: str,
        lock_lifetime: float = LOCK_LIFETIME,
        wait_time_in_seconds: float = 1,
    ) -> AsyncGenerator[TicketLock, None]:
        """Rasa's ticket lock; the first message in a conversation goes straight in, without
        reading the lock again, and a waiting one polls from 20 ms up to Rasa's wait time."""
        ticket, lock = self._issue(conversation_id, lock_lifetime)
        try:
            if lock.is_locked(ticket):
                lock = await self._wait_for_turn(conversation_id, ticket, wait_time_in_seconds)
            yield lock
        finally:
            await self._cleanup_patiently(conversation_id, ticket)

    async def _cleanup_patiently(self, conversation_id: str, ticket: int) -> None:
        """Hand the lock on even if the database is restarting: otherwise the conversation's
        next message waits for the ticket to expire (LOCK_LIFETIME, a minute)."""
        for pause_s in CLEANUP_PAUSES_S:
            try:
                self.cleanup(conversation_id, ticket)
                return
            except SQLAlchemyError:
                await asyncio.sleep(pause_s)
        self.cleanup(conversation_id, ticket)

    async def _wait_for_turn(
        self, conversation_id: str, ticket: int, longest_wait_s: float
    ) -> TicketLock:
        wait = min(FIRST_POLL_S, longest_wait_s)
        while True:
            await asyncio.sleep(wait)
            wait = min(wait * 2, longest_wait_s)
            lock = self._refresh(conversation_id)
            if lock is None:  # expired and removed
                break
            if not lock.is_locked(ticket):
                return lock
        raise LockError(f"Could not acquire lock for conversation_id '{conversation_id}'.")
