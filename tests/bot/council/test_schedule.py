"""Calendar arithmetic for council data: opening hours, working days and collection cycles (bot/council/schedule.py)."""

from __future__ import annotations

from datetime import date, datetime, time, timezone
from zoneinfo import ZoneInfo

import pytest

from bot.council.schedule import (
    add_working_days,
    collection_dates,
    format_time,
    is_open,
    is_working_day,
    opening_hours_text,
    regular_dates,
)


def test_opening_hours_with_a_saturday_morning_read_naturally() -> None:
    weekday = (time(8, 30), time(17, 0))
    hours = {
        0: weekday,
        1: weekday,
        2: weekday,
        3: weekday,
        4: (time(9, 0), time(16, 30)),
        5: (time(9), time(12)),
    }
    assert opening_hours_text(hours) == (
        "Monday to Thursday, 8:30am to 5pm; Friday, 9am to 4:30pm; Saturday, 9am to midday"
    )


BANK_HOLIDAYS = {date(2026, 12, 25), date(2026, 12, 28)}


def test_a_fortnightly_round_runs_every_other_week_through_its_first_collection() -> None:
    # 2026-03-02 is a Monday; the round runs back before it as well as after.
    dates = regular_dates(0, 14, date(2026, 3, 2), date(2026, 2, 1), date(2026, 3, 31))
    assert dates == [
        date(2026, 2, 2),
        date(2026, 2, 16),
        date(2026, 3, 2),
        date(2026, 3, 16),
        date(2026, 3, 30),
    ]


def test_a_round_whose_first_collection_is_on_another_weekday_is_an_error() -> None:
    with pytest.raises(ValueError, match="is not a Monday"):
        regular_dates(0, 7, date(2026, 3, 3), date(2026, 3, 1), date(2026, 3, 31))


def test_a_holiday_change_moves_a_collection_into_or_out_of_the_period_asked_about() -> None:
    christmas_week = {date(2026, 12, 25): date(2026, 12, 26), date(2026, 12, 18): date(2027, 1, 2)}
    dates = collection_dates(
        4, 7, date(2026, 12, 4), date(2026, 12, 14), date(2026, 12, 31), christmas_week
    )
    assert dates == [date(2026, 12, 26)]


def test_a_weekend_or_bank_holiday_is_not_a_working_day() -> None:
    assert is_working_day(date(2026, 12, 24), BANK_HOLIDAYS)
    assert not is_working_day(date(2026, 12, 25), BANK_HOLIDAYS)
    assert not is_working_day(date(2026, 12, 26), BANK_HOLIDAYS)


def test_working_days_are_counted_past_weekends_and_bank_holidays_both_ways() -> None:
    assert add_working_days(date(2026, 12, 24), 1, BANK_HOLIDAYS) == date(2026, 12, 29)
    assert add_working_days(date(2026, 12, 29), -1, BANK_HOLIDAYS) == date(2026, 12, 24)
    assert add_working_days(date(2026, 12, 24), 0, BANK_HOLIDAYS) == date(2026, 12, 24)


def test_the_contact_centre_is_closed_before_opening_at_closing_time_and_on_bank_holidays() -> None:
    hours = {0: (time(8, 30), time(17, 0)), 4: (time(8, 30), time(17, 0))}
    london = ZoneInfo("Europe/London")
    assert is_open(datetime(2026, 12, 21, 8, 30), hours, BANK_HOLIDAYS, london)
    assert not is_open(datetime(2026, 12, 21, 8, 29), hours, BANK_HOLIDAYS, london)
    assert not is_open(datetime(2026, 12, 21, 17, 0), hours, BANK_HOLIDAYS, london)
    assert not is_open(datetime(2026, 12, 22, 10, 0), hours, BANK_HOLIDAYS, london)  # a Tuesday
    assert not is_open(datetime(2026, 12, 25, 10, 0), hours, BANK_HOLIDAYS, london)


def test_an_aware_time_is_read_in_the_councils_timezone() -> None:
    hours = {2: (time(9, 0), time(17, 0))}
    london = ZoneInfo("Europe/London")
    # 8:30 UTC on a summer Wednesday is 9:30 in London.
    assert is_open(datetime(2026, 7, 1, 8, 30, tzinfo=timezone.utc), hours, set(), london)
    assert not is_open(datetime(2026, 7, 1, 16, 30, tzinfo=timezone.utc), hours, set(), london)


@pytest.mark.parametrize(
    ("value", "said"),
    [
        (time(8, 30), "8:30am"),
        (time(17, 0), "5pm"),
        (time(12, 0), "midday"),
        (time(0, 0), "midnight"),
        (time(12, 15), "12:15pm"),
    ],
)
def test_times_are_written_the_govuk_way(value: time, said: str) -> None:
    assert format_time(value) == said


def test_a_service_with_no_opening_hours_reads_as_closed() -> None:
    assert opening_hours_text({}) == "closed"


def test_two_days_with_the_same_hours_are_joined_with_and() -> None:
    hours = {5: (time(9), time(12)), 6: (time(9), time(12))}
    assert opening_hours_text(hours) == "Saturday and Sunday, 9am to midday"
