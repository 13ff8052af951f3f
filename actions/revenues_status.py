"""How a status check reads for council tax moves (CM), discounts (CD) and benefit changes (BC)."""

from __future__ import annotations

from typing import Any

from actions import context
from actions.formatting import day_and_date
from actions.resident_answers import when

_MOVES = {
    "in": "moving into the area",
    "out": "moving out of the area",
    "within": "moving within the area",
}


def status_lines(found: Any, service_name: str, status_text: str) -> list[str] | None:
    """The lines for a council tax or benefits request, or None for other services."""
    details = found.details or {}
    open_request = found.status in ("received", "in_progress")
    due = day_and_date(found.due_by)
    if found.service == "council_tax_move":
        move = details.get("move")
        lines = [f"{service_name}, reference {found.reference}."]
        if move in _MOVES and details.get("move_date"):
            lines.append(
                f"You told us you're {_MOVES[move]} on {when(details['move_date'])} ({found.address})."
            )
        lines.append(status_text)
        if open_request:
            bill = "your final bill" if move == "out" else "your new bill"
            lines.append(f"We'll send {bill} by {due}.")
        return lines
    if found.service == "council_tax_discount":
        lines = [
            f"Single person discount application, reference {found.reference}, for {found.address}."
        ]
        if details.get("from_date"):
            lines.append(f"You asked for it from {when(details['from_date'])}.")
        lines.append(status_text)
        if open_request:
            lines.append(f"We'll write with our decision by {due}.")
        return lines
    if found.service == "benefits_change":
        rules = context.council().benefits
        titles = {c.key: c.title for c in rules.changes} if rules else {}
        what = titles.get(str(details.get("change")), "a change")
        lines = [f"Change of circumstances for your benefits, reference {found.reference}."]
        if details.get("change_date"):
            lines.append(f"You told us: {what}, from {when(details['change_date'])}.")
        lines.append(status_text)
        if open_request:
            lines.append(f"We'll write about your new entitlement by {due}.")
        return lines
    return None
