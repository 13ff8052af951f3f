"""Service requests are stored once per job, with references residents can read out."""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from datetime import date

from bot.records.service_requests import ServiceRequestStore
from bot.storage.references import ALPHABET


def _create(store: ServiceRequestStore, address: str = "12, Tamar Close, PL1 2AA", **overrides):
    values = dict(
        service="missed_bin",
        reference_prefix="MB",
        channel="webchat",
        sender_id="session-abc",
        postcode="PL1 2AA",
        address=address,
        due_by=date(2026, 11, 25),
        details={"bin_type": "general"},
        same_job=[address, "general", "2026-11-20"],
    )
    values.update(overrides)
    return store.create(**values)


def test_a_new_request_gets_a_readable_reference_and_can_be_found_by_reference_and_postcode(
    database_url,
):
    store = ServiceRequestStore()
    stored = _create(store)
    assert stored.created_now
    assert re.fullmatch(rf"MB-[{ALPHABET}]{{6}}", stored.reference)
    found = store.find(stored.reference.lower(), "pl12aa")
    assert found is not None and found.address == "12, Tamar Close, PL1 2AA"
    assert found.due_by == date(2026, 11, 25)


def test_a_status_check_with_the_wrong_postcode_finds_nothing(database_url):
    store = ServiceRequestStore()
    stored = _create(store)
    assert store.find(stored.reference, "PL4 8AA") is None
    assert store.find("MB-XXXXXX", "PL1 2AA") is None


def test_reporting_the_same_missed_bin_twice_keeps_one_request_and_one_reference(database_url):
    store = ServiceRequestStore()
    first = _create(store, sender_id="resident-one")
    second = _create(store, sender_id="resident-two")
    assert second.reference == first.reference
    assert not second.created_now


def test_a_different_bin_at_the_same_address_is_a_separate_request(database_url):
    store = ServiceRequestStore()
    first = _create(store)
    second = _create(store, same_job=["12, Tamar Close, PL1 2AA", "recycling", "2026-11-20"])
    assert second.created_now and second.reference != first.reference


def test_simultaneous_identical_reports_never_create_a_duplicate(database_url):
    store = ServiceRequestStore()
    with ThreadPoolExecutor(max_workers=6) as pool:
        results = list(pool.map(lambda i: _create(store, sender_id=f"s{i}"), range(6)))
    assert len({r.reference for r in results}) == 1
    assert sum(r.created_now for r in results) == 1


def test_the_sender_is_stored_only_as_a_keyed_hash(database_url):
    from sqlalchemy import select

    from bot.storage.engine import session_scope
    from bot.storage.models import ServiceRequest

    _create(ServiceRequestStore(), sender_id="07700900123")
    with session_scope() as session:
        row = session.execute(select(ServiceRequest)).scalar_one()
    assert "07700900123" not in row.sender_key
    assert len(row.sender_key) == 64


def test_free_text_in_a_request_never_keeps_a_card_number(database_url):
    stored = _create(
        ServiceRequestStore(),
        details={"bin_type": "general", "description": "left by 4111-1111-1111-1111"},
    )
    found = ServiceRequestStore().find(stored.reference, "PL1 2AA")
    assert found is not None and found.details["description"] == "left by [card number removed]"
