"""The loader reads the venues and bulky waste files, checking each entry and naming any mistake (bot/council/loader.py)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from bot.council import DEFAULT_COUNCIL_DIR, Council, CouncilDataError, get_council, load_council
from tests.bot.council.test_council import broken_copy


def test_the_demo_council_has_plymouth_venues_with_positions_looked_up_at_load() -> None:
    council = get_council(DEFAULT_COUNCIL_DIR)
    assert 10 <= len(council.venues) <= 15
    assert set(council.venue_positions) == {venue.id for venue in council.venues}
    assert any(venue.sessions for venue in council.venues)
    assert {venue.kind for venue in council.venues} == {"library", "community_centre", "partner"}


def test_a_council_without_a_venues_file_still_loads(tmp_path: Path) -> None:
    folder = broken_copy(tmp_path, "council.yml", "name:", "name:")
    (folder / "venues.yml").unlink()
    assert load_council(folder).venues == ()


def test_a_venue_outside_the_council_area_is_refused(tmp_path: Path) -> None:
    folder = broken_copy(tmp_path, "venues.yml", "postcode: PL4 8AL", "postcode: PL12 4AA")
    with pytest.raises(
        CouncilDataError,
        match=r"venues\.yml venue central-library: postcode PL12 4AA is in Cornwall Council \(E06000052\), not in E06000026",
    ):
        load_council(folder)


def test_a_venue_postcode_that_does_not_exist_is_refused(tmp_path: Path) -> None:
    folder = broken_copy(tmp_path, "venues.yml", "postcode: PL4 8AL", "postcode: PL4 9ZZ")
    with pytest.raises(CouncilDataError, match="not in the ONS Postcode Directory"):
        load_council(folder)


def test_a_facility_outside_the_fixed_list_is_refused(tmp_path: Path) -> None:
    folder = broken_copy(
        tmp_path, "venues.yml", "facilities: [wifi, courses", "facilities: [wify, courses"
    )
    with pytest.raises(
        CouncilDataError, match=r"venue keyham-community-centre: facilities: 'wify' is not one of"
    ):
        load_council(folder)


def test_opening_hours_that_close_before_they_open_are_refused(tmp_path: Path) -> None:
    folder = broken_copy(tmp_path, "venues.yml", "monday: 09:00-18:00", "monday: 18:00-09:00")
    with pytest.raises(
        CouncilDataError, match="opening_hours: '18:00-09:00' closes before it opens"
    ):
        load_council(folder)


def test_a_session_outside_opening_hours_is_refused(tmp_path: Path) -> None:
    folder = broken_copy(
        tmp_path,
        "venues.yml",
        'time: "10:00", minutes: 60, capacity: 4',
        'time: "20:00", minutes: 60, capacity: 4',
    )
    with pytest.raises(
        CouncilDataError, match="Tuesday 20:00 session is outside the opening hours"
    ):
        load_council(folder)


def test_sessions_at_a_venue_without_assisted_digital_are_refused(tmp_path: Path) -> None:
    folder = broken_copy(
        tmp_path,
        "venues.yml",
        "facilities: [computers, wifi, printing, assisted_digital, step_free]",
        "facilities: [computers, wifi, printing, step_free]",
    )
    with pytest.raises(
        CouncilDataError, match="devonport-library: has sessions but does not list assisted_digital"
    ):
        load_council(folder)


def test_a_session_with_no_capacity_is_refused(tmp_path: Path) -> None:
    folder = broken_copy(
        tmp_path, "venues.yml", "minutes: 60, capacity: 2}", "minutes: 60, capacity: 0}"
    )
    with pytest.raises(CouncilDataError, match="sessions > entry 1 > capacity: must be at least 1"):
        load_council(folder)


def test_a_venue_id_used_twice_is_refused(tmp_path: Path) -> None:
    folder = broken_copy(tmp_path, "venues.yml", "id: devonport-library", "id: central-library")
    with pytest.raises(CouncilDataError, match="the id 'central-library' is used twice"):
        load_council(folder)


@pytest.fixture
def council() -> Council:
    return get_council()


def test_the_demo_price_list_loads_with_the_phone_number_filled_in(council: Council) -> None:
    rules = council.bulky_waste
    assert {item.key for item in rules.items} >= {"sofa", "mattress", "fridge_freezer"}
    assert council.config.contact.phone in rules.payment.by_text
    assert council.config.contact.phone in rules.payment.otherwise
    assert "https://www.example-borough.gov.uk/pay/bulky-waste" in rules.payment.otherwise
    assert "{phone}" not in " ".join(entry.instead for entry in rules.not_collected)


def test_collection_days_give_notice_skip_bank_holidays_and_carry_their_capacity(
    council: Council,
) -> None:
    days = dict(council.bulky_collection_days(date(2026, 11, 22)))
    assert min(days) == date(2026, 11, 24)  # Tuesday, two working days after a Sunday
    assert days[date(2026, 11, 24)] == 6 and days[date(2026, 11, 28)] == 4  # Saturdays take fewer
    assert date(2026, 11, 25) not in days  # no Wednesday round
    later = dict(council.bulky_collection_days(date(2027, 12, 20)))
    assert date(2027, 12, 28) not in later  # a Tuesday, but the Boxing Day bank holiday


def test_a_booking_can_be_cancelled_until_the_working_day_before(council: Council) -> None:
    assert council.bulky_cancel_deadline(date(2026, 11, 24)) == date(2026, 11, 23)
    assert council.bulky_cancel_deadline(date(2026, 11, 28)) == date(2026, 11, 27)


def test_a_word_used_for_two_items_is_refused_naming_both(tmp_path: Path) -> None:
    folder = broken_copy(
        tmp_path, "bulky_waste.yml", "synonyms: [washer,", "synonyms: [fridge, washer,"
    )
    with pytest.raises(CouncilDataError, match="bulky_waste.yml: 'fridge' is used for both"):
        load_council(folder)


def test_an_unknown_collection_day_is_refused_naming_the_file(tmp_path: Path) -> None:
    folder = broken_copy(tmp_path, "bulky_waste.yml", "  thursday: 6", "  thursdy: 6")
    with pytest.raises(
        CouncilDataError, match="bulky_waste.yml: collection_days: 'thursdy' is not a day"
    ):
        load_council(folder)


def test_an_unknown_placeholder_in_the_payment_text_is_refused(tmp_path: Path) -> None:
    folder = broken_copy(tmp_path, "bulky_waste.yml", "call us on {phone}", "call us on {fax}")
    with pytest.raises(
        CouncilDataError, match=r"bulky_waste.yml: payment by_text: the placeholder \{fax\}"
    ):
        load_council(folder)
