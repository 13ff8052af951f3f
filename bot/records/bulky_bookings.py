"""Bulky waste bookings: places per collection day that cannot be oversold, and cancellation."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.records.capacity import CapacityLedger
from bot.records.council_systems import Cancellation, CouncilSystems, connect
from bot.records.service_requests import StoredRequest
from bot.storage.engine import session_scope
from bot.storage.models import BulkySlot

SERVICE = "bulky_waste"


class BulkyBookingStore:
    """Books a place on a collection day and stores the booking through the council's systems, in one transaction."""

    def __init__(
        self, database_url: str | None = None, systems: CouncilSystems | None = None
    ) -> None:
        self._url = database_url
        self._systems = systems or connect(database_url=database_url)
        self._places = CapacityLedger(BulkySlot, database_url)

    def available(self, days: Sequence[tuple[date, int]], limit: int) -> list[date]:
        """The first ``limit`` days (from ``(day, capacity)`` pairs) that still have a free place."""
        if not days:
            return []
        with session_scope(self._url) as session:
            rows = session.execute(
                select(BulkySlot.collection_date, BulkySlot.booked, BulkySlot.capacity).where(
                    BulkySlot.collection_date.in_([day for day, _ in days])
                )
            ).all()
        # A day's stored row is what bookings are checked against, so it decides here too.
        stored = {day: (booked, capacity) for day, booked, capacity in rows}
        free = []
        for day, capacity in days:
            booked, limit_for_day = stored.get(day, (0, capacity))
            if booked < limit_for_day:
                free.append(day)
        return free[:limit]

    def book(
        self,
        *,
        collection_date: date,
        capacity: int,
        reference_prefix: str,
        channel: str,
        sender_id: str,
        postcode: str,
        address: str,
        details: dict[str, Any],
        same_job: list[str],
    ) -> StoredRequest:
        """Take a place and store the booking; the same booking confirmed twice keeps one reference.

        Raises NoPlaceLeft if no place is left that day (see `CapacityLedger`).
        """
        day = {"collection_date": collection_date}
        self._places.ensure(day, capacity)
        return self._systems.create(
            service=SERVICE,
            reference_prefix=reference_prefix,
            channel=channel,
            sender_id=sender_id,
            postcode=postcode,
            address=address,
            due_by=collection_date,
            details={**details, "collection_date": collection_date.isoformat()},
            same_job=same_job,
            take_place=self._places.taker(day, capacity),
        )

    def cancel(
        self, reference: str, postcode: str, last_day_to_cancel: Callable[[date], date], today: date
    ) -> Cancellation:
        """Cancel a booking (reference and postcode must match) before its cut-off; frees the place.

        ``last_day_to_cancel`` maps the collection date to the last day a cancellation is accepted.
        """

        def free_the_day(session: Session, booking: StoredRequest) -> None:
            self._places.release(session, {"collection_date": booking.due_by})

        return self._systems.cancel(
            service=SERVICE,
            reference=reference,
            postcode=postcode,
            last_day_to_cancel=last_day_to_cancel,
            today=today,
            release_place=free_the_day,
        )
