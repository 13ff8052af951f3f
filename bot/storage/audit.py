"""Audit log: who looked at or changed sensitive records, written in the same transaction."""

from __future__ import annotations

from typing import Any

from bot.storage.models import AuditEvent, utcnow


def record(session: Any, actor: str, action: str, subject: str = "") -> None:
    """Add an audit event to the caller's transaction (it commits or rolls back with it)."""
    session.add(AuditEvent(actor=actor[:60], action=action[:40], subject=subject[:80]))


def record_on(connection: Any, actor: str, action: str, subject: str = "") -> None:
    """The same, for work done on a Core connection (it commits or rolls back with it)."""
    connection.execute(
        AuditEvent.__table__.insert().values(
            actor=actor[:60], action=action[:40], subject=subject[:80], at=utcnow()
        )
    )
