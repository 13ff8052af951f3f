"""Bulky waste bookings: places per day that cannot be oversold, one booking per confirmation, cancellation."""

from __future__ import annotations

import threading
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from bot.records.bulky_bookings import BulkyBookingStore
from bot.records.capacity import NoPlaceLeft
from bot.records.service_requests import ServiceRequestStore
from bot.storage.engine import session_scope
from bot.storage.models import BulkySlot

DAY = date(2026, 12, 1)


def _book(
    store: BulkyBookingStore, house: str, day: date = DAY, capacity: int = 2, items: str = "sofa"
):
    return store.book(
        collection_date=day,
        capacity=capacity,
        reference_prefix="BW",
        channel="webchat",
        sender_id=f"sender-{house}",
        postcode="PL1 2JT",
        address=f"{house}, Citadel Mews, PL1 2JT",
        details={"items": [{"key": items, "name": items, "quantity": 1}], "total": "25.00"},
        same_job=[f"{house}, Citadel Mews, PL1 2JT", day.isoformat(), items],
    )


def _booked(url: str, day: date = DAY) -> int:
    with session_scope(url) as session:
        return session.execute(
            select(BulkySlot.booked).where(BulkySlot.collection_date == day)
        ).scalar_one()


def _until(day: date) -> date:
    return day - timedelta(days=1)


def test_a_booking_gets_a_bw_reference_and_is_due_on_the_collection_day(database_url):
    booking = _book(BulkyBookingStore(), "12")
    assert booking.reference.startswith("BW-")
    assert booking.due_by == DAY
    assert booking.details["collection_date"] == "2026-12-01"
    assert ServiceRequestStore().find(booking.reference, "pl12jt").service == "bulky_waste"


def test_confirming_the_same_booking_twice_stores_it_once_and_takes_one_place(database_url):
    first = _book(BulkyBookingStore(), "12")
    second = _book(BulkyBookingStore(), "12")
    assert first.created_now and not second.created_now
    assert second.reference == first.reference
    assert _booked(database_url) == 1


def test_a_full_day_refuses_more_bookings_and_drops_out_of_the_available_dates(database_url):
    store = BulkyBookingStore()
    _book(store, "1")
    _book(store, "2")
    with pytest.raises(NoPlaceLeft):
        _book(store, "3")
    later = DAY + timedelta(days=2)
    assert store.available([(DAY, 2), (later, 2)], limit=4) == [later]
    assert _booked(database_url) == 2


def test_two_residents_racing_for_the_last_place_get_one_booking_and_one_full_day(database_url):
    store = BulkyBookingStore()
    _book(store, "1", capacity=3)
    _book(store, "2", capacity=3)  # one place left
    start = threading.Barrier(6)
    outcomes: list[str] = []
    lock = threading.Lock()

    def resident(house: str) -> None:
        start.wait()
        try:
            _book(store, house, capacity=3)
            outcome = "booked"
        except NoPlaceLeft:
            outcome = "full"
        with lock:
            outcomes.append(outcome)

    threads = [threading.Thread(target=resident, args=(f"{10 + n}",)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(outcomes) == ["booked"] + ["full"] * 5
    assert _booked(database_url) == 3
    assert store.available([(DAY, 3), (DAY + timedelta(days=2), 3)], limit=1) == [
        DAY + timedelta(days=2)
    ]


def test_cancelling_before_the_cut_off_frees_the_place(database_url):
    store = BulkyBookingStore()
    booking = _book(store, "12")
    result = store.cancel(booking.reference, "pl1 2jt", _until, today=DAY - timedelta(days=3))
    assert result.outcome == "cancelled"
    assert _booked(database_url) == 0
    assert ServiceRequestStore().find(booking.reference, "PL1 2JT").status == "cancelled"
    again = store.cancel(booking.reference, "PL1 2JT", _until, today=DAY - timedelta(days=3))
    assert again.outcome == "already_cancelled"
    assert _booked(database_url) == 0


def test_cancelling_after_the_cut_off_is_refused_and_keeps_the_booking(database_url):
    store = BulkyBookingStore()
    booking = _book(store, "12")
    assert store.cancel(booking.reference, "PL1 2JT", _until, today=DAY).outcome == "too_late"
    assert _booked(database_url) == 1


def test_cancelling_needs_the_matching_postcode(database_url):
    store = BulkyBookingStore()
    booking = _book(store, "12")
    assert (
        store.cancel(booking.reference, "PL4 0AA", _until, today=DAY - timedelta(days=5)).outcome
        == "not_found"
    )
    assert (
        store.cancel("BW-AAAAAA", "PL1 2JT", _until, today=DAY - timedelta(days=5)).outcome
        == "not_found"
    )
    assert _booked(database_url) == 1


def test_a_day_is_offered_only_while_its_stored_capacity_has_room(database_url):
    store = BulkyBookingStore()
    _book(store, "1", capacity=1)
    # The council has since raised the day's capacity, but the day's row still says 1.
    assert store.available([(DAY, 6)], limit=4) == []
