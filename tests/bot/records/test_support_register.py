"""The extra support register: found by keyed hash on any channel, audited, never stored in clear."""

from __future__ import annotations

from sqlalchemy import select

from bot.records.support_register import (
    SupportRegister,
    identities,
    normalise_uk_phone,
)
from bot.storage.engine import session_scope
from bot.storage.models import AuditEvent, SupportRegistration


def test_uk_phone_numbers_are_normalised_whatever_the_format():
    for written in ("07700 900123", "+44 7700 900123", "0044 7700-900-123", "447700900123"):
        assert normalise_uk_phone(written) == "+447700900123"
    assert normalise_uk_phone("12345") is None
    assert normalise_uk_phone("not a number") is None


def test_an_sms_sender_is_recognised_by_phone_number_as_well_as_by_channel():
    assert identities("twilio_sms", "+447700900123") == [
        "twilio_sms:+447700900123",
        "phone:+447700900123",
    ]
    assert identities("webchat", "abc") == ["webchat:abc"]


def test_a_registered_phone_number_is_found_and_nothing_identifying_is_stored(database_url):
    register = SupportRegister()
    register.register(
        identities("twilio_sms", "+447700900123"),
        label="Pat (…123)",
        reason="all three",
        added_by="sam",
    )
    assert register.is_registered("twilio_sms", "+447700900123")
    assert not register.is_registered("twilio_sms", "+447700900999")
    assert not register.is_registered("webchat", "+447700900123x")
    with session_scope() as session:
        keys = session.execute(select(SupportRegistration.identity_key)).scalars().all()
    assert keys and all("7700900123" not in key for key in keys)


def test_registering_twice_keeps_one_entry(database_url):
    register = SupportRegister()
    ids = identities("webchat", "session-1")
    assert register.register(ids, label="A", reason="r", added_by="resident") == 1
    assert register.register(ids, label="A", reason="r", added_by="resident") == 0


def test_every_view_add_and_removal_is_audit_logged(database_url):
    register = SupportRegister()
    register.register(identities("webchat", "s1"), label="Pat", reason="r", added_by="sam")
    [entry] = register.entries("alex")
    assert register.remove(entry.id, "alex")
    assert not register.remove(entry.id, "alex")
    assert not register.is_registered("webchat", "s1")
    with session_scope() as session:
        actions = [
            (e.actor, e.action)
            for e in session.execute(select(AuditEvent).order_by(AuditEvent.id)).scalars()
        ]
    assert actions == [
        ("sam", "register.add"),
        ("alex", "register.view"),
        ("alex", "register.remove"),
    ]


def test_a_telegram_chat_id_that_looks_like_a_phone_number_is_not_taken_for_one():
    from bot.records.support_register import identities

    assert identities("telegram", "447700900123") == ["telegram:447700900123"]
    assert identities("twilio_sms", "+447700900123") == [
        "twilio_sms:+447700900123",
        "phone:+447700900123",
    ]


def test_a_registered_residents_ticket_goes_above_all_but_urgent_ones():
    from bot.intents import Priority
    from bot.records.support_register import queue_priority

    for priority in (Priority.NORMAL, Priority.HIGH, Priority.EXTRA_SUPPORT):
        assert queue_priority(priority, is_registered=True) is Priority.EXTRA_SUPPORT
    assert queue_priority(Priority.URGENT, is_registered=True) is Priority.URGENT
    for priority in Priority:
        assert queue_priority(priority, is_registered=False) is priority


def test_the_one_register_test_answers_in_a_query_that_asks_more_at_once(database_url):
    from sqlalchemy import literal

    from bot.records.support_register import on_register

    SupportRegister().register(
        ["phone:+447700900123"], label="Mrs B", reason="no internet", added_by="advisor"
    )
    with session_scope() as session:
        found = session.execute(select(on_register("twilio_sms", "07700900123"), literal(1))).one()
        missing = session.execute(select(on_register("webchat", "07700900123"))).scalar()
    assert tuple(found) == (True, 1)
    assert not missing
    assert SupportRegister().is_registered("twilio_sms", "+447700900123")
    assert not SupportRegister().is_registered("telegram", "447700900123")


def test_an_entry_never_keeps_a_national_insurance_number_an_advisor_typed(database_url):
    register = SupportRegister()
    register.register(
        identities("webchat", "s2"),
        label="Pat AB123456C",
        reason="NI AB 12 34 56 C",
        added_by="sam",
    )
    [entry] = register.entries("sam")
    assert "123456" not in entry.label + entry.reason.replace(" ", "")
