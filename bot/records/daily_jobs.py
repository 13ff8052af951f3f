"""Daily jobs run by the action server: a row in the database is the lease, so with several
server processes on one database each job runs at most once a day."""

from __future__ import annotations

import logging
import os
import socket
import threading
from datetime import date

from sqlalchemy import insert, or_, update
from sqlalchemy.exc import IntegrityError

from bot.storage.engine import get_engine
from bot.storage.models import ScheduledJob, utcnow

logger = logging.getLogger(__name__)

RETENTION_JOB = "retention"
#: How often a server checks whether today's run is still to do.
CHECK_EVERY_S = 3600.0


def holder_name() -> str:
    """Which process holds a lease (host and process id), for the logs."""
    return f"{socket.gethostname()}:{os.getpid()}"[:80]


def claim_daily(name: str, today: date, database_url: str | None = None) -> bool:
    """True for exactly one caller per job and day, whichever process or server it is in."""
    engine = get_engine(database_url)
    try:
        with engine.begin() as connection:
            connection.execute(insert(ScheduledJob).values(name=name, ran_on=None, holder=""))
    except IntegrityError:
        pass  # the row is there already (the usual case)
    with engine.begin() as connection:
        # One conditional UPDATE: a second process waits for the first's commit, then finds
        # ran_on already today and changes nothing.
        claimed = connection.execute(
            update(ScheduledJob)
            .where(
                ScheduledJob.name == name,
                or_(ScheduledJob.ran_on.is_(None), ScheduledJob.ran_on < today),
            )
            .values(ran_on=today, holder=holder_name(), claimed_at=utcnow())
        )
        return claimed.rowcount == 1


def run_retention_if_due(database_url: str | None = None) -> bool:
    """Purge what the council's schedule says is due, if no process has done it today."""
    from bot.council import get_council
    from bot.records.retention import purge
    from bot.settings import get_settings

    council = get_council(get_settings().council_dir)
    if council.privacy is None:
        return False
    if not claim_daily(RETENTION_JOB, utcnow().date(), database_url):
        return False
    report = purge(council.privacy.retention, apply=True, database_url=database_url)
    logger.info("retention: removed %d records (%s)", report.total, report.summary() or "none due")
    return True


class DailyJobs:
    """The background thread that checks every interval whether today's jobs are still to do."""

    def __init__(self, interval_s: float = CHECK_EVERY_S) -> None:
        self.interval_s = interval_s
        self._stop = threading.Event()
        self.thread = threading.Thread(target=self._loop, name="daily-jobs", daemon=True)

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                run_retention_if_due()
            except Exception:  # a failed run is logged and tried again at the next check
                logger.exception("retention: the daily purge failed")
            self._stop.wait(self.interval_s)

    def stop(self) -> None:
        self._stop.set()
        self.thread.join(timeout=10)


def start_daily_jobs(interval_s: float = CHECK_EVERY_S) -> DailyJobs:
    """Start checking for today's jobs in a background (daemon) thread."""
    jobs = DailyJobs(interval_s)
    jobs.thread.start()
    return jobs
