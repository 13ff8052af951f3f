"""A Rasa lock store in our SQL database, so several Rasa server workers can share it."""

from __future__ import annotations

import json
from typing import Any

from rasa.core.lock import TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, LockError, LockStore
from sqlalchemy import delete, select, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from bot.storage.engine import get_engine, session_scope
from bot.storage.models import ConversationLock


class SQLLockStore(LockStore):
    """Ticket locks in the `conversation_locks` table (DATABASE_URL).

    Rasa only allows more than one Sanic worker with a lock store that all workers
    share. Issuing a ticket is one transaction holding the database's write lock
    (SQLite) or the row lock (PostgreSQL), so two workers never get the same ticket.
    """

    def __init__(self, **_kwargs: Any) -> None:
        self._dialect = get_engine().dialect.name

    def _lock_in(self, session: Session, conversation_id: str, for_update: bool) -> TicketLock | None:
        query = select(ConversationLock.lock).where(ConversationLock.conversation_id == conversation_id)
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

    def issue_ticket(self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME) -> int:
        """Read, issue and save in one transaction (Rasa's base class does three)."""
        try:
            with session_scope() as session:
                if self._dialect == "sqlite":
                    session.execute(text("BEGIN IMMEDIATE"))
                elif self._dialect == "postgresql":
                    # Serialise the first ticket for a conversation too (no row to lock yet).
                    session.execute(
                        text("SELECT pg_advisory_xact_lock(hashtext(:c))"), {"c": conversation_id}
                    )
                lock = self._lock_in(session, conversation_id, for_update=True)
                lock = lock or self.create_lock(conversation_id)
                ticket = lock.issue_ticket(lock_lifetime)
                self._upsert(session, lock)
                return ticket
        except Exception as error:  # Rasa expects a LockError here
            raise LockError(f"Could not issue a ticket for the conversation: {error}") from error
