"""How a status check describes bin orders (RB), fly-tipping (FT) and street problem (SP) reports."""

from __future__ import annotations

from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from actions import context
from actions.formatting import day_and_date


def summary_line(found: Any, service: Any) -> str | None:
    """The first line of a status reply for our services, or None for other services."""
    details = found.details
    if found.service == "request_bin":
        orders = context.council().bin_requests
        container = orders.container(details.get("bin_type") or "") if orders else None
        what = container.description if container else "bin"
        return f"{service.name}, reference {found.reference}: a {what} for {found.address}."
    if found.service == "fly_tipping":
        tips = context.council().fly_tipping
        kind = tips.kind(details.get("kind") or "") if tips else None
        what = kind.name if kind else "fly-tipping"
        return f"{service.name}, reference {found.reference}: {what}, at {found.address}."
    if found.service == "street_problem":
        what = details.get("what") or "a street problem"
        return f"{service.name}, reference {found.reference}: {what}, at {found.address}."
    return None


def promise_line(found: Any) -> str | None:
    """What we promised and by when, for an open request of our services."""
    by = day_and_date(found.due_by)
    if found.service == "request_bin":
        if found.details.get("paid") is False:
            return f"We'll deliver it by {by} once it's paid for."
        return f"We'll deliver it by {by}."
    if found.service == "fly_tipping":
        return f"We aim to clear it by {by}."
    if found.service == "street_problem":
        return f"We aim to {'make it safe' if found.details.get('urgent') else 'fix it'} by {by}."
    return None


#: Reports about public places, which may be stored without a postcode ("behind the Co-op").
PUBLIC_PLACE_SERVICES = ("fly_tipping", "street_problem")


def found_without_postcode(reference: str) -> bool:
    """Whether this reference is a public-place report stored without a postcode (so none is asked)."""
    service = context.council().service_for_reference(reference)
    if service is None or service.key not in PUBLIC_PLACE_SERVICES:
        return False
    try:
        return context.service_requests().find(reference, "") is not None
    except SQLAlchemyError:
        return False  # ask for the postcode as usual; the lookup will say what went wrong
