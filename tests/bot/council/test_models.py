"""The council data models: opening hours, rounds, streets and the advisors' wait estimate (bot/council/models.py)."""

from __future__ import annotations

from datetime import date, time

import pytest
from pydantic import ValidationError

from bot.council.models import AdvisorSettings, Round, Street, parse_hours


def test_opening_hours_are_read_from_a_range_or_the_word_closed() -> None:
    assert parse_hours("08:30-17:00") == (time(8, 30), time(17, 0))
    assert parse_hours(" Closed ") is None


@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        ("8.30 to 5", "should look like 08:30-17:00 or closed"),
        ("08:30-25:00", "is not a real time"),
        ("17:00-08:30", "closes before it opens"),
    ],
)
def test_opening_hours_that_cannot_be_read_say_what_is_wrong(text: str, complaint: str) -> None:
    with pytest.raises(ValueError, match=complaint):
        parse_hours(text)


def test_a_round_takes_its_weekday_by_name_and_knows_how_often_it_comes() -> None:
    weekly = Round(
        round_id="R1",
        bin_type="food",
        weekday="Monday",
        frequency="weekly",
        first_collection=date(2026, 3, 2),
    )
    fortnightly = weekly.copy(update={"frequency": "fortnightly"})
    assert weekly.weekday == 0
    assert (weekly.every_days, fortnightly.every_days) == (7, 14)


def test_a_round_whose_first_collection_is_not_on_its_weekday_is_refused() -> None:
    with pytest.raises(ValidationError, match="is a Tuesday, not a Monday"):
        Round(
            round_id="R1",
            bin_type="food",
            weekday="monday",
            frequency="weekly",
            first_collection=date(2026, 3, 3),
        )


def test_a_long_street_is_named_with_its_house_numbers_and_area() -> None:
    part = Street(
        street_id="S1",
        name="Harbour View Road",
        locality="Keyham",
        postcode="PL2 1AA",
        first_number=41,
        last_number=98,
        rounds=(("general", "R1"),),
    )
    assert part.label == "Harbour View Road (41 to 98), Keyham"
    assert part.covers(41) and part.covers(98)
    assert not part.covers(40) and not part.covers(99)
    assert part.round_id("general") == "R1"
    assert part.round_id("garden") is None


def test_a_street_without_a_number_range_covers_every_house() -> None:
    street = Street(street_id="S2", name="Tamar Close", postcode="PL1 2AA")
    assert street.label == "Tamar Close"
    assert street.covers(1) and street.covers(2000)


def test_the_wait_estimate_grows_with_the_queue_and_shrinks_with_more_advisors() -> None:
    one = AdvisorSettings(
        minutes_per_conversation=8, advisors_on_duty=1, close_outcomes=("resolved",)
    )
    three = one.copy(update={"advisors_on_duty": 3})
    assert [one.estimated_wait_minutes(place) for place in (1, 2, 3)] == [8, 16, 24]
    assert [three.estimated_wait_minutes(place) for place in (1, 2, 3, 4)] == [3, 6, 8, 11]


def test_advisor_settings_without_a_close_outcome_or_advisors_are_refused() -> None:
    with pytest.raises(ValidationError, match="at least one outcome"):
        AdvisorSettings(close_outcomes=())
    with pytest.raises(ValidationError, match="must be at least 1"):
        AdvisorSettings(advisors_on_duty=0, close_outcomes=("resolved",))
