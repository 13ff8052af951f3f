"""Prints how long a subject access export takes with 1,000,000 rows in the database.

Fills a fresh database with bulk inserts spread over every table a resident's records are in
(Rasa's events most of all), then exports one resident found by a phone number, a webchat
session and a reference, and prints the time (target: under a minute), with the time of a
retention dry run over the same rows and of erasing that resident. Runs on SQLite, then on
a throwaway PostgreSQL when its server binaries are installed (``--sqlite-only`` skips it).
Usage: ``.venv/bin/python -m scripts.bench.sar [--rows N] [--sqlite-only]``
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import insert

from bot.council import get_council
from bot.privacy import sender_key
from bot.records.outbound import phone_key, recipient_key
from bot.records.retention import purge
from bot.records.sar import erase_subject, export
from bot.records.subject_access import Identifiers
from bot.records.support_register import identity_key
from bot.storage.engine import get_engine
from bot.storage.migrate import upgrade_database
from bot.storage.models import (
    AuditEvent,
    HandoffTicket,
    MessageReceipt,
    OutboundMessage,
    ServiceRequest,
    SmsContact,
    SupportRegistration,
    WebchatMessage,
    WebchatSession,
    utcnow,
)
from tests.support.records_seed import rasa_events_table

#: Share of the rows in each table (Rasa's events dominate, as in a real deployment).
SHARES = {
    "events": 0.68, "webchat_sessions": 0.017, "webchat_messages": 0.102,
    "service_requests": 0.06, "handoff_tickets": 0.02, "outbound_messages": 0.05,
    "message_receipts": 0.05, "sms_contacts": 0.01, "support_register": 0.001,
    "audit_events": 0.01,
}  # fmt: skip
EVENTS_PER_CONVERSATION = 20
CHUNK = 10_000
TARGET_PHONE = "+447700900000"
TARGET_SESSION = "session-000000"
TARGET_REFERENCE = "MB-000000"


def _phone(n: int) -> str:
    return f"+4477009{n:05d}"[:13] if n < 100_000 else f"+447{n:09d}"


def _chunks(rows: Iterator[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    chunk: list[dict[str, Any]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _conversation(n: int) -> tuple[str, str]:
    """The n-th conversation: even ones on webchat, odd ones by text."""
    return (f"session-{n:06d}", "webchat") if n % 2 == 0 else (_phone(n), "twilio_sms")


def fill(url: str, total: int) -> int:
    """Bulk-insert about `total` rows; conversation 0 and 1 are the resident exported."""
    engine = get_engine(url)
    events = rasa_events_table(engine)
    counts = {table: max(1, int(total * share)) for table, share in SHARES.items()}
    conversations = counts["events"] // EVENTS_PER_CONVERSATION
    now = utcnow()
    stamp = now.timestamp()

    def event_rows() -> Iterator[dict[str, Any]]:
        for n in range(conversations):
            sender, _ = _conversation(n)
            for i in range(EVENTS_PER_CONVERSATION):
                kind = "user" if i % 2 == 0 else "bot"
                data = {"event": kind, "timestamp": stamp + i, "text": f"message {i} in PL1 1AA"}
                yield {"sender_id": sender, "type_name": kind, "timestamp": stamp + i,
                       "intent_name": None, "action_name": None, "data": json.dumps(data)}  # fmt: skip

    def sessions() -> Iterator[dict[str, Any]]:
        for n in range(0, counts["webchat_sessions"] * 2, 2):
            yield {"id": _conversation(n)[0], "created_at": now, "last_active_at": now}

    def webchat_messages() -> Iterator[dict[str, Any]]:
        per = max(1, counts["webchat_messages"] // counts["webchat_sessions"])
        for n in range(0, counts["webchat_sessions"] * 2, 2):
            for i in range(per):
                yield {"session_id": _conversation(n)[0], "sender": "resident",
                       "text": f"message {i}", "buttons": [], "created_at": now}  # fmt: skip

    def requests() -> Iterator[dict[str, Any]]:
        for n in range(counts["service_requests"]):
            sender, channel = _conversation(n % conversations)
            yield {"reference": f"MB-{n:06d}", "service": "missed_bin", "status": "received",
                   "channel": channel, "sender_key": sender_key(sender), "postcode": "PL1 1AA",
                   "address": f"{n % 300} Tamar Road", "details": {"bin_type": "black"},
                   "dedupe_key": f"d{n}", "due_by": now.date(), "created_at": now,
                   "updated_at": now}  # fmt: skip

    def tickets() -> Iterator[dict[str, Any]]:
        for n in range(counts["handoff_tickets"]):
            sender, channel = _conversation(n % conversations)
            yield {"reference": f"AD-{n:06d}", "channel": channel, "sender_id": sender,
                   "intent": "request_human", "route": "advisor", "priority": "normal",
                   "priority_rank": 3, "reason": "Asked for a person", "summary": "bins",
                   "form_values": {}, "status": "closed", "created_at": now, "closed_at": now}  # fmt: skip

    def outbound() -> Iterator[dict[str, Any]]:
        for n in range(counts["outbound_messages"]):
            sender = _conversation((n * 2 + 1) % conversations)[0]
            yield {"channel": "twilio_sms", "source_id": f"SM{n}", "sequence": 0,
                   "recipient_key": recipient_key("twilio_sms", sender), "recipient": None,
                   "body": None, "buttons": [], "status": "delivered", "attempts": 1,
                   "created_at": now, "updated_at": now, "next_attempt_at": now}  # fmt: skip

    def receipts() -> Iterator[dict[str, Any]]:
        for n in range(counts["message_receipts"]):
            yield {"channel": "twilio_sms", "external_id": f"SM{n}", "status": "done",
                   "response": [n], "received_at": now}  # fmt: skip

    def contacts() -> Iterator[dict[str, Any]]:
        for n in range(counts["sms_contacts"]):
            yield {"phone_key": phone_key(_conversation(n * 2 + 1)[0]), "opted_out": False,
                   "options": [], "updated_at": now}  # fmt: skip

    def register() -> Iterator[dict[str, Any]]:
        for n in range(counts["support_register"]):
            yield {"identity_key": identity_key(f"phone:{_conversation(n * 2 + 1)[0]}"),
                   "label": "Sam", "reason": "Cannot get online", "added_by": "resident",
                   "created_at": now}  # fmt: skip

    def audit() -> Iterator[dict[str, Any]]:
        for n in range(counts["audit_events"]):
            yield {
                "actor": "sam",
                "action": "ticket.view",
                "subject": f"ticket:AD-{n:06d}",
                "at": now,
            }

    plan: list[tuple[Any, Callable[[], Iterator[dict[str, Any]]]]] = [
        (events, event_rows), (WebchatSession.__table__, sessions),
        (WebchatMessage.__table__, webchat_messages), (ServiceRequest.__table__, requests),
        (HandoffTicket.__table__, tickets), (OutboundMessage.__table__, outbound),
        (MessageReceipt.__table__, receipts), (SmsContact.__table__, contacts),
        (SupportRegistration.__table__, register), (AuditEvent.__table__, audit),
    ]  # fmt: skip
    inserted = 0
    for table, rows in plan:
        for chunk in _chunks(rows()):
            with engine.begin() as connection:
                connection.execute(insert(table), chunk)
            inserted += len(chunk)
    return inserted


def measure(url: str, total: int, label: str) -> None:
    upgrade_database(url)
    started = time.perf_counter()
    rows = fill(url, total)
    print(f"{label}: filled {rows:,} rows in {time.perf_counter() - started:.1f} s")
    started = time.perf_counter()
    due = purge(get_council().privacy.retention, apply=False, database_url=url)
    print(
        f"{label}: retention dry run took {time.perf_counter() - started:.2f} s ({due.total} due)"
    )
    target = Identifiers(
        phones=(_phone(1),), references=(TARGET_REFERENCE,), webchat_sessions=(TARGET_SESSION,)
    )
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        summary = export(target, Path(folder) / "sar.zip", actor="bench", database_url=url)
        took = time.perf_counter() - started
        size = (Path(folder) / "sar.zip").stat().st_size
    found = ", ".join(f"{k} {v}" for k, v in summary.counts.items() if v)
    print(f"{label}: export took {took:.2f} s (target under 60 s); {size:,} bytes; found {found}")
    started = time.perf_counter()
    report = erase_subject(target, actor="bench", database_url=url)
    print(f"{label}: erasure took {time.perf_counter() - started:.2f} s ({report.total} rows)")


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
