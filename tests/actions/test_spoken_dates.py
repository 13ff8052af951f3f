"""Dates as residents type them, and the council's window around today."""

from __future__ import annotations

from datetime import date

import pytest

from actions.spoken_dates import check_date, date_candidates

TUESDAY = date(2026, 12, 1)


@pytest.mark.parametrize(
    ("said", "meant"),
    [
        ("12/01/2027", date(2027, 1, 12)),
        ("12-1-27", date(2027, 1, 12)),
        ("2027-01-12", date(2027, 1, 12)),
        ("1st March", date(2027, 3, 1)),
        ("the 3rd of january", date(2027, 1, 3)),
        ("March 1st 2027", date(2027, 3, 1)),
        ("next Friday", date(2026, 12, 4)),
        ("last Monday", date(2026, 11, 30)),
        ("today", TUESDAY),
        ("tomorrow", date(2026, 12, 2)),
        ("2 weeks ago", date(2026, 11, 17)),
        ("on 20 nov", date(2026, 11, 20)),
    ],
)
def test_dates_are_read_as_residents_type_them(said: str, meant: date) -> None:
    assert check_date(said, TUESDAY, 365, 90).day == meant


def test_a_date_without_a_year_is_the_one_in_the_window_nearest_today() -> None:
    assert date_candidates("1st March", TUESDAY) == [
        date(2025, 3, 1),
        date(2026, 3, 1),
        date(2027, 3, 1),
    ]
    assert check_date("1st March", TUESDAY, 365, 0).day == date(2026, 3, 1)


def test_dates_outside_the_window_say_which_side_and_impossible_dates_are_named() -> None:
    assert check_date("01/01/2020", TUESDAY, 365, 90).problem == "too_early"
    assert check_date("01/01/2030", TUESDAY, 365, 90).problem == "too_late"
    assert check_date("30/02/2027", TUESDAY, 365, 90).problem == "not_a_date"
    assert check_date("whenever", TUESDAY, 365, 90).problem == "unreadable"
