"""Reads the dates residents type ("12/01/2027", "1st March", "next Friday", "today") and checks their range."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from bot.council_schedule import WEEKDAYS

_WEEKDAYS = {name: i for i, name in enumerate(WEEKDAYS)}
_WEEKDAYS.update({name[:3]: i for i, name in enumerate(WEEKDAYS)})
_WEEKDAYS.update({"tues": 1, "weds": 2, "thur": 3, "thurs": 3})
_MONTH_NAMES = (
    "january february march april may june july august september october november december".split()
)
_MONTHS = {name: i + 1 for i, name in enumerate(_MONTH_NAMES)}
_MONTHS.update({name[:3]: i + 1 for i, name in enumerate(_MONTH_NAMES)})
_MONTHS["sept"] = 9
_MONTH = "(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\b"
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(\d{4}|\d{2}))?"

_NUMERIC = re.compile(r"\b(\d{1,2})[/.\-](\d{1,2})(?:[/.\-](\d{4}|\d{2}))?\b")
_ISO = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
_DAY_MONTH = re.compile(rf"\b{_DAY}(?:\s+of)?\s+{_MONTH}{_YEAR}")
_MONTH_DAY = re.compile(rf"\b{_MONTH}\s+{_DAY}\b{_YEAR}")
_RELATIVE_WEEKDAY = re.compile(r"\b(next|last|this|on|coming)?\s*(" + "|".join(_WEEKDAYS) + r")\b")
_AGO = re.compile(r"\b(\d{1,3}|a|an|one|two|three|four)\s+(day|week|month)s?\s+ago\b")
_IN = re.compile(r"\bin\s+(\d{1,3}|a|an|one|two|three|four)\s+(day|week|month)s?\b")
_SMALL_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4}


class NotADate(ValueError):
    """The text names a date that does not exist, such as 31 February."""


def _year(text: str | None) -> int | None:
    if text is None:
        return None
    value = int(text)
    return value + 2000 if value < 100 else value


def _make(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise NotADate(f"{day}/{month}/{year}") from None


def _candidates(day: int, month: int, year: int | None, today: date) -> list[date]:
    if year is not None:
        return [_make(year, month, day)]
    found = []
    for guess in (today.year - 1, today.year, today.year + 1):
        try:
            found.append(date(guess, month, day))
        except ValueError:
            continue  # 29 February in a year that has none
    if not found:
        raise NotADate(f"{day}/{month}")
    return found


def _span(number: str, unit: str) -> timedelta:
    count = _SMALL_NUMBERS.get(number) or int(number)
    return timedelta(days=count * {"day": 1, "week": 7, "month": 30}[unit])


def date_candidates(text: str, today: date) -> list[date]:
    """Every date the text could mean (one, or one per year when no year is given); [] if none.

    Raises NotADate when the text names a day that doesn't exist.
    """
    words = " ".join(str(text or "").lower().replace(",", " ").split())
    if not words:
        return []
    if re.search(r"\btoday\b|\bright now\b", words):
        return [today]
    if re.search(r"\btomorrow\b", words):
        return [today + timedelta(days=1)]
    if re.search(r"\byesterday\b", words):
        return [today - timedelta(days=1)]
    if match := _ISO.search(words):
        return [_make(int(match[1]), int(match[2]), int(match[3]))]
    if match := _NUMERIC.search(words):
        return _candidates(int(match[1]), int(match[2]), _year(match[3]), today)
    if match := _DAY_MONTH.search(words):
        return _candidates(int(match[1]), _MONTHS[match[2]], _year(match[3]), today)
    if match := _MONTH_DAY.search(words):
        return _candidates(int(match[2]), _MONTHS[match[1]], _year(match[3]), today)
    if match := _AGO.search(words):
        return [today - _span(match[1], match[2])]
    if match := _IN.search(words):
        return [today + _span(match[1], match[2])]
    if match := _RELATIVE_WEEKDAY.search(words):
        weekday = _WEEKDAYS[match[2]]
        ahead = (weekday - today.weekday()) % 7
        behind = (today.weekday() - weekday) % 7
        if match[1] == "last":
            return [today - timedelta(days=behind or 7)]
        if match[1] in ("next", "coming", "this"):
            return [today + timedelta(days=ahead or 7)]
        # A day name alone: the nearest one (today if it is today).
        if ahead == 0:
            return [today]
        return (
            [today + timedelta(days=ahead)] if ahead <= behind else [today - timedelta(days=behind)]
        )
    return []


@dataclass(frozen=True)
class DateCheck:
    """A date in range, or why not: "unreadable", "not_a_date", "too_early" or "too_late"."""

    day: date | None
    problem: str | None = None
    earliest: date | None = None
    latest: date | None = None


def check_date(text: str, today: date, earliest_days_ago: int, latest_days_ahead: int) -> DateCheck:
    """Read a date and check it falls within the window around today."""
    earliest = today - timedelta(days=earliest_days_ago)
    latest = today + timedelta(days=latest_days_ahead)
    try:
        found = date_candidates(text, today)
    except NotADate:
        return DateCheck(None, "not_a_date", earliest, latest)
    if not found:
        return DateCheck(None, "unreadable", earliest, latest)
    inside = [day for day in found if earliest <= day <= latest]
    if inside:
        return DateCheck(
            min(inside, key=lambda day: abs((day - today).days)), None, earliest, latest
        )
    nearest = min(found, key=lambda day: abs((day - today).days))
    problem = "too_early" if nearest < earliest else "too_late"
    return DateCheck(nearest, problem, earliest, latest)
