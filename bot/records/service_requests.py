"""SQL-backed store of service requests the council's back office works from."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from bot.privacy import sender_key
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


class ServiceRequestStore:
    """Creates and finds requests; the same job reported twice keeps one reference."""

    def __init__(self, database_url: str | None = None) -> None:
        self._url = database_url

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
    ) -> StoredRequest:
        """Store a request, or return the existing one for the same job (``same_job`` parts)."""
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
                    session.add(row)
                return stored_request(row, created_now=True)
            except IntegrityError:
                # Either another process stored the same job a moment ago, or the
                # random reference collided: the first case returns theirs.
                existing = self.find_duplicate(service, dedupe_key)
                if existing:
                    return existing
        raise RuntimeError("could not allocate a unique reference")

    def find_duplicate(self, service: str, dedupe_key: str) -> StoredRequest | None:
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
            row.details = {**dict(row.details or {}), **details}
            row.dedupe_key = make_dedupe_key([row.service, *same_job])
            row.due_by = due_by
            session.flush()
            return stored_request(row, created_now=False)
