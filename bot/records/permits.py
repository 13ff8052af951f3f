"""How many parking permits of a type an address already holds (for the council's household limit)."""

from __future__ import annotations

from sqlalchemy import select

from bot.storage.engine import session_scope
from bot.storage.models import ServiceRequest

SERVICE = "parking_permit"
#: Applications that no longer count towards the limit.
ENDED_STATUSES = ("cancelled", "refused", "expired")


def permits_held(address: str, permit_type: str, database_url: str | None = None) -> int:
    """Permit applications of this type for this address that are not cancelled or ended."""
    with session_scope(database_url) as session:
        rows = session.execute(
            select(ServiceRequest.details).where(
                ServiceRequest.service == SERVICE,
                ServiceRequest.address == address,
                ServiceRequest.status.not_in(ENDED_STATUSES),
            )
        ).scalars()
        # Filtered here: JSON queries differ between SQLite and PostgreSQL.
        return sum(1 for details in rows if (details or {}).get("permit_type") == permit_type)
