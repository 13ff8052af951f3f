"""The demo council's repairs, parking zones and school dates load, and each mistake is named on load."""

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


# Housing repairs -----------------------------------------------------------------


def test_repair_kinds_are_recognised_in_residents_own_words(council: Council) -> None:
    rules = council.housing_repairs
    said = {
        "my radiators are stone cold": "no_heating",
        "there's no hot water": "no_hot_water",
        "the boiler keeps cutting out": "boiler",
        "water coming through the ceiling": "leak",
        "black mould in the bedroom": "damp_mould",
        "front door wont lock": "lock_door",
        "the socket is sparking": "electrics",
        "toilet wont flush": "toilet",
        "kitchen sink is blocked": "blocked_sink",
        "smashed windw": "window",
    }
    assert {text: rules.match_kind(text).key for text in said} == said
    assert rules.match_kind("hello there") is None


def test_words_in_a_description_can_make_a_repair_an_emergency(council: Council) -> None:
    rules = council.housing_repairs
    assert rules.kind("electrics").sounds_like_emergency("there's a burning smell from the socket")
    assert rules.kind("leak").sounds_like_emergency(
        "water pouring through the ceiling, can't stop it"
    )
    assert not rules.kind("leak").sounds_like_emergency("the tap drips a bit")


def test_people_who_do_not_rent_from_the_council_are_told_who_to_contact(council: Council) -> None:
    rules = council.housing_repairs
    private = rules.match_tenancy("I rent from a private landlord")
    assert private.key == "private"
    assert "01632 960320" in private.contact and "{" not in private.contact
    assert rules.match_tenancy("housing association").key == "housing_association"
    assert rules.match_tenancy("I rent from the council").key == "council"


def test_a_repairs_out_of_hours_line_that_is_not_in_council_yml_is_refused(tmp_path: Path) -> None:
    folder = broken_copy(
        tmp_path,
        "housing_repairs.yml",
        "out_of_hours_line: emergency_repairs",
        "out_of_hours_line: plumber",
    )
    with pytest.raises(CouncilDataError, match="housing_repairs.yml: out_of_hours_line 'plumber'"):
        load_council(folder)


def test_a_repair_question_without_the_answer_that_makes_it_an_emergency_is_refused(
    tmp_path: Path,
) -> None:
    folder = broken_copy(
        tmp_path,
        "housing_repairs.yml",
        '    emergency_if: "no"\n',
        "",
    )
    with pytest.raises(
        CouncilDataError, match="housing_repairs.yml: kinds > entry 1:.*give both or neither"
    ):
        load_council(folder)


def test_a_word_listed_for_two_repair_kinds_is_refused_naming_both(tmp_path: Path) -> None:
    folder = broken_copy(tmp_path, "housing_repairs.yml", "words: [damp,", "words: [boiler, damp,")
    with pytest.raises(
        CouncilDataError, match="the word 'boiler' is listed for both boiler and damp_mould"
    ):
        load_council(folder)


def test_a_tenancy_other_than_the_council_without_a_contact_is_refused(tmp_path: Path) -> None:
    folder = broken_copy(
        tmp_path,
        "housing_repairs.yml",
        "    contact: >-\n      Repairs to a home you own",
        "    notes: >-\n      Repairs to a home you own",
    )
    with pytest.raises(CouncilDataError, match="housing_repairs.yml: tenancies > entry 4"):
        load_council(folder)


def test_a_tenancy_contact_with_an_unknown_placeholder_is_refused(tmp_path: Path) -> None:
    folder = broken_copy(
        tmp_path, "housing_repairs.yml", "call {private_housing_phone} ({hours})", "call {fax}"
    )
    with pytest.raises(
        CouncilDataError, match=r"tenancy private: the placeholder \{fax\} is not one we know"
    ):
        load_council(folder)


