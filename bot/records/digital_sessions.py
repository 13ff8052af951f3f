"""Books places in assisted digital sessions: never more than a session's capacity, never twice."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import select

from bot.privacy import sender_key
from bot.records.capacity import CapacityLedger
from bot.records.council_systems import CouncilSystems, connect
from bot.records.service_requests import StoredRequest
from bot.storage.engine import session_scope
from bot.storage.models import DigitalSessionSlot

SERVICE = "assisted_digital"


def slot_key(begins: datetime) -> str:
    """How a session's start is stored: local time to the minute, "2026-11-24T10:00"."""
    return begins.strftime("%Y-%m-%dT%H:%M")


class DigitalSessionStore:
    """Places taken per session, and the bookings themselves (as service requests, so status checks work)."""

    def __init__(
        self, database_url: str | None = None, systems: CouncilSystems | None = None
    ) -> None:
        self._url = database_url
        self._systems = systems or connect(database_url=database_url)
        self._places = CapacityLedger(DigitalSessionSlot, database_url)

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
    ) -> StoredRequest:
        """Take one place and store the booking; a resubmitted confirmation returns the first booking.

        Raises NoPlaceLeft if the session is full (see `CapacityLedger`).
        """
        key = slot_key(begins)
        session_slot = {"venue_id": venue_id, "starts_at": key}
        self._places.ensure(session_slot, capacity)
        return self._systems.create(
            service=SERVICE,
            reference_prefix=reference_prefix,
            channel=channel,
            sender_id=sender_id,
            postcode=postcode,
            address=address,
            due_by=begins.date(),
            details={**details, "venue_id": venue_id, "starts_at": key},
            same_job=[sender_key(sender_id), venue_id, key],
            take_place=self._places.taker(session_slot, capacity),
        )
