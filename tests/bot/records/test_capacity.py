"""The one capacity mechanism: a slot is never oversold, and the last place goes to one booking."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from sqlalchemy import select

from bot.records.capacity import CapacityLedger, NoPlaceLeft
from bot.records.service_requests import ServiceRequestStore, StoredRequest
from bot.storage.engine import session_scope
from bot.storage.models import BulkySlot, DigitalSessionSlot

DAY = {"collection_date": date(2026, 12, 1)}
SESSION = {"venue_id": "central-library", "starts_at": "2026-11-26T14:00"}


def _booked(model, slot) -> int:  # type: ignore[no-untyped-def]
    with session_scope() as session:
        return session.execute(
            select(model.booked).where(*[getattr(model, c) == v for c, v in slot.items()])
        ).scalar_one()


def _take(ledger: CapacityLedger, slot, capacity: int) -> None:  # type: ignore[no-untyped-def]
    with session_scope() as session:
        ledger.take(session, slot, capacity)


@pytest.mark.parametrize(("model", "slot"), [(BulkySlot, DAY), (DigitalSessionSlot, SESSION)])
def test_places_are_taken_until_the_slot_is_full_then_no_place_is_left(database_url, model, slot):
    ledger = CapacityLedger(model)
    ledger.ensure(slot, 2)
    ledger.ensure(slot, 2)  # a second booking finds the row already there
    _take(ledger, slot, 2)
    _take(ledger, slot, 2)
    with pytest.raises(NoPlaceLeft):
        _take(ledger, slot, 2)
    assert _booked(model, slot) == 2


@pytest.mark.parametrize(("model", "slot"), [(BulkySlot, DAY), (DigitalSessionSlot, SESSION)])
def test_a_released_place_can_be_taken_again(database_url, model, slot):
    ledger = CapacityLedger(model)
    ledger.ensure(slot, 1)
    _take(ledger, slot, 1)
    with session_scope() as session:
        ledger.release(session, slot)
    _take(ledger, slot, 1)
    assert _booked(model, slot) == 1


def test_a_slot_that_stores_its_capacity_keeps_the_one_it_was_created_with(database_url):
    ledger = CapacityLedger(BulkySlot)
    ledger.ensure(DAY, 1)
    _take(ledger, DAY, 1)
    with pytest.raises(NoPlaceLeft):
        _take(ledger, DAY, 5)  # the council raised it since; the day's row still says 1


def test_a_place_taken_in_a_transaction_that_fails_is_given_back(database_url):
    ledger = CapacityLedger(DigitalSessionSlot)
    ledger.ensure(SESSION, 1)
    with pytest.raises(RuntimeError), session_scope() as session:
        ledger.take(session, SESSION, 1)
        raise RuntimeError("the booking could not be stored")
    assert _booked(DigitalSessionSlot, SESSION) == 0


def _request(store: ServiceRequestStore, ledger: CapacityLedger, house: str) -> StoredRequest:
    return store.create(
        service="bulky_waste",
        reference_prefix="BW",
        channel="webchat",
        sender_id=f"sender-{house}",
        postcode="PL1 2JT",
        address=f"{house}, Citadel Mews, PL1 2JT",
        due_by=DAY["collection_date"],
        details={},
        same_job=[house],
        take_place=ledger.taker(DAY, 2),
    )


def test_two_bookings_racing_for_the_last_place_one_wins_and_one_is_told_it_is_full(database_url):
    ledger = CapacityLedger(BulkySlot)
    store = ServiceRequestStore()
    ledger.ensure(DAY, 2)
    _request(store, ledger, "1")  # one place left
    start = threading.Barrier(2)
    outcomes: list[str] = []
    lock = threading.Lock()

    def resident(house: str) -> None:
        start.wait()
        try:
            _request(store, ledger, house)
            outcome = "booked"
        except NoPlaceLeft:
            outcome = "full"
        with lock:
            outcomes.append(outcome)

    threads = [threading.Thread(target=resident, args=(house,)) for house in ("2", "3")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(outcomes) == ["booked", "full"]
    assert _booked(BulkySlot, DAY) == 2
    # The one told it was full stored nothing.
    found = [store.find_duplicate("bulky_waste", key) for key in _dedupe_keys("2", "3")]
    assert sum(1 for request in found if request is not None) == 1


def _dedupe_keys(*houses: str) -> list[str]:
    from bot.records.service_requests import make_dedupe_key

    return [make_dedupe_key(["bulky_waste", house]) for house in houses]
