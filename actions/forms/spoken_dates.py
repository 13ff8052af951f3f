"""Reads the dates residents type ("14/11", "the 14th of november", "last friday", "from the start of
this month") with dateparser (en-GB, day first, relative to the council's clock) and checks their range."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from bot.council.schedule import WEEKDAYS

_WEEKDAYS = {name: i for i, name in enumerate(WEEKDAYS)}
_WEEKDAYS.update({name[:3]: i for i, name in enumerate(WEEKDAYS)})
_WEEKDAYS.update({"tues": 1, "weds": 2, "thur": 3, "thurs": 3})
_MONTH_NAMES = (
    "january february march april may june july august september october november december".split()
)
_MONTHS = {name: i + 1 for i, name in enumerate(_MONTH_NAMES)}
_MONTHS.update({name[:3]: i + 1 for i, name in enumerate(_MONTH_NAMES)})
_MONTHS["sept"] = 9
_MONTH_WORDS = "|".join(sorted(_MONTHS, key=len, reverse=True))
_MONTH = rf"({_MONTH_WORDS})\b"

# What dateparser doesn't read, kept small: ISO dates (it would read them day first), "next/last
# <weekday>" (it doesn't know "next"), the start, middle or end of a month, and impossible dates.
_ISO = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
_RELATIVE_WEEKDAY = re.compile(
    r"\b(next|last|this|on|coming|since)?\s*(?:the\s+)?(" + "|".join(_WEEKDAYS) + r")\b"
    r"(\s+(?:just\s+)?gone)?(\s+before\s+last)?"
)
_MONTH_EDGE = re.compile(
    r"\b(start|beginning|begining|first day|1st|end|last day|middle|mid)\s*(?:of\s+)?(?:the\s+)?"
    rf"(?:(this|last|previous|past|next|coming)\s+)?(month|{_MONTH_WORDS})\b(?:\s+(\d{{4}}))?"
)
_NUMERIC = re.compile(r"\b(\d{1,2})[/.\-](\d{1,2})(?:[/.\-](?:\d{4}|\d{2}))?\b")
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?\s+{_MONTH}")
_MONTH_DAY = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?\b")

_ORDINAL_WORDS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
    "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
).split()
_ORDINALS = {word: i + 1 for i, word in enumerate(_ORDINAL_WORDS)}
# An ordinal word is a day before a month ("second of january") or after "the" at the end ("on the first").
_ORDINAL_ALTERNATIVES = r"\b(?:(twenty|thirty)[\s-]?)?(" + "|".join(_ORDINAL_WORDS) + r")\b"
_ORDINAL = re.compile(
    _ORDINAL_ALTERNATIVES + rf"(?=\s+(?:of\s+)?(?:the\s+)?(?:month|{_MONTH_WORDS})\b|\s*[.!]?$)"
)
_SUFFIX = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}
_HAS_NUMBER_OR_MONTH = re.compile(r"\d|\b" + _MONTH)
_DIGITS_ONLY = re.compile(r"^[\d\s]+$")
_DATEPARSER_SETTINGS: dict[str, Any] = {
    "DATE_ORDER": "DMY",
    "PREFER_DAY_OF_MONTH": "first",
    "RETURN_AS_TIMEZONE_AWARE": False,
    # Not "timestamp": an account number like 51948230 must never be read as a date.
    "PARSERS": ["relative-time", "custom-formats", "absolute-time"],
}


class NotADate(ValueError):
    """The text names a date that does not exist, such as 31 February."""


def _normalise(text: str) -> str:
    """Lower case, single spaces; "second of january" -> "2nd of january"; "a fortnight" -> "2 weeks"."""
    words = " ".join(str(text or "").lower().replace(",", " ").split())
    words = re.sub(r"\b(?:a|one)\s+fortnight\b", "2 weeks", words)
    words = re.sub(r"\bfortnight\b", "2 weeks", words)
    words = re.sub(r"\b(?:a\s+)?couple\s+of\b", "2", words)
    words = re.sub(r"\bthis\s+(?:morning|afternoon|evening)\b|\btonight\b", "today", words)
    words = re.sub(r"\blast\s+night\b", "yesterday", words)

    def ordinal(match: re.Match[str]) -> str:
        day = _ORDINALS[match[2]] + {"twenty": 20, "thirty": 30, None: 0}[match[1]]
        return f"{day}{_SUFFIX.get(day, 'th')}"

    return _ORDINAL.sub(
        lambda match: ordinal(match) if _ends_a_day(words, match) else match[0], words
    )


def _ends_a_day(words: str, match: re.Match[str]) -> bool:
    """An ordinal at the end is a day only after "the" ("on the first", not "it was my first")."""
    if match.end() < len(words.rstrip(".! ")):
        return True  # it is followed by a month
    return words[: match.start()].endswith("the ")


def _make(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise NotADate(f"{day}/{month}/{year}") from None


def _every_year(month: int, day: int, today: date) -> list[date]:
    """The day in last year, this year and next year (a date given without a year)."""
    found = []
    for guess in (today.year - 1, today.year, today.year + 1):
        try:
            found.append(date(guess, month, day))
        except ValueError:
            continue  # 29 February in a year that has none
    if not found:
        raise NotADate(f"{day}/{month}")
    return found


def _every_month(day: int, today: date) -> list[date]:
    """The day in last month, this month and next month ("the 14th")."""
    found = []
    for step in (-1, 0, 1):
        month_index = today.year * 12 + today.month - 1 + step
        try:
            found.append(date(month_index // 12, month_index % 12 + 1, day))
        except ValueError:
            continue  # the 31st in a 30-day month
    return found


def _month_edge(match: re.Match[str], today: date) -> list[date]:
    """ "start of this month", "end of last month", "beginning of november"."""
    edge, which, month_word, year = match[1], match[2], match[3], match[4]
    if month_word == "month":
        step = {"last": -1, "previous": -1, "past": -1, "next": 1, "coming": 1}.get(which or "", 0)
        month_index = today.year * 12 + today.month - 1 + step
        years_and_months = [(month_index // 12, month_index % 12 + 1)]
    else:
        month = _MONTHS[month_word]
        years = [int(year)] if year else [today.year - 1, today.year, today.year + 1]
        years_and_months = [(each, month) for each in years]
    found = []
    for year_, month_ in years_and_months:
        if edge in ("end", "last day"):
            day = calendar.monthrange(year_, month_)[1]
        elif edge in ("middle", "mid"):
            day = 15
        else:
            day = 1
        found.append(date(year_, month_, day))
    return found


def _weekday(match: re.Match[str], today: date) -> list[date]:
    weekday = _WEEKDAYS[match[2]]
    ahead = (weekday - today.weekday()) % 7
    behind = (today.weekday() - weekday) % 7
    if match[4]:  # "the monday before last"
        return [today - timedelta(days=(behind or 7) + 7)]
    if match[1] == "since":  # "since friday": the last one, or today
        return [today - timedelta(days=behind)]
    if match[1] == "last" or match[3]:
        return [today - timedelta(days=behind or 7)]
    if match[1] in ("next", "coming", "this"):
        return [today + timedelta(days=ahead or 7)]
    # A day name alone: the nearest one (today if it is today).
    if ahead == 0:
        return [today]
    return [today + timedelta(days=ahead)] if ahead <= behind else [today - timedelta(days=behind)]


def _parse(text: str, today: date, require: str | None = None) -> date | None:
    """dateparser's reading in British English, relative to the council's today; with a part required,
    None for a date that leaves it out."""
    import dateparser  # imported on first use: it takes most of a second

    settings: Any = dict(_DATEPARSER_SETTINGS, RELATIVE_BASE=datetime.combine(today, time(12)))
    if require:
        settings["REQUIRE_PARTS"] = [require]
    found = dateparser.parse(text, languages=["en"], locales=["en-GB"], settings=settings)
    return found.date() if found is not None else None


def _found_in_sentence(words: str, today: date) -> str | None:
    """The words in a sentence that name a date ("he left on the 14th of november" -> "on the 14th of november")."""
    from dateparser.search import search_dates

    settings: Any = dict(_DATEPARSER_SETTINGS, RELATIVE_BASE=datetime.combine(today, time(12)))
    found = search_dates(words, languages=["en"], settings=settings) or []
    spans = [text for text, _ in found if not _DIGITS_ONLY.match(text)]
    if not spans:
        return None
    # "i may have moved on the 3rd": a span with a number beats a lone month name like "may".
    return max(spans, key=lambda text: (any(c.isdigit() for c in text), len(text)))


#: A period, not a day ("next month", "this week"): ask for the day rather than guess one.
_PERIOD = re.compile(
    r"^(?:in |during |within )?(?:the )?(?:next|this|last|coming|following) (?:week|month|year)$"
)


def _by_dateparser(words: str, today: date) -> list[date]:
    span = words if _parse(words, today) is not None else _found_in_sentence(words, today)
    if span is None or _PERIOD.match(span.strip()):
        return []
    found = _parse(span, today)
    if found is None:
        return []
    if _parse(span, today, require="day") is None:
        return []  # a month alone ("in march"): ask for the day rather than guess the 1st
    if _parse(span, today, require="month") is None:
        return _every_month(found.day, today)
    if _parse(span, today, require="year") is None:
        return _every_year(found.month, found.day, today)
    return [found]


def _impossible(words: str, leap_day: bool) -> bool:
    """A day and month that look like a date but can't be one (30/02, 31st of june); with leap_day,
    29 February too (said when no year near today has one)."""
    for pattern, day_group, month_group in (
        (_NUMERIC, 1, 2),
        (_DAY_MONTH, 1, 2),
        (_MONTH_DAY, 2, 1),
    ):
        for match in pattern.finditer(words):
            day = int(match[day_group])
            month_text = match[month_group]
            month = int(month_text) if month_text.isdigit() else _MONTHS[month_text]
            if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(2024, month)[1]:
                return True
            if leap_day and (month, day) == (2, 29):
                return True
    return False


def date_candidates(text: str, today: date) -> list[date]:
    """Every date the text could mean (one, or one per year or month when those are left out); [] if none.

    Raises NotADate when the text names a day that doesn't exist.
    """
    words = _normalise(text)
    if not words or _DIGITS_ONLY.match(words):
        return []
    if match := _ISO.search(words):
        return [_make(int(match[1]), int(match[2]), int(match[3]))]
    if match := _MONTH_EDGE.search(words):
        return _month_edge(match, today)
    if not _HAS_NUMBER_OR_MONTH.search(words) and (match := _RELATIVE_WEEKDAY.search(words)):
        return _weekday(match, today)
    if _impossible(words, leap_day=False):
        raise NotADate(words)
    found = _by_dateparser(words, today)
    if not found and _impossible(words, leap_day=True):
        raise NotADate(words)
    return found


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
