"""The `sql` connector (COUNCIL_SYSTEMS=sql): service requests stored in our database for the back office."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from bot.privacy import sender_key
from bot.records.council_systems import Cancellation, CouncilSystems, ReleasePlace, TakePlace
from bot.sensitive_numbers import mask, mask_json
from bot.storage.engine import session_scope
from bot.storage.models import ServiceRequest
from bot.storage.references import new_reference

_MAX_REFERENCE_ATTEMPTS = 8


@dataclass(frozen=True)
class StoredRequest:
    """What a resident may be told about a request."""

    reference: str
    service: str
    status: str
    postcode: str
    address: str
    due_by: date
    details: dict[str, Any]
    created_now: bool


def make_dedupe_key(parts: list[str]) -> str:
    """One key for the same job asked twice (case and spacing ignored)."""
    return hashlib.sha256("|".join(p.strip().lower() for p in parts).encode()).hexdigest()


def stored_request(row: ServiceRequest, created_now: bool) -> StoredRequest:
    """A stored row as the plain record actions use."""
    return StoredRequest(
        reference=row.reference,
        service=row.service,
        status=row.status,
        postcode=row.postcode,
        address=row.address,
        due_by=row.due_by,
        details=dict(row.details or {}),
        created_now=created_now,
    )


class ServiceRequestStore(CouncilSystems):
    """Creates and finds requests in ``service_requests``; the same job reported twice keeps one reference."""

    def create(
        self,
        *,
        service: str,
        reference_prefix: str,
        channel: str,
        sender_id: str,
        postcode: str,
        address: str,
        due_by: date,
        details: dict[str, Any],
        same_job: list[str],
        take_place: TakePlace | None = None,
    ) -> StoredRequest:
        """Store a request, or return the existing one for the same job (``same_job`` parts).

        With ``take_place`` the place is taken in the transaction that adds the row: if the row
        cannot be stored the place is given back, and NoPlaceLeft stores nothing.
        """
        # Free text the resident typed (a description, an address) never keeps a card number.
        address, details = mask(address), mask_json(details)
        dedupe_key = make_dedupe_key([service, *same_job])
        existing = self.find_duplicate(service, dedupe_key)
        if existing:
            return existing
        for _ in range(_MAX_REFERENCE_ATTEMPTS):
            row = ServiceRequest(
                reference=new_reference(reference_prefix),
                service=service,
                status="received",
                channel=channel,
                sender_key=sender_key(sender_id),
                postcode=postcode,
                address=address,
                details=details,
                dedupe_key=dedupe_key,
                due_by=due_by,
            )
            try:
                with session_scope(self._url) as session:
                    if take_place is not None:
                        take_place(session)
                    session.add(row)
                return stored_request(row, created_now=True)
            except IntegrityError:
                # The transaction (and any place it took) was rolled back. Either another process
                # stored the same job a moment ago (return theirs), or the random reference
                # collided (try again with a new one).
                existing = self.find_duplicate(service, dedupe_key)
                if existing:
                    return existing
        raise RuntimeError("could not allocate a unique reference")

    def find_duplicate(self, service: str, dedupe_key: str) -> StoredRequest | None:
        """The request already stored for this job, if any."""
        with session_scope(self._url) as session:
            row = session.execute(
                select(ServiceRequest).where(
                    ServiceRequest.service == service, ServiceRequest.dedupe_key == dedupe_key
                )
            ).scalar_one_or_none()
            return stored_request(row, created_now=False) if row else None

    def find(self, reference: str, postcode: str) -> StoredRequest | None:
        """The request with this reference, only if the postcode matches too."""
        with session_scope(self._url) as session:
            row = session.execute(
                select(ServiceRequest).where(ServiceRequest.reference == reference.upper())
            ).scalar_one_or_none()
            if row is None:
                return None
            # A report about a public place with no postcode (fly-tipping "behind the Co-op")
            # holds nothing personal, so its reference alone finds it.
            if row.postcode and row.postcode.replace(" ", "") != postcode.replace(" ", "").upper():
                return None
            return stored_request(row, created_now=False)

    def amend_own(
        self,
        reference: str,
        sender_id: str,
        *,
        details: dict[str, Any],
        same_job: list[str],
        due_by: date,
    ) -> StoredRequest | None:
        """Put right a request the same resident has just made; None if it isn't theirs or is closed."""
        with session_scope(self._url) as session:
            row = session.execute(
                select(ServiceRequest).where(ServiceRequest.reference == reference.upper())
            ).scalar_one_or_none()
            if row is None or row.sender_key != sender_key(sender_id) or row.status != "received":
                return None
            row.details = {**dict(row.details or {}), **mask_json(details)}
            row.dedupe_key = make_dedupe_key([row.service, *same_job])
            row.due_by = due_by
            session.flush()
            return stored_request(row, created_now=False)

    def cancel(
        self,
        *,
        service: str,
        reference: str,
        postcode: str,
        last_day_to_cancel: Callable[[date], date],
        today: date,
        release_place: ReleasePlace | None = None,
    ) -> Cancellation:
        """Cancel a request of this service before its cut-off; ``release_place`` runs in the same transaction."""
        with session_scope(self._url) as session:
            row = session.execute(
                select(ServiceRequest).where(
                    ServiceRequest.reference == reference.upper(), ServiceRequest.service == service
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
            stored = stored_request(row, created_now=False)
            if release_place is not None:
                release_place(session, stored)
        return Cancellation("cancelled", replace(stored, status="cancelled"))
