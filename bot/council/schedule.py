"""Calendar arithmetic for council data: collection cycles, holiday changes, working days and opening hours."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

WEEKDAYS: tuple[str, ...] = (
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
)

#: The furthest a holiday change may move a collection, so searches know how wide to look.
MAX_SHIFT_DAYS = 14

OpeningHours = Mapping[int, tuple[time, time] | None]


def regular_dates(
    weekday: int, every_days: int, anchor: date, start: date, end: date
) -> list[date]:
    """Dates from start to end (inclusive) on a cycle of every_days through anchor (before or after it)."""
    if start > end:
        return []
    offset = (anchor - start).days % every_days
    first = start + timedelta(days=offset)
    if first.weekday() != weekday:  # anchor not on the weekday: data error caught at load time
        raise ValueError(f"{anchor.isoformat()} is not a {WEEKDAYS[weekday].title()}")
    return [first + timedelta(days=n) for n in range(0, (end - first).days + 1, every_days)]


def collection_dates(
    weekday: int,
    every_days: int,
    anchor: date,
    start: date,
    end: date,
    changes: Mapping[date, date],
) -> list[date]:
    """Collection dates from start to end (inclusive) after moving those listed in changes."""
    margin = timedelta(days=MAX_SHIFT_DAYS)
    regular = regular_dates(weekday, every_days, anchor, start - margin, end + margin)
    moved = {changes.get(day, day) for day in regular}
    return sorted(day for day in moved if start <= day <= end)


def is_working_day(day: date, bank_holidays: Collection[date]) -> bool:
    """Monday to Friday and not a bank holiday."""
    return day.weekday() < 5 and day not in bank_holidays


def add_working_days(day: date, n: int, bank_holidays: Collection[date]) -> date:
    """The date n working days after day (before it if n is negative); day itself if n is 0."""
    step = timedelta(days=1 if n >= 0 else -1)
    remaining = abs(n)
    while remaining:
        day += step
        if is_working_day(day, bank_holidays):
            remaining -= 1
    return day


def is_open(
    at: datetime, hours: OpeningHours, bank_holidays: Collection[date], zone: ZoneInfo
) -> bool:
    """Whether the contact centre is open at this moment (naive times are taken as local time)."""
    local = at.astimezone(zone) if at.tzinfo is not None else at
    if local.date() in bank_holidays:
        return False
    today = hours.get(local.weekday())
    if today is None:
        return False
    opens, closes = today
    return opens <= local.time() < closes


def format_time(value: time) -> str:
    """A time in GOV.UK style: 8:30am, 5pm, midday, midnight."""
    if value == time(12, 0):
        return "midday"
    if value == time(0, 0):
        return "midnight"
    hour = value.hour % 12 or 12
    suffix = "am" if value.hour < 12 else "pm"
    minutes = f":{value.minute:02d}" if value.minute else ""
    return f"{hour}{minutes}{suffix}"


def opening_hours_text(hours: OpeningHours) -> str:
    """Opening hours in words, consecutive days with the same hours grouped: "Monday to Friday, 8:30am to 5pm"."""
    groups: list[tuple[int, int, tuple[time, time]]] = []
    for day in range(7):
        today = hours.get(day)
        if today is None:
            continue
        if groups and groups[-1][1] == day - 1 and groups[-1][2] == today:
            groups[-1] = (groups[-1][0], day, today)
        else:
            groups.append((day, day, today))
    if not groups:
        return "closed"
    parts = []
    for first, last, (opens, closes) in groups:
        days = WEEKDAYS[first].title()
        if last != first:
            joiner = " and " if last == first + 1 else " to "
            days += joiner + WEEKDAYS[last].title()
        parts.append(f"{days}, {format_time(opens)} to {format_time(closes)}")
    return "; ".join(parts)
