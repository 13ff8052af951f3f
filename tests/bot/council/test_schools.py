"""The demo council's school admissions dates are quoted relative to today; each mistake in schools.yml is named on load."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from bot.council import Council, CouncilDataError, get_council, load_council
from tests.bot.council.test_council import broken_copy


@pytest.fixture
def council() -> Council:
    return get_council()


def _say(day: date) -> str:
    return f"{day.strftime('%A')} {day.day} {day.strftime('%B')} {day.year}"


def test_the_next_secondary_date_after_the_closing_date_says_it_has_passed(
    council: Council,
) -> None:
    secondary = council.schools.topic("secondary")
    lines = secondary.dates_now(date(2026, 12, 1), _say)
    assert lines[0].startswith(
        "Applications for secondary school places starting September 2027 closed on "
        "Saturday 31 October 2026, which has passed. Late applications"
    )
    assert "Monday 1 March 2027 (national offer day)" in lines[1]


def test_before_the_closing_date_the_closing_date_comes_next(council: Council) -> None:
    lines = council.schools.topic("secondary").dates_now(date(2026, 10, 1), _say)
    assert lines[-1].startswith("Applications close on Saturday 31 October 2026")


def test_school_topics_are_recognised_in_residents_words(council: Council) -> None:
    schools = council.schools
    assert schools.match_topic("my son starts year 7 next year").key == "secondary"
    assert schools.match_topic("how do I appeal").key == "appeals"
    assert schools.match_topic("we've moved house and need to change school").key == "in_year"
    assert schools.match_topic("where is my daughter on the waiting list").key == "waiting_list"
    assert schools.match_topic("starting reception").key == "primary"


def test_school_dates_out_of_order_are_refused(tmp_path: Path) -> None:
    folder = broken_copy(tmp_path, "schools.yml", "- date: 2027-01-15", "- date: 2026-01-15")
    with pytest.raises(
        CouncilDataError,
        match="schools.yml: topics > entry 1 > dates: 2026-01-15 should come after",
    ):
        load_council(folder)


def test_a_school_date_text_that_does_not_say_when_is_refused(tmp_path: Path) -> None:
    folder = broken_copy(tmp_path, "schools.yml", "open on {date}.", "open soon.")
    with pytest.raises(
        CouncilDataError,
        match=r"schools.yml: topics > entry 1 > dates > entry 1 > before: should say when",
    ):
        load_council(folder)


def test_a_school_topic_listed_twice_is_refused(tmp_path: Path) -> None:
    folder = broken_copy(tmp_path, "schools.yml", "  - key: appeals", "  - key: primary")
    with pytest.raises(CouncilDataError, match="the topic 'primary' is listed twice"):
        load_council(folder)
