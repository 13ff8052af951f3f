"""The daily purge runs once a day however many server processes share the database."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta

from sqlalchemy import select

from bot.records import daily_jobs
from bot.records.daily_jobs import claim_daily, run_retention_if_due
from bot.storage.engine import get_engine, make_engine
from bot.storage.models import AuditEvent
from tests.support.records_seed import Seeder


def _race(count: int, work) -> list:
    """Start `count` callers at the same moment, each on its own engine (like separate processes)."""
    barrier = threading.Barrier(count)

    def one(_: int):
        barrier.wait()
        return work()

    with ThreadPoolExecutor(count) as pool:
        return list(pool.map(one, range(count)))


def test_only_one_of_several_racing_servers_claims_each_day(database_url, monkeypatch):
    engines = iter([make_engine(database_url) for _ in range(4)])
    lock = threading.Lock()

    def own_engine(_url=None):
        with lock:
            return next(engines)

    monkeypatch.setattr(daily_jobs, "get_engine", own_engine)
    day = date(2026, 12, 3)
    for offset in range(2):
        engines = iter([make_engine(database_url) for _ in range(4)])
        results = _race(4, lambda d=day + timedelta(days=offset): claim_daily("retention", d))
        assert sorted(results) == [False, False, False, True]
    engines = iter([make_engine(database_url) for _ in range(1)])
    assert not claim_daily("retention", day + timedelta(days=1))  # same day again: nothing


def test_two_purges_racing_on_one_database_purge_once(database_url):
    Seeder().conversation("old-chat", ["my bin was missed"], days_ago=400)

    results = _race(2, run_retention_if_due)

    assert sorted(results) == [False, True]
    with get_engine().connect() as connection:
        purges = connection.execute(
            select(AuditEvent.subject).where(AuditEvent.action == "retention.purge")
        ).all()
    assert len(purges) == 1 and purges[0][0] != "records:0"


def test_the_background_thread_runs_the_purge_then_waits(monkeypatch):
    runs: list[float] = []
    monkeypatch.setattr(daily_jobs, "run_retention_if_due", lambda: runs.append(time.monotonic()))

    jobs = daily_jobs.start_daily_jobs(interval_s=0.05)
    time.sleep(0.3)
    alive = jobs.thread.daemon and jobs.thread.is_alive()
    jobs.stop()

    assert alive and not jobs.thread.is_alive()
    assert 2 <= len(runs) <= 10
