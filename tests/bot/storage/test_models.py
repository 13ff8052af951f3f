"""The database tables keep one row per job or message, and never a resident's number in the clear (bot/storage/models.py)."""

from __future__ import annotations

from datetime import date, timezone

import pytest
from sqlalchemy.exc import IntegrityError

from bot.storage.engine import session_scope
from bot.storage.models import MessageReceipt, ServiceRequest, utcnow


def _request(reference: str, dedupe_key: str) -> ServiceRequest:
    return ServiceRequest(
        reference=reference,
        service="missed_bin",
        channel="webchat",
        sender_key="k" * 64,
        postcode="PL1 2JT",
        address="12, Example Street, PL1 2JT",
        dedupe_key=dedupe_key,
        due_by=date(2026, 12, 4),
    )


def test_the_clock_for_stored_times_is_utc():
    assert utcnow().tzinfo is timezone.utc


def test_a_new_request_starts_as_received_with_no_details(database_url):
    with session_scope() as session:
        session.add(_request("MB-AAAAAA", "job-1"))
    with session_scope() as session:
        row = session.query(ServiceRequest).one()
        assert (row.status, row.details) == ("received", {})
        assert row.created_at is not None


def test_the_same_job_cannot_be_stored_twice_for_one_service(database_url):
    with session_scope() as session:
        session.add(_request("MB-AAAAAA", "job-1"))
    with pytest.raises(IntegrityError), session_scope() as session:
        session.add(_request("MB-BBBBBB", "job-1"))


def test_a_reference_is_never_given_to_two_requests(database_url):
    with session_scope() as session:
        session.add(_request("MB-AAAAAA", "job-1"))
    with pytest.raises(IntegrityError), session_scope() as session:
        session.add(_request("MB-AAAAAA", "job-2"))


def test_a_message_id_is_received_once_per_channel(database_url):
    with session_scope() as session:
        session.add(MessageReceipt(channel="twilio_sms", external_id="SM1"))
        session.add(MessageReceipt(channel="telegram", external_id="SM1"))
    with pytest.raises(IntegrityError), session_scope() as session:
        session.add(MessageReceipt(channel="twilio_sms", external_id="SM1"))
