"""Rate limits and lockouts counted in the database, so every server process sees the same count.

Each limit keeps one counter per fixed window (an atomic INSERT ... ON CONFLICT DO UPDATE on
SQLite and PostgreSQL) and judges the recent rate from the current and the previous window, the
previous one weighted by how much of it still falls inside a window ending now (the "sliding
window counter"). A burst at a window's edge is therefore still seen as a burst.

The `limits` library has the same strategies but no SQL storage (memory, Redis, Memcached,
MongoDB and etcd only), and this project shares one database, not a cache, between processes.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import delete, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from bot.privacy import sender_key
from bot.storage.engine import session_scope
from bot.storage.models import RateLimitCounter

#: How often (seconds) one process deletes counters whose windows are over.
PURGE_EVERY_S = 60.0
#: When this process last purged each database (stores are cheap to make; the purge is not).
_last_purge: dict[str | None, float] = {}
#: Key in a message's metadata: keyed hash of the client address the message came from.
CLIENT_KEY = "client_key"


@dataclass(frozen=True)
class Limit:
    """At most `count` events per `window_s` seconds for each key of this scope."""

    scope: str
    count: int
    window_s: int


def client_key(address: str) -> str:
    """A keyed hash of a client address: what channels pass on (never the address itself)."""
    return sender_key(f"client-address:{address}")


class RateLimits:
    """Counts events per limit and key; every process using the same database agrees."""

    def __init__(
        self, database_url: str | None = None, clock: Callable[[], float] = time.time
    ) -> None:
        self._url = database_url
        self._clock = clock

    @staticmethod
    def _key(limit: Limit, key: str) -> str:
        return sender_key(f"rate-limit:{limit.scope}:{key}")

    def _estimate(self, session: Session, limit: Limit, key_hash: str, now: float) -> float:
        """Events in the last window_s seconds, estimated from this window and the one before."""
        start = int(now // limit.window_s) * limit.window_s
        rows = dict(
            session.execute(
                select(RateLimitCounter.window_start, RateLimitCounter.hits).where(
                    RateLimitCounter.scope == limit.scope,
                    RateLimitCounter.key_hash == key_hash,
                    RateLimitCounter.window_start.in_([start, start - limit.window_s]),
                )
            ).all()
        )
        into_window = (now - start) / limit.window_s
        return rows.get(start, 0) + rows.get(start - limit.window_s, 0) * (1.0 - into_window)

    def _add(self, session: Session, limit: Limit, key_hash: str, now: float, hits: int) -> None:
        """Add to this window's counter in one atomic statement (row created if missing)."""
        start = int(now // limit.window_s) * limit.window_s
        insert = postgresql.insert if session.bind.dialect.name == "postgresql" else sqlite.insert
        statement = insert(RateLimitCounter).values(
            scope=limit.scope,
            key_hash=key_hash,
            window_start=start,
            hits=max(hits, 0),
            expires_at=start + 2 * limit.window_s,
        )
        session.execute(
            statement.on_conflict_do_update(
                index_elements=["scope", "key_hash", "window_start"],
                set_={"hits": RateLimitCounter.hits + hits},
            )
        )

    def take(self, limit: Limit, key: str) -> bool:
        """Count one event for the key; False, and nothing counted, if it would go over the limit.

        The count goes up first: on PostgreSQL the row stays locked and on SQLite the database is
        being written until the transaction ends, so two processes never both take the last place.
        """
        now = self._clock()
        key_hash = self._key(limit, key)
        with session_scope(self._url) as session:
            self._add(session, limit, key_hash, now, 1)
            if self._estimate(session, limit, key_hash, now) > limit.count:
                self._add(session, limit, key_hash, now, -1)
                allowed = False
            else:
                allowed = True
        self._purge_now_and_then(now)
        return allowed

    def give_back(self, limit: Limit, key: str) -> None:
        """Uncount one event taken in this window (an attempt that turned out fine)."""
        now = self._clock()
        key_hash = self._key(limit, key)
        start = int(now // limit.window_s) * limit.window_s
        with session_scope(self._url) as session:
            session.execute(
                update(RateLimitCounter)
                .where(
                    RateLimitCounter.scope == limit.scope,
                    RateLimitCounter.key_hash == key_hash,
                    RateLimitCounter.window_start == start,
                    RateLimitCounter.hits > 0,
                )
                .values(hits=RateLimitCounter.hits - 1)
            )

    def clear(self, limit: Limit, key: str) -> None:
        """Forget every count for the key (e.g. a username after a correct sign-in)."""
        with session_scope(self._url) as session:
            session.execute(
                delete(RateLimitCounter).where(
                    RateLimitCounter.scope == limit.scope,
                    RateLimitCounter.key_hash == self._key(limit, key),
                )
            )

    def purge(self, now: float | None = None) -> int:
        """Delete the counters of windows that are over; returns how many went."""
        moment = int(self._clock() if now is None else now)
        with session_scope(self._url) as session:
            result = session.execute(
                delete(RateLimitCounter).where(RateLimitCounter.expires_at < moment)
            )
            return int(result.rowcount or 0)

    def _purge_now_and_then(self, now: float) -> None:
        if abs(now - _last_purge.get(self._url, -math.inf)) >= PURGE_EVERY_S:
            _last_purge[self._url] = now
            self.purge(now)
