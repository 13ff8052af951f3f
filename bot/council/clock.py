"""The council clock: the one source of "now" for every module, in the council's time zone."""

from __future__ import annotations

from datetime import date, datetime, timezone, tzinfo


def instant() -> datetime:
    """The current moment (UTC). Tests stop every clock by replacing this one function."""
    return datetime.now(timezone.utc)


def now_in(zone: tzinfo) -> datetime:
    """The current time in a time zone (the council's, from council.yml)."""
    return instant().astimezone(zone)


def today_in(zone: tzinfo) -> date:
    """Today's date in a time zone (the council's, from council.yml)."""
    return now_in(zone).date()
