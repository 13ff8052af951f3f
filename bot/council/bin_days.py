"""A street's collection dates with the holiday change behind each moved one ("moved from Thursday")."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from bot.council import schedule

if TYPE_CHECKING:
    from bot.council.council import Council


@dataclass(frozen=True)
class Collection:
    """One collection of one bin: its date and, if a holiday moved it, from when and why."""

    bin_key: str
    day: date
    moved_from: date | None = None
    reason: str | None = None


def collections(
    council: Council, street: Any, bin_key: str, start: date, end: date
) -> list[Collection]:
    """Collections of a bin at a street from start to end (inclusive), after holiday changes."""
    round_id = street.round_id(bin_key)
    if round_id is None:
        return []
    crew = council.rounds[round_id]
    changes = {change.original_date: change for change in council.holidays}
    margin = timedelta(days=schedule.MAX_SHIFT_DAYS)
    found = []
    for regular in schedule.regular_dates(
        crew.weekday, crew.every_days, crew.first_collection, start - margin, end + margin
    ):
        change = changes.get(regular)
        if change is None:
            found.append(Collection(bin_key, regular))
        else:
            found.append(Collection(bin_key, change.new_date, regular, change.reason))
    return sorted((c for c in found if start <= c.day <= end), key=lambda c: c.day)


def next_collection(council: Council, street: Any, bin_key: str, day: date) -> Collection | None:
    """The first collection of a bin on or after day, or None if it is not collected there."""
    ahead = 2 * 14 + schedule.MAX_SHIFT_DAYS
    upcoming = collections(council, street, bin_key, day, day + timedelta(days=ahead))
    return upcoming[0] if upcoming else None
