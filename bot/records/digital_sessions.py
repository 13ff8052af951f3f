"""Books places in assisted digital sessions: never more than a session's capacity, never twice."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.exc import IntegrityError

from bot.privacy import sender_key
from bot.records.service_requests import StoredRequest, make_dedupe_key, stored_request
from bot.storage.engine import session_scope
from bot.storage.models import DigitalSessionSlot, ServiceRequest
from bot.storage.references import new_reference

SERVICE = "assisted_digital"
_MAX_REFERENCE_ATTEMPTS = 8


def slot_key(begins: datetime) -> str:
    """How a session's start is stored: local time to the minute, "2026-11-24T10:00"."""
    return begins.strftime("%Y-%m-%dT%H:%M")


@dataclass(frozen=True)
class BookingOutcome:
    """The booking (new or the one already made), or None when the session was full."""

    booking: StoredRequest | None

    @property
    def full(self) -> bool:
        return self.booking is None


class DigitalSessionStore:
    """Places taken per session, and the bookings themselves (as service requests, so status checks work)."""

    def __init__(self, database_url: str | None = None) -> None:
        self._url = database_url

    def places_taken(self, venue_id: str, starts: Iterable[datetime]) -> dict[datetime, int]:
        """How many places are booked in each of these sessions at a venue."""
        starts = list(starts)
        keys = {slot_key(begins): begins for begins in starts}
        with session_scope(self._url) as session:
            rows = session.execute(
                select(DigitalSessionSlot.starts_at, DigitalSessionSlot.booked).where(
                    DigitalSessionSlot.venue_id == venue_id,
                    DigitalSessionSlot.starts_at.in_(list(keys)),
                )
            ).all()
        taken = {begins: 0 for begins in starts}
        for key, booked in rows:
            taken[keys[key]] = booked
        return taken

    def book(
        self,
        *,
        venue_id: str,
        begins: datetime,
        capacity: int,
        reference_prefix: str,
        channel: str,
        sender_id: str,
        postcode: str,
        address: str,
        details: dict[str, Any],
    ) -> BookingOutcome:
        """Take one place if there is room; a resubmitted confirmation returns the first booking."""
        key = slot_key(begins)
        dedupe_key = make_dedupe_key([SERVICE, sender_key(sender_id), venue_id, key])
        existing = self._find(dedupe_key)
        if existing:
            return BookingOutcome(existing)
        self._ensure_slot(venue_id, key)
        for _ in range(_MAX_REFERENCE_ATTEMPTS):
            row = ServiceRequest(
                reference=new_reference(reference_prefix),
                service=SERVICE,
                status="received",
                channel=channel,
                sender_key=sender_key(sender_id),
                postcode=postcode,
                address=address,
                details={**details, "venue_id": venue_id, "starts_at": key},
                dedupe_key=dedupe_key,
                due_by=begins.date(),
            )
            try:
                with session_scope(self._url) as session:
                    # One conditional UPDATE: the database decides who gets the last place.
                    taken = session.execute(
                        update(DigitalSessionSlot)
                        .where(
                            DigitalSessionSlot.venue_id == venue_id,
                            DigitalSessionSlot.starts_at == key,
                            DigitalSessionSlot.booked < capacity,
                        )
                        .values(booked=DigitalSessionSlot.booked + 1)
                    ).rowcount
                    if taken != 1:
                        return BookingOutcome(None)
                    session.add(row)
                return BookingOutcome(stored_request(row, created_now=True))
            except IntegrityError:
                # The same confirmation stored a moment ago (its place is kept, ours rolled
                # back), or a reference collided: try again with a new one.
                existing = self._find(dedupe_key)
                if existing:
                    return BookingOutcome(existing)
        raise RuntimeError("could not allocate a unique reference")

    def _ensure_slot(self, venue_id: str, key: str) -> None:
        try:
            with session_scope(self._url) as session:
                exists = session.execute(
                    select(DigitalSessionSlot.id).where(
                        DigitalSessionSlot.venue_id == venue_id, DigitalSessionSlot.starts_at == key
                    )
                ).first()
                if exists is None:
                    session.execute(
                        insert(DigitalSessionSlot).values(venue_id=venue_id, starts_at=key, booked=0)
                    )
        except IntegrityError:
            pass  # another booking created the row first

    def _find(self, dedupe_key: str) -> StoredRequest | None:
        with session_scope(self._url) as session:
            row = session.execute(
                select(ServiceRequest).where(
                    ServiceRequest.service == SERVICE, ServiceRequest.dedupe_key == dedupe_key
                )
            ).scalar_one_or_none()
            return stored_request(row, created_now=False) if row else None

