"""SQL-backed bulky waste bookings: places per collection day that cannot be oversold, and cancellation."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from bot.privacy import sender_key
from bot.records.service_requests import StoredRequest, make_dedupe_key, stored_request
from bot.storage.engine import session_scope
from bot.storage.models import BulkySlot, ServiceRequest
from bot.storage.references import new_reference

SERVICE = "bulky_waste"
_MAX_REFERENCE_ATTEMPTS = 8


class DateFull(Exception):
    """Every place on that collection day has been taken (perhaps a moment ago)."""


@dataclass(frozen=True)
class Cancellation:
    """What happened when a resident asked to cancel: cancelled, already_cancelled, too_late or not_found."""

    outcome: str
    booking: StoredRequest | None = None


class BulkyBookingStore:
    """Books a place on a collection day and stores the booking as a service request, in one transaction."""

    def __init__(self, database_url: str | None = None) -> None:
        self._url = database_url

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

    def _ensure_slot(self, day: date, capacity: int) -> None:
        with session_scope(self._url) as session:
            if session.get(BulkySlot, day) is not None:
                return
        try:
            with session_scope(self._url) as session:
                session.add(BulkySlot(collection_date=day, capacity=capacity, booked=0))
        except IntegrityError:
            pass  # another booking created the row a moment ago

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

        Raises DateFull if no place is left that day. The place is taken by an UPDATE that only
        succeeds while booked < capacity, in the same transaction as the booking row, so two
        residents racing for the last place get one booking and one DateFull.
        """
        dedupe_key = make_dedupe_key([SERVICE, *same_job])
        existing = self._duplicate(dedupe_key)
        if existing:
            return existing
        self._ensure_slot(collection_date, capacity)
        for _ in range(_MAX_REFERENCE_ATTEMPTS):
            row = ServiceRequest(
                reference=new_reference(reference_prefix),
                service=SERVICE,
                status="received",
                channel=channel,
                sender_key=sender_key(sender_id),
                postcode=postcode,
                address=address,
                details={**details, "collection_date": collection_date.isoformat()},
                dedupe_key=dedupe_key,
                due_by=collection_date,
            )
            try:
                with session_scope(self._url) as session:
                    taken = session.execute(
                        update(BulkySlot)
                        .where(
                            BulkySlot.collection_date == collection_date,
                            BulkySlot.booked < BulkySlot.capacity,
                        )
                        .values(booked=BulkySlot.booked + 1)
                        .execution_options(synchronize_session=False)
                    )
                    if taken.rowcount != 1:
                        raise DateFull(collection_date.isoformat())
                    session.add(row)
                return stored_request(row, created_now=True)
            except IntegrityError:
                # The transaction (and the place it took) was rolled back. Either the same booking
                # was stored a moment ago (return it) or the random reference collided (try again).
                existing = self._duplicate(dedupe_key)
                if existing:
                    return existing
        raise RuntimeError("could not allocate a unique reference")

    def _duplicate(self, dedupe_key: str) -> StoredRequest | None:
        with session_scope(self._url) as session:
            row = session.execute(
                select(ServiceRequest).where(
                    ServiceRequest.service == SERVICE, ServiceRequest.dedupe_key == dedupe_key
                )
            ).scalar_one_or_none()
            return stored_request(row, created_now=False) if row else None

    def cancel(
        self, reference: str, postcode: str, last_day_to_cancel: Any, today: date
    ) -> Cancellation:
        """Cancel a booking (reference and postcode must match) before its cut-off; frees the place.

        ``last_day_to_cancel`` maps the collection date to the last day a cancellation is accepted.
        """
        with session_scope(self._url) as session:
            row = session.execute(
                select(ServiceRequest).where(
                    ServiceRequest.reference == reference.upper(), ServiceRequest.service == SERVICE
                )
            ).scalar_one_or_none()
            if row is None or row.postcode.replace(" ", "") != postcode.replace(" ", "").upper():
                return Cancellation("not_found")
            if row.status == "cancelled":
                return Cancellation("already_cancelled", stored_request(row, created_now=False))
            if today > last_day_to_cancel(row.due_by):
                return Cancellation("too_late", stored_request(row, created_now=False))
            changed = session.execute(
                update(ServiceRequest)
                .where(ServiceRequest.id == row.id, ServiceRequest.status == "received")
                .values(status="cancelled")
                .execution_options(synchronize_session=False)
            )
            if changed.rowcount != 1:
                return Cancellation("already_cancelled", stored_request(row, created_now=False))
            session.execute(
                update(BulkySlot)
                .where(BulkySlot.collection_date == row.due_by, BulkySlot.booked > 0)
                .values(booked=BulkySlot.booked - 1)
                .execution_options(synchronize_session=False)
            )
            stored = stored_request(row, created_now=False)
        return Cancellation(
            "cancelled", StoredRequest(**{**stored.__dict__, "status": "cancelled"})
        )
