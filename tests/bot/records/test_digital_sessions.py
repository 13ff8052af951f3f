"""Helper sessions are never overbooked, and a resubmitted confirmation books once."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import datetime

import pytest

from bot.records.capacity import NoPlaceLeft
from bot.records.digital_sessions import DigitalSessionStore
from bot.records.service_requests import ServiceRequestStore

BEGINS = datetime(2026, 11, 26, 14, 0)


def book(store: DigitalSessionStore, sender: str, capacity: int = 2, begins: datetime = BEGINS):  # type: ignore[no-untyped-def]
    return store.book(
        venue_id="central-library",
        begins=begins,
        capacity=capacity,
        reference_prefix="DS",
        channel="webchat",
        sender_id=sender,
        postcode="PL1 2JT",
        address="Central Library, Drake Circus, Plymouth, PL4 8AL",
        details={"minutes": 60, "remind_by_text_day_before": True},
    )


def book_or_none(store: DigitalSessionStore, sender: str, capacity: int):  # type: ignore[no-untyped-def]
    """The booking, or None when the session was full."""
    try:
        return book(store, sender, capacity=capacity)
    except NoPlaceLeft:
        return None


def test_a_booking_gets_a_reference_and_takes_a_place(database_url):
    store = DigitalSessionStore()
    booking = book(store, "resident-1")
    assert booking.reference.startswith("DS-")
    assert booking.created_now
    assert store.places_taken("central-library", [BEGINS]) == {BEGINS: 1}


def test_the_booking_can_be_found_by_a_status_check_with_its_postcode(database_url):
    booking = book(DigitalSessionStore(), "resident-1")
    found = ServiceRequestStore().find(booking.reference, "pl1 2jt")
    assert found is not None and found.service == "assisted_digital"
    assert found.details["starts_at"] == "2026-11-26T14:00"
    assert found.details["remind_by_text_day_before"] is True


def test_resubmitting_the_same_confirmation_does_not_book_twice(database_url):
    store = DigitalSessionStore()
    first = book(store, "resident-1")
    second = book(store, "resident-1")
    assert second.reference == first.reference and not second.created_now
    assert store.places_taken("central-library", [BEGINS]) == {BEGINS: 1}


def test_a_full_session_refuses_the_next_resident(database_url):
    store = DigitalSessionStore()
    assert book(store, "resident-1", capacity=2)
    assert book(store, "resident-2", capacity=2)
    with pytest.raises(NoPlaceLeft):
        book(store, "resident-3", capacity=2)
    assert store.places_taken("central-library", [BEGINS]) == {BEGINS: 2}


def test_other_sessions_are_counted_separately(database_url):
    store = DigitalSessionStore()
    later = datetime(2026, 11, 28, 10, 30)
    book(store, "resident-1", capacity=1)
    assert book(store, "resident-2", capacity=1, begins=later)
    assert store.places_taken("central-library", [BEGINS, later]) == {BEGINS: 1, later: 1}


def test_residents_booking_at_the_same_moment_never_overbook_a_session(database_url):
    store = DigitalSessionStore()
    with ThreadPoolExecutor(max_workers=8) as pool:
        outcomes = list(
            pool.map(lambda n: book_or_none(store, f"resident-{n}", capacity=3), range(12))
        )
    assert sum(1 for o in outcomes if o) == 3
    assert store.places_taken("central-library", [BEGINS]) == {BEGINS: 3}


def test_the_same_confirmation_sent_at_the_same_moment_books_once(database_url):
    store = DigitalSessionStore()
    with ThreadPoolExecutor(max_workers=6) as pool:
        outcomes = list(pool.map(lambda _: book(store, "resident-1", capacity=5), range(6)))
    assert len({o.reference for o in outcomes}) == 1
    assert store.places_taken("central-library", [BEGINS]) == {BEGINS: 1}
