"""Nearest venues by straight-line distance, opening hours and "open now", with fixed clocks."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from bot.council import DEFAULT_COUNCIL_DIR, get_council
from bot.records.postcodes import get_postcode_directory
from bot.records.venues import (
    VenueFinder,
    VenueWants,
    hours_today_text,
    is_open_at,
    miles_text,
    parse_session_label,
    session_label,
    upcoming_sessions,
)

TUESDAY_11AM = datetime(2026, 11, 24, 11, 0)
SUNDAY_NOON = datetime(2026, 11, 29, 12, 0)


@pytest.fixture(scope="module")
def council():  # type: ignore[no-untyped-def]
    return get_council(DEFAULT_COUNCIL_DIR)


@pytest.fixture(scope="module")
def finder(council) -> VenueFinder:  # type: ignore[no-untyped-def]
    return VenueFinder(council.venues, council.venue_positions)


def venue(council, venue_id: str):  # type: ignore[no-untyped-def]
    return next(v for v in council.venues if v.id == venue_id)


def at(postcode: str) -> tuple[float, float]:
    record = get_postcode_directory().lookup(postcode)
    assert record is not None
    return record.easting, record.northing


def test_distances_are_shown_in_miles_to_one_decimal_place() -> None:
    assert miles_text(644) == "0.4 miles"
    assert miles_text(1609.344) == "1 mile"
    assert miles_text(3700) == "2.3 miles"
    assert miles_text(20) == "less than 0.1 miles"


def test_the_nearest_venue_to_its_own_postcode_is_itself(finder: VenueFinder) -> None:
    nearest = finder.nearest(*at("PL7 2EX"), at=TUESDAY_11AM)
    assert nearest[0].venue.id == "plympton-library"
    assert nearest[0].metres == 0


def test_venues_come_nearest_first_and_three_at_most(finder: VenueFinder) -> None:
    nearest = finder.nearest(*at("PL1 2JT"), at=TUESDAY_11AM)
    assert len(nearest) == 3
    assert [n.metres for n in nearest] == sorted(n.metres for n in nearest)
    assert nearest[0].venue.id == "central-library"


def test_the_distance_is_the_straight_line_on_the_national_grid(finder: VenueFinder) -> None:
    nearest = finder.nearest(*at("PL1 2JT"), at=TUESDAY_11AM, limit=1)[0]
    expected = get_postcode_directory().distance_m("PL1 2JT", "PL4 8AL")
    assert nearest.metres == pytest.approx(expected)


def test_only_venues_with_every_facility_asked_for_are_suggested(finder: VenueFinder) -> None:
    wants = VenueWants(facilities=frozenset({"hearing_loop", "printing"}))
    found = finder.nearest(*at("PL2 1DE"), wants, TUESDAY_11AM, limit=10)
    assert found and all({"hearing_loop", "printing"} <= set(n.venue.facilities) for n in found)
    assert "keyham-community-centre" not in {n.venue.id for n in found}


def test_a_venue_open_on_the_day_asked_for_is_suggested(finder: VenueFinder) -> None:
    wants = VenueWants(days=frozenset({6}))
    found = finder.nearest(*at("PL1 2JT"), wants, TUESDAY_11AM, limit=10)
    assert [n.venue.id for n in found] == ["stonehouse-digital-cafe"]


def test_open_now_leaves_out_venues_that_are_closed_at_that_moment(finder: VenueFinder) -> None:
    wants = VenueWants(open_now=True)
    found = finder.nearest(*at("PL1 2JT"), wants, SUNDAY_NOON, limit=10)
    assert [n.venue.id for n in found] == ["stonehouse-digital-cafe"]


def test_a_barrier_needs_one_of_the_facilities_that_help_with_it(finder: VenueFinder) -> None:
    wants = VenueWants(any_of=frozenset({"courses", "assisted_digital"}))
    found = finder.nearest(*at("PL1 2JT"), wants, TUESDAY_11AM, limit=20)
    assert all({"courses", "assisted_digital"} & set(n.venue.facilities) for n in found)
    assert "crownhill-library" not in {n.venue.id for n in found}


def test_a_venue_is_open_from_opening_time_until_just_before_closing(council) -> None:  # type: ignore[no-untyped-def]
    library = venue(council, "central-library")  # Tuesday 09:00-18:00
    assert not is_open_at(library, datetime(2026, 11, 24, 8, 59))
    assert is_open_at(library, datetime(2026, 11, 24, 9, 0))
    assert not is_open_at(library, datetime(2026, 11, 24, 18, 0))
    assert not is_open_at(library, SUNDAY_NOON)


def test_a_venue_is_closed_on_a_bank_holiday(council) -> None:  # type: ignore[no-untyped-def]
    library = venue(council, "central-library")
    assert not is_open_at(library, TUESDAY_11AM, closed_days={date(2026, 11, 24)})


def test_todays_hours_say_open_now_or_when_it_opens(council) -> None:  # type: ignore[no-untyped-def]
    library = venue(council, "central-library")
    assert hours_today_text(library, TUESDAY_11AM) == "Open now, until 6pm"
    assert (
        hours_today_text(library, datetime(2026, 11, 24, 8, 0)) == "Opens today at 9am, until 6pm"
    )
    assert hours_today_text(library, datetime(2026, 11, 24, 19, 0)).startswith("Closed now")
    assert hours_today_text(library, SUNDAY_NOON) == "Closed today"


def test_upcoming_sessions_are_the_next_two_weeks_of_weekly_slots(council) -> None:  # type: ignore[no-untyped-def]
    library = venue(council, "central-library")  # Tuesday 10:00, Thursday 14:00, Saturday 10:30
    sessions = upcoming_sessions(library, TUESDAY_11AM, days=7)
    assert [s[0] for s in sessions] == [
        datetime(2026, 11, 26, 14, 0),
        datetime(2026, 11, 28, 10, 30),
        datetime(2026, 12, 1, 10, 0),
    ]
    assert sessions[0][1:] == (60, 4)


def test_sessions_on_bank_holidays_are_not_offered(council) -> None:  # type: ignore[no-untyped-def]
    library = venue(council, "central-library")
    sessions = upcoming_sessions(library, TUESDAY_11AM, days=7, closed_days={date(2026, 11, 26)})
    assert datetime(2026, 11, 26, 14, 0) not in [s[0] for s in sessions]


def test_a_session_is_picked_by_its_label_or_by_a_unique_day_name() -> None:
    options = [datetime(2026, 11, 26, 14, 0), datetime(2026, 11, 28, 10, 30)]
    assert session_label(options[1]) == "Saturday 28 November, 10:30am"
    assert parse_session_label("Saturday 28 November, 10:30am", options) == options[1]
    assert parse_session_label("thursday please", options) == options[0]
    assert parse_session_label("next month", options) is None


@pytest.mark.clock(datetime(2026, 11, 29, 12, 0, tzinfo=ZoneInfo("Europe/London")))
def test_open_now_without_a_time_reads_the_council_clock(finder: VenueFinder) -> None:
    wants = VenueWants(open_now=True)
    assert finder.nearest(*at("PL1 2JT"), wants, limit=20) == finder.nearest(
        *at("PL1 2JT"), wants, SUNDAY_NOON, limit=20
    )
