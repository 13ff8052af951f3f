"""Dates as residents type them, and the council's window around today."""

from __future__ import annotations

from datetime import date

import pytest

from actions.forms.spoken_dates import NotADate, check_date, date_candidates

TUESDAY = date(2026, 12, 1)


@pytest.mark.parametrize(
    ("said", "meant"),
    [
        ("12/01/2027", date(2027, 1, 12)),
        ("12-1-27", date(2027, 1, 12)),
        ("10/11/26", date(2026, 11, 10)),
        ("2027-01-12", date(2027, 1, 12)),
        ("1st March", date(2027, 3, 1)),
        ("the 3rd of january", date(2027, 1, 3)),
        ("March 1st 2027", date(2027, 3, 1)),
        ("next Friday", date(2026, 12, 4)),
        ("last Monday", date(2026, 11, 30)),
        ("monday just gone", date(2026, 11, 30)),
        ("next wed", date(2026, 12, 2)),
        ("today", TUESDAY),
        ("right now", TUESDAY),
        ("tomorrow", date(2026, 12, 2)),
        ("yesterday", date(2026, 11, 30)),
        ("day before yesterday", date(2026, 11, 29)),
        ("2 weeks ago", date(2026, 11, 17)),
        ("a week ago", date(2026, 11, 24)),
        ("erm about 3 weeks ago", date(2026, 11, 10)),
        ("a fortnight ago", date(2026, 11, 17)),
        ("in 2 weeks", date(2026, 12, 15)),
        ("on 20 nov", date(2026, 11, 20)),
        ("since 3rd oct", date(2026, 10, 3)),
        ("the twenty first of october", date(2026, 10, 21)),
        ("second of january 2027", date(2027, 1, 2)),
        ("friday 14th november", date(2026, 11, 14)),
        ("he left on the 14th of november 2026", date(2026, 11, 14)),
        ("3.11.26", date(2026, 11, 3)),
    ],
)
def test_dates_are_read_as_residents_type_them(said: str, meant: date) -> None:
    assert check_date(said, TUESDAY, 365, 90).day == meant


@pytest.mark.parametrize(
    ("said", "meant"),
    [
        ("from the start of this month", date(2026, 12, 1)),
        ("start of the month", date(2026, 12, 1)),
        ("the 1st of the month", date(2026, 12, 1)),
        ("beginning of last month", date(2026, 11, 1)),
        ("end of last month", date(2026, 11, 30)),
        ("since the beginning of november", date(2026, 11, 1)),
        ("mid november", date(2026, 11, 15)),
        ("the end of october 2026", date(2026, 10, 31)),
        ("he left on the 14th of november", date(2026, 11, 14)),
        ("the 14th of november", date(2026, 11, 14)),
        ("14/11", date(2026, 11, 14)),
        ("last friday", date(2026, 11, 27)),
        ("on the 14th", date(2026, 11, 14)),
        ("i may have moved on the 3rd", date(2026, 11, 3)),
        ("wrong date, it's the 15th", date(2026, 11, 15)),
        ("a couple of weeks ago", date(2026, 11, 17)),
        ("3 weeks back", date(2026, 11, 10)),
        ("the monday before last", date(2026, 11, 23)),
        ("since friday", date(2026, 11, 27)),
        ("since the 1st", date(2026, 12, 1)),
        ("on the first", date(2026, 12, 1)),
        ("first of the month", date(2026, 12, 1)),
        ("last night", date(2026, 11, 30)),
        ("this morning", date(2026, 12, 1)),
        ("end of oct", date(2026, 10, 31)),
        ("nov 12th", date(2026, 11, 12)),
    ],
)
def test_past_dates_in_a_sentence_are_read_from_the_council_s_today(said: str, meant: date) -> None:
    # A date something happened from (a discount, a change): nothing ahead of today is allowed.
    assert check_date(said, TUESDAY, 365, 0).day == meant


def test_a_date_without_a_year_is_the_one_in_the_window_nearest_today() -> None:
    assert date_candidates("1st March", TUESDAY) == [
        date(2025, 3, 1),
        date(2026, 3, 1),
        date(2027, 3, 1),
    ]
    assert check_date("1st March", TUESDAY, 365, 0).day == date(2026, 3, 1)


def test_a_day_without_a_month_is_this_month_or_the_one_either_side() -> None:
    assert date_candidates("the 5th", TUESDAY) == [
        date(2026, 11, 5),
        date(2026, 12, 5),
        date(2027, 1, 5),
    ]
    assert check_date("on the 5th", TUESDAY, 0, 90).day == date(2026, 12, 5)


def test_days_are_read_day_first_as_in_britain() -> None:
    assert check_date("03/11", TUESDAY, 365, 90).day == date(2026, 11, 3)
    assert check_date("11/03", TUESDAY, 365, 0).day == date(2026, 3, 11)


@pytest.mark.parametrize(
    "said",
    [
        "whenever",
        "sorry 51948230",
        "51948230",
        "14",
        "he moved out in march",
        "no idea",
        "PL1 2AA",
        "it was my first time",
    ],
)
def test_words_that_name_no_single_day_are_not_taken_for_one(said: str) -> None:
    assert date_candidates(said, TUESDAY) == []


@pytest.mark.parametrize("said", ["30/02/2027", "31st june", "31/04", "29/02"])
def test_days_that_do_not_exist_are_named_as_such(said: str) -> None:
    with pytest.raises(NotADate):
        date_candidates(said, TUESDAY)


def test_dates_outside_the_window_say_which_side_and_impossible_dates_are_named() -> None:
    assert check_date("01/01/2020", TUESDAY, 365, 90).problem == "too_early"
    assert check_date("01/01/2030", TUESDAY, 365, 90).problem == "too_late"
    assert check_date("30/02/2027", TUESDAY, 365, 90).problem == "not_a_date"
    assert check_date("whenever", TUESDAY, 365, 90).problem == "unreadable"


@pytest.mark.parametrize(
    "said",
    ["next month", "I'm moving out of the area next month", "this week", "sometime next year"],
)
def test_a_period_is_not_a_day_so_the_day_is_asked_for(said):
    assert date_candidates(said, TUESDAY) == []
