"""Finds the nearest suitable venues to a postcode, by straight-line distance on the National Grid."""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from bot.council.models import Venue
from bot.council.schedule import WEEKDAYS, format_time

METRES_PER_MILE = 1609.344
WEEKEND = frozenset({5, 6})


@dataclass(frozen=True)
class VenueWants:
    """What the resident asked for: facilities they all need, one-of facilities, days, open now."""

    facilities: frozenset[str] = frozenset()
    any_of: frozenset[str] = frozenset()
    days: frozenset[int] = frozenset()
    open_now: bool = False


@dataclass(frozen=True)
class NearbyVenue:
    """A venue and how far it is from the resident, in metres."""

    venue: Venue
    metres: float

    @property
    def miles_text(self) -> str:
        return miles_text(self.metres)


def miles_text(metres: float) -> str:
    """Distance in words residents use: "0.4 miles", "1 mile", "2.3 miles"."""
    miles = round(metres / METRES_PER_MILE, 1)
    if miles < 0.1:
        return "less than 0.1 miles"
    if miles == 1.0:
        return "1 mile"
    return f"{miles:g} miles"


def is_open_at(venue: Venue, at: datetime, closed_days: Collection[date] = ()) -> bool:
    """Whether the venue is open at this local time (closed on the council's bank holidays)."""
    if at.date() in closed_days:
        return False
    hours = venue.hours_by_weekday().get(at.weekday())
    return hours is not None and hours[0] <= at.time().replace(tzinfo=None) < hours[1]


def opens_on(venue: Venue, weekday: int) -> bool:
    return venue.hours_by_weekday().get(weekday) is not None


def hours_today_text(venue: Venue, at: datetime, closed_days: Collection[date] = ()) -> str:
    """ "Open now until 5pm", "Opens today at 10am, until 5pm", "Closed today" and similar."""
    hours = None if at.date() in closed_days else venue.hours_by_weekday().get(at.weekday())
    if hours is None:
        return "Closed today"
    opens, closes = hours
    now = at.time().replace(tzinfo=None)
    if opens <= now < closes:
        return f"Open now, until {format_time(closes)}"
    if now < opens:
        return f"Opens today at {format_time(opens)}, until {format_time(closes)}"
    return f"Closed now (today {format_time(opens)} to {format_time(closes)})"


def suits(
    venue: Venue, wants: VenueWants, at: datetime, closed_days: Collection[date] = ()
) -> bool:
    """Whether a venue offers everything asked for and is open when asked."""
    offered = set(venue.facilities)
    if not wants.facilities <= offered:
        return False
    if wants.any_of and not wants.any_of & offered:
        return False
    if wants.days and not any(opens_on(venue, day) for day in wants.days):
        return False
    return not wants.open_now or is_open_at(venue, at, closed_days)


class VenueFinder:
    """Holds each venue's grid position (looked up once, at load) and ranks them by distance."""

    def __init__(self, venues: Iterable[Venue], positions: dict[str, tuple[float, float]]) -> None:
        self._venues = [(venue, *positions[venue.id]) for venue in venues]

    def nearest(
        self,
        easting: float,
        northing: float,
        wants: VenueWants | None = None,
        at: datetime | None = None,
        limit: int = 3,
        closed_days: Collection[date] = (),
    ) -> list[NearbyVenue]:
        """The closest venues that suit, nearest first."""
        when = at or _council_local_now()
        wants = wants or VenueWants()
        found = [
            NearbyVenue(venue, math.hypot(east - easting, north - northing))
            for venue, east, north in self._venues
            if suits(venue, wants, when, closed_days)
        ]
        found.sort(key=lambda item: (item.metres, item.venue.name))
        return found[:limit]


def upcoming_sessions(
    venue: Venue, after: datetime, days: int = 14, closed_days: Collection[date] = ()
) -> list[tuple[datetime, int, int]]:
    """(start, minutes, capacity) for the venue's sessions from after (local, naive) over the next days."""
    start = after.replace(tzinfo=None)
    found = []
    for offset in range(days + 1):
        day = start.date() + timedelta(days=offset)
        if day in closed_days:
            continue
        for slot in venue.sessions:
            if slot.weekday == day.weekday():
                begins = datetime.combine(day, slot.time)
                if begins > start:
                    found.append((begins, slot.minutes, slot.capacity))
    return sorted(found)


def session_label(begins: datetime) -> str:
    """ "Tuesday 24 November, 10am" (a button title and what the resident types back)."""
    return f"{WEEKDAYS[begins.weekday()].title()} {begins.day} {begins.strftime('%B')}, {format_time(begins.time())}"


def parse_session_label(text: str, options: Iterable[datetime]) -> datetime | None:
    """The session a resident picked, by its label or just the day name when that is unique."""
    words = " ".join(str(text).lower().replace(",", " ").split())
    options = list(options)
    for begins in options:
        if " ".join(session_label(begins).lower().replace(",", " ").split()) in words:
            return begins
    by_day = [b for b in options if WEEKDAYS[b.weekday()] in words.split()]
    return by_day[0] if len(by_day) == 1 else None


__all__ = [
    "NearbyVenue",
    "VenueFinder",
    "VenueWants",
    "WEEKEND",
    "hours_today_text",
    "is_open_at",
    "miles_text",
    "parse_session_label",
    "session_label",
    "suits",
    "upcoming_sessions",
]


def _council_local_now() -> datetime:
    """Now at the council, as the naive local time venue hours are written in."""
    from bot.council import get_council
    from bot.settings import get_settings

    return get_council(get_settings().council_dir).now().replace(tzinfo=None)
