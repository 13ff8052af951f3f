"""Subject access: one resident's webchat, texts and references exported and erased, and nothing of
the neighbour with the same postcode (SQLite and PostgreSQL)."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from sqlalchemy import func, select

from bot.records.sar import erase_subject, export
from bot.records.subject_access import Identifiers
from bot.storage.engine import get_engine
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
from tests.support.records_seed import Seeder

ALEX_PHONE = "+447700900123"
ALEX_SESSION = "sess-alex_1"  # "_" is a LIKE wildcard: it must not match the neighbour's session
BLAKE_PHONE = "+447700900456"
BLAKE_SESSION = "sess-alexX1"
ALEX_ALL = Identifiers(
    phones=("07700 900123",), references=("MB-000777",), webchat_sessions=(ALEX_SESSION,)
)
BLAKE_TRACES = [
    BLAKE_PHONE, "07700 900456", BLAKE_SESSION, "14 Tamar Road", "MB-000888", "HR-000999",
    "next door's music", "Blake", "sess-blake-2",
]  # fmt: skip


def _seed_neighbours() -> dict[str, str]:
    """Alex used webchat, texts and a reference; Blake lives next door (same postcode)."""
    seed = Seeder()
    # Alex on webchat: a missed bin.
    seed.webchat(ALEX_SESSION, ["my bin wasn't collected at 12 Tamar Road"], days_ago=2)
    seed.request(service="missed_bin", sender_id=ALEX_SESSION, days_ago=2, address="12 Tamar Road")
    seed.receipt("webchat", f"{ALEX_SESSION}:c1", days_ago=2)
    # Alex by text: a repair with a ticket, a text back, on the extra support register.
    seed.conversation(ALEX_PHONE, ["my boiler is broken", "12 Tamar Road"], days_ago=1)
    seed.request(
        service="housing_repair", sender_id=ALEX_PHONE, channel="twilio_sms", days_ago=1,
        address="12 Tamar Road", details={"phone": ALEX_PHONE, "room": "kitchen"},
    )  # fmt: skip
    ticket = seed.ticket(sender_id=ALEX_PHONE, days_ago=1, channel="twilio_sms", summary="Boiler")
    seed.outbound("twilio_sms", ALEX_PHONE, "An advisor will call you today.", 1, "SMalex1")
    seed.receipt("twilio_sms", "SMalex1", days_ago=1)
    seed.sms_contact(ALEX_PHONE, days_ago=1)
    register_id = seed.registration(f"phone:{ALEX_PHONE}", days_ago=1)
    seed.audit(1, subject=f"ticket:{ticket}")
    seed.audit(1, subject=f"register:{register_id}")
    # Alex again, from a library computer: the reference they were given.
    seed.webchat("sess-alex-2", ["I need a new recycling box"], days_ago=3)
    seed.request(
        service="request_bin", sender_id="sess-alex-2", days_ago=3, reference="MB-000777",
        address="12 Tamar Road",
    )  # fmt: skip

    # Blake, next door: same postcode, every channel, and Alex's number typed in a complaint.
    seed.webchat(BLAKE_SESSION, ["complaint about next door's music, they're on 07700 900123"], 2)
    seed.request(
        service="missed_bin", sender_id=BLAKE_SESSION, days_ago=2, address="14 Tamar Road",
        reference="MB-000888",
    )  # fmt: skip
    seed.receipt("webchat", f"{BLAKE_SESSION}:c1", days_ago=2)
    seed.conversation(BLAKE_PHONE, ["Blake here, my roof leaks"], days_ago=1)
    seed.request(
        service="housing_repair", sender_id=BLAKE_PHONE, channel="twilio_sms", days_ago=1,
        address="14 Tamar Road", details={"phone": BLAKE_PHONE}, reference="HR-000999",
    )  # fmt: skip
    blake_ticket = seed.ticket(sender_id=BLAKE_PHONE, days_ago=1, channel="twilio_sms")
    seed.outbound("twilio_sms", BLAKE_PHONE, "Blake, we'll fix it.", 1, "SMblake1")
    seed.receipt("twilio_sms", "SMblake1", days_ago=1)
    seed.sms_contact(BLAKE_PHONE, days_ago=1, opted_out=True)
    seed.registration(f"phone:{BLAKE_PHONE}", days_ago=1)
    seed.audit(1, subject=f"ticket:{blake_ticket}")
    seed.webchat("sess-blake-2", ["hello"], days_ago=3)
    # Insight notes: keyed hashes of the conversations, no words.
    _insight_note(ALEX_SESSION, "webchat")
    _insight_note(ALEX_PHONE, "twilio_sms")
    _insight_note(BLAKE_PHONE, "twilio_sms")
    return {"ticket": ticket}


def _insight_note(sender_id: str, channel: str) -> None:
    from bot.privacy import sender_key
    from bot.storage.engine import session_scope
    from bot.storage.models import AnalyticsEvent

    with session_scope() as session:
        session.add(
            AnalyticsEvent(
                kind="conversation_started", conversation_key=sender_key(sender_id), channel=channel
            )
        )


def _insight_notes() -> int:
    from bot.storage.models import AnalyticsEvent

    with get_engine().connect() as connection:
        return int(connection.execute(select(func.count()).select_from(AnalyticsEvent)).scalar())


def _unzip(path: Path) -> tuple[dict, str]:
    with zipfile.ZipFile(path) as archive:
        return json.loads(archive.read("records.json")), archive.read("report.html").decode()


def _table_counts() -> dict[str, int]:
    tables = [ServiceRequest, HandoffTicket, WebchatSession, WebchatMessage, OutboundMessage,
              MessageReceipt, SmsContact, SupportRegistration]  # fmt: skip
    events = Seeder().events
    with get_engine().connect() as connection:
        counts = {
            model.__tablename__: int(
                connection.execute(select(func.count()).select_from(model)).scalar()
            )
            for model in tables
        }
        counts["events"] = int(
            connection.execute(select(func.count()).select_from(events)).scalar()
        )
    return counts


def test_the_export_finds_everything_about_alex_and_nothing_about_the_neighbour(
    database_url, tmp_path
):
    _seed_neighbours()

    summary = export(ALEX_ALL, tmp_path / "alex.zip", actor="ig-officer")

    document, html = _unzip(tmp_path / "alex.zip")
    records = document["records"]
    assert sorted(c["conversation_id"] for c in records["conversations"]) == sorted(
        [ALEX_PHONE, ALEX_SESSION, "sess-alex-2"]
    )
    assert {r["service"] for r in records["service_requests"]} == {
        "missed_bin", "housing_repair", "request_bin",
    }  # fmt: skip
    assert summary.counts == {
        "conversations": 3, "service_requests": 3, "handoff_tickets": 1, "webchat_sessions": 2,
        "webchat_messages": 2, "outbound_messages": 1, "message_receipts": 2, "sms_contacts": 1,
        "support_register": 1, "audit_events": 2, "analytics_events": 2,
    }  # fmt: skip
    everything = json.dumps(document) + html
    for trace in BLAKE_TRACES:
        assert trace not in everything, trace
    assert "my boiler is broken" in html and "I need a new recycling box" in html
    assert "2 short notes of what happened in your conversations" in html
    assert "Report a missed bin collection" in html and "12 Tamar Road, PL1 1AA" in html
    assert '<html lang="en-GB">' in html and "ico.org.uk" in html
    with get_engine().connect() as connection:
        audited = connection.execute(
            select(AuditEvent.actor).where(AuditEvent.action == "sar.export")
        ).all()
    assert audited == [("ig-officer",)]


def test_each_identifier_alone_finds_what_it_links_to(database_url, tmp_path):
    _seed_neighbours()

    by_phone = export(Identifiers(phones=(ALEX_PHONE,)), tmp_path / "p.zip", actor="ig")
    by_reference = export(Identifiers(references=("mb-000777",)), tmp_path / "r.zip", actor="ig")

    phone_records = _unzip(tmp_path / "p.zip")[0]["records"]
    assert [c["conversation_id"] for c in phone_records["conversations"]] == [ALEX_PHONE]
    assert by_phone.counts["outbound_messages"] == 1 and by_phone.counts["webchat_sessions"] == 0
    reference_records = _unzip(tmp_path / "r.zip")[0]["records"]
    assert [c["conversation_id"] for c in reference_records["conversations"]] == ["sess-alex-2"]
    assert by_reference.counts["service_requests"] == 1


def test_a_reference_nobody_holds_gives_an_empty_export_that_says_so(database_url, tmp_path):
    _seed_neighbours()

    summary = export(Identifiers(references=("ZZ-000000",)), tmp_path / "none.zip", actor="ig")

    assert summary.total == 0
    assert "We hold no requests from you." in _unzip(tmp_path / "none.zip")[1]


def test_erasure_removes_alex_and_leaves_the_neighbour(database_url, tmp_path):
    _seed_neighbours()
    export(Identifiers(phones=(BLAKE_PHONE,), webchat_sessions=(BLAKE_SESSION, "sess-blake-2")),
           tmp_path / "before.zip", actor="ig")  # fmt: skip
    before = _unzip(tmp_path / "before.zip")[0]["records"]
    totals_before = _table_counts()

    report = erase_subject(ALEX_ALL, actor="ig-officer")

    assert not report.refused
    assert report.counts["conversations (tracker events)"] == 8
    assert report.counts["service requests"] == 3
    assert report.counts["analytics events"] == 2
    assert _insight_notes() == 1  # the neighbour's stays
    assert export(ALEX_ALL, tmp_path / "after.zip", actor="ig").counts["conversations"] == 0
    export(Identifiers(phones=(BLAKE_PHONE,), webchat_sessions=(BLAKE_SESSION, "sess-blake-2")),
           tmp_path / "blake.zip", actor="ig")  # fmt: skip
    after = _unzip(tmp_path / "blake.zip")[0]["records"]
    assert after["conversations"] == before["conversations"]
    assert after["service_requests"] == before["service_requests"]
    assert after["sms_contacts"] == before["sms_contacts"]
    totals_after = _table_counts()
    assert totals_after["sms_contacts"] == totals_before["sms_contacts"] - 1
    assert totals_after["events"] == totals_before["events"] - 8
    with get_engine().connect() as connection:
        audited = connection.execute(
            select(AuditEvent.subject).where(AuditEvent.action == "sar.erase")
        ).scalar_one()
    assert audited == f"records:{report.total}"


def test_erasure_is_refused_while_a_ticket_is_open_and_nothing_is_deleted(database_url):
    _seed_neighbours()
    Seeder().ticket(sender_id=ALEX_SESSION, days_ago=0, status="open")
    before = _table_counts()

    report = erase_subject(ALEX_ALL, actor="ig-officer")

    assert report.refused and "still with an advisor" in report.refused[0]
    assert "Nothing was deleted" in report.lines()[0]
    assert _table_counts() == before


def test_erasure_is_refused_for_a_safeguarding_case(database_url):
    _seed_neighbours()
    Seeder().ticket(sender_id=ALEX_PHONE, days_ago=30, priority="urgent", channel="twilio_sms")

    report = erase_subject(Identifiers(phones=(ALEX_PHONE,)), actor="ig-officer")

    assert report.refused and "safeguarding" in report.refused[0]
