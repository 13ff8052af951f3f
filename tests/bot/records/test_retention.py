"""The retention purge removes exactly what the council's schedule says is due, on SQLite and PostgreSQL."""

from __future__ import annotations

from sqlalchemy import func, select

from bot.council import get_council
from bot.records.retention import purge
from bot.storage.engine import get_engine, session_scope
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
)
from tests.support.records_seed import NOW, Seeder, ago

SCHEDULE = get_council().privacy.retention  # the demo council's privacy.yml
HELD_NUMBER = "+447700900111"


def _seed() -> dict[str, list]:
    """Every table, some rows due (past their period), some not, some due but on hold."""
    seed = Seeder()
    # Conversations: 90 days after the last message.
    seed.conversation("old-chat", ["my bin was missed"], days_ago=100)
    seed.conversation("recent-chat", ["my bin was missed"], days_ago=10)
    seed.conversation("open-ticket-chat", ["I need a person"], days_ago=100)
    seed.ticket(sender_id="open-ticket-chat", days_ago=100, status="open")
    seed.conversation("crisis-chat", ["I want to end it all"], days_ago=200)
    seed.ticket(sender_id="crisis-chat", days_ago=200, priority="urgent")
    seed.conversation(HELD_NUMBER, ["hello"], days_ago=100)
    seed.ticket(sender_id=HELD_NUMBER, days_ago=100, status="claimed", channel="twilio_sms")
    seed.webchat("old-session", ["hello", "bins"], days_ago=100)
    seed.webchat("new-session", ["hello"], days_ago=1)
    # Service requests: 2 years, housing repairs 6 years.
    old_bin = seed.request(service="missed_bin", sender_id="old-chat", days_ago=800)
    seed.request(service="missed_bin", sender_id="recent-chat", days_ago=300)
    seed.request(service="housing_repair", sender_id="old-chat", days_ago=800)
    old_repair = seed.request(service="housing_repair", sender_id="old-chat", days_ago=2300)
    seed.request(service="missed_bin", sender_id="open-ticket-chat", days_ago=800)
    # Tickets: 2 years after closing; safeguarding cases 6 years after raising.
    seed.ticket(sender_id="t1", days_ago=800)
    seed.ticket(sender_id="t2", days_ago=300)
    seed.ticket(sender_id="t3", days_ago=800, status="open")
    seed.ticket(sender_id="t4", days_ago=800, priority="urgent")
    seed.ticket(sender_id="t5", days_ago=2300, priority="urgent")
    seed.ticket(sender_id="t6", days_ago=800, priority="urgent", status="withdrawn")
    # The register (2 years), audit (6 years), texts and receipts (30 days), SMS contacts (2 years).
    seed.registration("phone:+447700900001", days_ago=800)
    seed.registration("phone:+447700900002", days_ago=300)
    seed.audit(days_ago=2300)
    seed.audit(days_ago=300)
    seed.outbound("twilio_sms", "+447700900003", "Your reference is MB-1", 40, "SM1")
    seed.outbound("twilio_sms", "+447700900003", "Thanks", 5, "SM2")
    seed.outbound("twilio_sms", HELD_NUMBER, "An advisor will reply", 40, "SM3")
    seed.receipt("twilio_sms", "SM1", days_ago=40)
    seed.receipt("twilio_sms", "SM2", days_ago=5)
    seed.sms_contact("+447700900004", days_ago=800)
    seed.sms_contact("+447700900005", days_ago=800, opted_out=True)
    seed.sms_contact("+447700900006", days_ago=10)
    return {"requests_due": [old_bin, old_repair]}


EXPECTED = {
    "conversations (tracker events)": 6,  # old-chat (a message, a reply), old-session (two of each)
    "conversations (webchat transcripts)": 2,
    "conversations (webchat sessions)": 1,
    "service requests (housing_repair)": 1,
    "service requests (council_tax_move)": 0,
    "service requests (council_tax_discount)": 0,
    "service requests (benefits_change)": 0,
    "service requests (parking_permit)": 0,
    "service requests (other services)": 1,
    "tickets": 3,  # closed 800 days ago, the 2300-day-old crisis, the withdrawn false alarm
    "support register": 1,
    "audit events": 1,
    "outbound messages": 1,
    "message receipts": 1,
    "sms contacts": 1,
    "analytics events": 0,  # seeded by its own test below
}


def _count(table) -> int:
    with get_engine().connect() as connection:
        return int(connection.execute(select(func.count()).select_from(table)).scalar())


def _senders() -> set[str]:
    events = Seeder().events
    with get_engine().connect() as connection:
        return set(connection.execute(select(events.c.sender_id).distinct()).scalars())


def test_a_dry_run_counts_what_is_due_and_changes_nothing(database_url):
    _seed()
    before = _count(HandoffTicket.__table__)

    report = purge(SCHEDULE, apply=False, now=NOW)

    assert report.counts == EXPECTED
    assert report.held_conversations == 3
    assert _count(HandoffTicket.__table__) == before
    assert "old-chat" in _senders()


def test_applying_removes_exactly_what_is_due_and_keeps_what_is_on_hold(database_url):
    due = _seed()

    report = purge(SCHEDULE, apply=True, now=NOW)

    assert report.counts == EXPECTED
    assert _senders() == {
        "recent-chat",
        "open-ticket-chat",
        "crisis-chat",
        HELD_NUMBER,
        "new-session",
    }
    with get_engine().connect() as connection:
        references = set(connection.execute(select(ServiceRequest.reference)).scalars())
        tickets = set(connection.execute(select(HandoffTicket.sender_id)).scalars())
        sessions = set(connection.execute(select(WebchatSession.id)).scalars())
        bodies = set(connection.execute(select(OutboundMessage.body)).scalars())
        receipts = set(connection.execute(select(MessageReceipt.external_id)).scalars())
        stopped = set(connection.execute(select(SmsContact.opted_out)).scalars())
        purge_audit = connection.execute(
            select(AuditEvent.actor, AuditEvent.subject).where(
                AuditEvent.action == "retention.purge"
            )
        ).one()
    assert references.isdisjoint(due["requests_due"]) and len(references) == 3
    assert tickets == {"open-ticket-chat", "crisis-chat", HELD_NUMBER, "t2", "t3", "t4"}
    assert sessions == {"new-session"}
    assert _count(WebchatMessage.__table__) == 1
    assert bodies == {"Thanks", "An advisor will reply"}
    assert receipts == {"SM2"}
    assert stopped == {True, False}  # the standing STOP and the recent contact
    assert _count(SupportRegistration.__table__) == 1
    assert _count(AuditEvent.__table__) == 2  # last year's, and the purge itself
    assert purge_audit == ("assistant", f"records:{sum(EXPECTED.values())}")
    # Nothing more is due on a second run.
    assert purge(SCHEDULE, apply=True, now=NOW).total == 0


def test_analytics_events_older_than_thirteen_months_are_purged_and_recent_ones_kept(database_url):
    from bot.records.insight_events import HANDOFF, build
    from bot.storage.models import AnalyticsEvent

    with session_scope() as session:
        for days, service in ((400, "old"), (30, "new")):
            row = build(
                HANDOFF,
                "+447700900001",
                channel="twilio_sms",
                occurred_at=ago(days),
                service=service,
            )
            session.add(AnalyticsEvent(**row, extra_support=False))
    assert purge(SCHEDULE, apply=True, now=NOW).counts["analytics events"] == 1
    with session_scope() as session:
        assert list(session.execute(select(AnalyticsEvent.service)).scalars()) == ["new"]
