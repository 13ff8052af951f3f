"""The audit log records who did what to a sensitive record, in the same transaction (bot/storage/audit.py)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.storage import audit
from bot.storage.engine import session_scope
from bot.storage.models import AuditEvent


def _events() -> list[tuple[str, str, str]]:
    with session_scope() as session:
        rows = session.execute(select(AuditEvent).order_by(AuditEvent.id)).scalars()
        return [(row.actor, row.action, row.subject) for row in rows]


def test_an_advisor_claiming_a_ticket_is_recorded_with_who_what_and_which(database_url):
    with session_scope() as session:
        audit.record(session, "sam", "ticket.claim", "ticket:AD-7K3F9Q")
    assert _events() == [("sam", "ticket.claim", "ticket:AD-7K3F9Q")]


def test_nothing_is_recorded_when_the_change_it_describes_is_rolled_back(database_url):
    with pytest.raises(RuntimeError), session_scope() as session:
        audit.record(session, "sam", "register.remove", "register:12")
        raise RuntimeError("the change failed")
    assert _events() == []


def test_overlong_values_are_cut_to_fit_rather_than_lost(database_url):
    with session_scope() as session:
        audit.record(session, "a" * 100, "b" * 100, "c" * 100)
    assert _events() == [("a" * 60, "b" * 40, "c" * 80)]
