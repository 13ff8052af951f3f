"""Database sessions commit together or not at all, and SQLite is set up for several processes (bot/storage/engine.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select, text

from bot.storage.engine import get_engine, make_engine, session_scope
from bot.storage.models import AuditEvent


def _actors() -> list[str]:
    with session_scope() as session:
        return list(session.execute(select(AuditEvent.actor).order_by(AuditEvent.id)).scalars())


def test_a_session_commits_what_it_added_when_it_ends_normally(database_url):
    with session_scope() as session:
        session.add(AuditEvent(actor="sam", action="register.view"))
    assert _actors() == ["sam"]


def test_a_session_keeps_nothing_when_an_error_interrupts_it(database_url):
    with pytest.raises(ValueError), session_scope() as session:
        session.add(AuditEvent(actor="sam", action="register.view"))
        session.flush()
        raise ValueError("half way through")
    assert _actors() == []


def test_the_engine_for_a_url_is_created_once(sqlite_url):
    assert get_engine(sqlite_url) is get_engine(sqlite_url)


def test_a_sqlite_database_gets_its_folder_write_ahead_logging_and_foreign_keys(tmp_path: Path):
    path = tmp_path / "new" / "folder" / "council.db"
    engine = make_engine(f"sqlite:///{path}")
    try:
        with engine.connect() as connection:
            assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
            assert connection.execute(text("PRAGMA busy_timeout")).scalar() == 10000
        assert path.parent.is_dir()
    finally:
        engine.dispose()
