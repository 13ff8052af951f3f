"""Prints how long each insight page's figures take with 1,000,000 analytics events.

Fills a fresh database with a year of realistic events (conversations on every channel,
transactions that complete, are cancelled, handed off or left part way, handoffs claimed after
a wait, messages not understood), then times each page for the last 30 days (the pages'
default) and for the whole 13 months the events are kept. Target: under 1 s per page on
PostgreSQL. Runs on SQLite, then on a throwaway PostgreSQL when its server binaries are
installed (``--sqlite-only`` skips it).
Usage: ``.venv/bin/python -m scripts.bench.insight [--rows N] [--sqlite-only]``
"""

from __future__ import annotations

import argparse
import os
import random
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import insert

from bot.records import insight_events as ev
from bot.records import insight_figures as figures
from bot.storage.engine import get_engine
from bot.storage.migrate import upgrade_database
from bot.storage.models import AnalyticsEvent, utcnow

CHUNK = 20_000
CHANNELS = ("webchat", "webchat", "twilio_sms", "telegram")
SERVICES = {
    "missed_bin": ["postcode", "street", "house", "bin_type", "missed_bin_confirm"],
    "request_bin": ["postcode", "street", "house", "bin_container", "bin_reason", "bin_confirm"],
    "housing_repair": ["repair_problem", "repair_room", "postcode", "house", "repair_confirm"],
    "parking_permit": ["permit_vehicle", "postcode", "house", "permit_confirm"],
}
DAYS = 395  # 13 months
#: Every row names every column (one INSERT for a whole chunk).
OPTIONAL = ("journey", "service", "question", "previous_question", "band", "reason")
OPTIONAL += ("priority", "outcome")
OPTIONAL += ("wait_seconds", "masked_text")


def _conversation(n: int, rnd: random.Random, now: Any) -> Iterator[dict[str, Any]]:
    key = f"{n:064x}"
    channel = rnd.choice(CHANNELS)
    support = rnd.random() < 0.05
    at = now - timedelta(days=rnd.random() * DAYS)
    base = {
        "conversation_key": key,
        "channel": channel,
        "extra_support": support,
        "acting_for": False,
        **dict.fromkeys(OPTIONAL),
    }

    def row(kind: str, seconds: float, **fields: Any) -> dict[str, Any]:
        return {**base, "kind": kind, "occurred_at": at + timedelta(seconds=seconds), **fields}

    yield row(ev.CONVERSATION_STARTED, 0)
    yield row(
        ev.INTENT_RECOGNISED,
        1,
        service="report_missed_bin",
        band=rnd.choice(("high", "medium", "low")),
    )
    if rnd.random() < 0.1:
        yield row(ev.NOT_UNDERSTOOD, 2, masked_text=f"message number {rnd.randrange(300)}")
    service = rnd.choice(list(SERVICES))
    questions = SERVICES[service]
    journey = f"j{n:031x}"
    yield row(ev.TRANSACTION_STARTED, 3, service=service, journey=journey)
    reached = rnd.randrange(1, len(questions) + 1)
    for step, question in enumerate(questions[:reached]):
        previous = questions[step - 1] if step else None
        yield row(
            ev.QUESTION_ASKED, 10 + step * 20, service=service, journey=journey,
            question=question, previous_question=previous,
        )  # fmt: skip
    ending = rnd.random()
    last = questions[reached - 1]
    if reached == len(questions) and ending < 0.8:
        yield row(ev.TRANSACTION_COMPLETED, 200, service=service, journey=journey, question=last)
    elif ending < 0.1:
        yield row(ev.TRANSACTION_CANCELLED, 200, service=service, journey=journey, question=last)
    elif ending < 0.2:
        yield row(ev.TRANSACTION_HANDED_OFF, 200, service=service, journey=journey, question=last)
        yield row(
            ev.HANDOFF, 201, service="request_human", reason="asked for a person", priority="normal"
        )
        wait = int(rnd.expovariate(1 / 150))
        yield row(ev.ADVISOR_CLAIMED, 201 + wait, service="request_human", reason="asked for a person", priority="normal", wait_seconds=wait)  # fmt: skip
    # Otherwise left part way: no ending event, as when a resident stops answering.


def fill(url: str, total: int) -> int:
    rnd = random.Random(14)
    now = utcnow()
    written = 0
    chunk: list[dict[str, Any]] = []
    engine = get_engine(url)
    n = 0
    while written < total:
        for event in _conversation(n, rnd, now):
            chunk.append(event)
            written += 1
            if len(chunk) >= CHUNK:
                with engine.begin() as connection:
                    connection.execute(insert(AnalyticsEvent), chunk)
                chunk = []
        n += 1
    if chunk:
        with engine.begin() as connection:
            connection.execute(insert(AnalyticsEvent), chunk)
    if engine.dialect.name == "postgresql":
        with engine.begin() as connection:
            connection.exec_driver_sql("ANALYZE analytics_events")
    return written


def pages(costs: figures.ContactCosts) -> dict[str, Callable[[figures.Filters], Any]]:
    return {
        "Overview": figures.overview,
        "Where people give up": figures.funnels,
        "Advisors": figures.advisors,
        "Channel shift": lambda f: figures.channel_shift(f, costs),
        "Not understood": figures.not_understood,
    }


def measure(url: str, total: int, label: str) -> None:
    from bot.settings import get_settings
    from bot.storage import engine

    os.environ["DATABASE_URL"] = url
    get_settings.cache_clear()
    engine.get_engine.cache_clear()
    engine._session_factory.cache_clear()
    upgrade_database(url)
    started = time.perf_counter()
    rows = fill(url, total)
    print(f"{label}: filled {rows:,} events in {time.perf_counter() - started:.1f} s")
    today = utcnow().date()
    costs = figures.contact_costs(Path("councils/example"))
    ranges = {
        "last 30 days": figures.Filters(today - timedelta(days=29), today),
        "13 months": figures.Filters(today - timedelta(days=DAYS), today),
        "13 months, SMS, extra support": figures.Filters(
            today - timedelta(days=DAYS), today, channel="twilio_sms", extra_support=True
        ),
    }
    for span, filters in ranges.items():
        for page, compute in pages(costs).items():
            started = time.perf_counter()
            compute(filters)
            took = time.perf_counter() - started
            print(f"{label}: {page} ({span}) took {took:.3f} s (target under 1 s on PostgreSQL)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--sqlite-only", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as root:
        measure(f"sqlite:///{Path(root) / 'bench.db'}", args.rows, "SQLite")
    if args.sqlite_only:
        return 0
    from tests.support.postgres import LocalPostgres, PostgresUnavailable

    try:
        server = LocalPostgres().start()
    except PostgresUnavailable as error:
        print(f"PostgreSQL skipped: {error}")
        return 0
    try:
        measure(server.create_database(), args.rows, "PostgreSQL")
    finally:
        server.cleanup()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
