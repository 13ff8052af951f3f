"""Rate limits counted in the database (bot/records/rate_limits.py), on SQLite and PostgreSQL."""

from __future__ import annotations

from sqlalchemy import select

from bot.records.rate_limits import Limit, RateLimits, client_key
from bot.storage.engine import session_scope
from bot.storage.models import RateLimitCounter

PER_MINUTE = Limit("test_messages", 3, 60)


class Clock:
    def __init__(self, now: float = 1_800_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def test_the_limit_allows_so_many_then_refuses_without_counting_the_refusals(database_url):
    clock = Clock()
    limits = RateLimits(clock=clock)

    assert [limits.take(PER_MINUTE, "session-1") for _ in range(5)] == [True] * 3 + [False] * 2
    assert limits.take(PER_MINUTE, "session-2")
    clock.now += 120  # two windows later: the old counts no longer weigh
    assert limits.take(PER_MINUTE, "session-1")


def test_two_stores_on_one_database_share_the_count(database_url):
    clock = Clock()
    first, second = RateLimits(clock=clock), RateLimits(clock=clock)

    taken = [first.take(PER_MINUTE, "s"), second.take(PER_MINUTE, "s"), first.take(PER_MINUTE, "s")]

    assert taken == [True] * 3
    assert not second.take(PER_MINUTE, "s")
    assert not first.take(PER_MINUTE, "s")


def test_a_burst_at_the_edge_of_a_window_still_counts_in_the_next(database_url):
    clock = Clock(1_800_000_000.0 + 59)  # one second before a window ends
    limits = RateLimits(clock=clock)
    assert [limits.take(PER_MINUTE, "s") for _ in range(3)] == [True] * 3

    clock.now += 2  # a new window has begun, but the burst was two seconds ago
    assert not limits.take(PER_MINUTE, "s")
    clock.now += 40  # most of the burst's window has passed: a place is free again
    assert limits.take(PER_MINUTE, "s")


def test_a_place_given_back_can_be_taken_again_and_a_clear_forgets_the_key(database_url):
    limits = RateLimits(clock=Clock())
    for _ in range(3):
        limits.take(PER_MINUTE, "s")
    limits.give_back(PER_MINUTE, "s")
    assert limits.take(PER_MINUTE, "s")
    assert not limits.take(PER_MINUTE, "s")

    limits.clear(PER_MINUTE, "s")
    assert limits.take(PER_MINUTE, "s")


def test_who_is_limited_is_stored_only_as_a_keyed_hash(database_url):
    RateLimits(clock=Clock()).take(PER_MINUTE, "203.0.113.7")

    with session_scope() as session:
        [row] = session.execute(select(RateLimitCounter)).scalars().all()
        assert "203.0.113.7" not in row.key_hash
        assert len(row.key_hash) == 64
    assert "203.0.113.7" not in client_key("203.0.113.7")


def test_counters_of_windows_that_are_over_are_deleted(database_url):
    clock = Clock()
    limits = RateLimits(clock=clock)
    limits.take(PER_MINUTE, "old")
    clock.now += 60
    limits.take(PER_MINUTE, "recent")

    clock.now += 61  # "old" can no longer be the previous window; "recent" still can
    assert limits.purge() == 1
    with session_scope() as session:
        assert len(session.execute(select(RateLimitCounter)).all()) == 1


def test_counters_are_purged_as_the_store_is_used(database_url):
    clock = Clock()
    limits = RateLimits(clock=clock)
    limits.take(PER_MINUTE, "old")
    clock.now += 3600
    limits.take(PER_MINUTE, "new")

    with session_scope() as session:
        assert len(session.execute(select(RateLimitCounter)).all()) == 1