def test_a_description_limit_that_is_too_short_is_refused(tmp_path: Path) -> None:
    folder = broken_copy(
        tmp_path, "housing_repairs.yml", "description_max_chars: 300", "description_max_chars: 5"
    )
    with pytest.raises(
        CouncilDataError, match="description_max_chars: should be between 20 and 1000"
    ):
        load_council(folder)


def test_a_council_without_a_repairs_file_still_loads(tmp_path: Path) -> None:
    folder = broken_copy(tmp_path, "council.yml", "name: Example", "name: Example")
    (folder / "housing_repairs.yml").unlink()
    assert load_council(folder).housing_repairs is None


# Parking -------------------------------------------------------------------------


def test_streets_are_in_their_parking_zone_and_others_need_no_permit(council: Council) -> None:
    parking = council.parking
    assert parking.zone_for("Citadel Mews").key == "A"
    assert parking.zone_for("mutley gardens").key == "B"
    assert parking.zone_for("Tamar Road") is None
    assert council.config.contact.phone in parking.payment


def test_a_zone_street_that_is_not_in_streets_csv_is_refused(tmp_path: Path) -> None:
    folder = broken_copy(
        tmp_path, "parking.yml", "      - Citadel Mews\n", "      - Citadel Mewz\n"
    )
    with pytest.raises(
        CouncilDataError,
        match="parking.yml: zone A: the street 'Citadel Mewz' is not in streets.csv",
    ):
        load_council(folder)


def test_a_street_in_two_zones_is_refused(tmp_path: Path) -> None:
    folder = broken_copy(
        tmp_path,
        "parking.yml",
        "      - Hartley Rise\n",
        "      - Hartley Rise\n      - Citadel Mews\n",
    )
    with pytest.raises(CouncilDataError, match="'Citadel Mews' is in both zone A and zone B"):
        load_council(folder)


def test_a_zone_selling_an_unknown_permit_is_refused(tmp_path: Path) -> None:
    folder = broken_copy(
        tmp_path, "parking.yml", "      business: {price: 150.00", "      carer: {price: 150.00"
    )
    with pytest.raises(CouncilDataError, match="zone C: the permit 'carer' is not in permit_types"):
        load_council(folder)


def test_a_household_limit_below_one_is_refused(tmp_path: Path) -> None:
    folder = broken_copy(
        tmp_path,
        "parking.yml",
        "resident: {price: 60.00, max_per_household: 2}",
        "resident: {price: 60.00, max_per_household: 0}",
    )
    with pytest.raises(CouncilDataError, match="max_per_household: should be at least 1"):
        load_council(folder)


def test_a_negative_permit_price_is_refused(tmp_path: Path) -> None:
    folder = broken_copy(
        tmp_path, "parking.yml", "resident: {price: 60.00", "resident: {price: -60.00"
    )
    with pytest.raises(CouncilDataError, match="price: cannot be negative"):
        load_council(folder)


def test_a_fine_discount_longer_than_the_time_to_pay_is_refused(tmp_path: Path) -> None:
    folder = broken_copy(tmp_path, "parking.yml", "discount_days: 14", "discount_days: 40")
    with pytest.raises(
        CouncilDataError, match="discount_days should be between 1 and pay_within_days"
    ):
        load_council(folder)


# Schools -------------------------------------------------------------------------


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


def test_a_misspelt_field_is_named_as_unknown(tmp_path: Path) -> None:
    folder = broken_copy(
        tmp_path, "parking.yml", "evidence_within_working_days:", "evidence_within_workdays:"
    )
    with pytest.raises(
        CouncilDataError, match="parking.yml: evidence_within_workdays: is not a field we know"
    ):
        load_council(folder)


def test_an_emergency_answer_other_than_yes_or_no_is_refused(tmp_path: Path) -> None:
    folder = broken_copy(
        tmp_path, "housing_repairs.yml", 'emergency_if: "no"', 'emergency_if: "maybe"'
    )
    with pytest.raises(
        CouncilDataError, match="kinds > entry 1 > emergency_if: should be 'yes' or 'no'"
    ):
        load_council(folder)
