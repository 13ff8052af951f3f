"""Database engines and transactional sessions shared by actions and channels."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from bot.settings import get_settings


def _enable_sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # WAL lets the Rasa server, action server and console read while one writes.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def make_engine(url: str) -> Engine:
    """A 2.0-style engine; SQLite gets WAL and a busy timeout, its folder created."""
    parsed = make_url(url)
    if parsed.drivername.startswith("sqlite"):
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        # A real pool (SQLAlchemy 1.4 defaults to opening a connection per session for
        # SQLite files, which cost a tenth of the server's time under load).
        engine = create_engine(
            url,
            future=True,
            poolclass=QueuePool,
            pool_size=5,
            max_overflow=10,
            connect_args={"timeout": 10, "check_same_thread": False},
        )
        event.listen(engine, "connect", _enable_sqlite_pragmas)
        return engine
    return create_engine(url, future=True, pool_pre_ping=True, pool_size=5, max_overflow=10)


@functools.lru_cache(maxsize=8)
def get_engine(url: str | None = None) -> Engine:
    """The engine for a URL (default: the configured DATABASE_URL), created once."""
    return make_engine(url or get_settings().database_url)


@functools.lru_cache(maxsize=8)
def _session_factory(url: str | None) -> sessionmaker:
    return sessionmaker(bind=get_engine(url), future=True, expire_on_commit=False)


@contextmanager
def session_scope(url: str | None = None) -> Iterator[Session]:
    """A session that commits on success and rolls back everything on any error."""
    session: Session = _session_factory(url)()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
