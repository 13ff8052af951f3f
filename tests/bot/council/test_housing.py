"""The demo council's housing repairs load and answer in residents' words; each mistake in housing_repairs.yml is named on load."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.council import Council, CouncilDataError, get_council, load_council
from tests.bot.council.test_council import broken_copy


@pytest.fixture
def council() -> Council:
    return get_council()


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


def test_an_emergency_answer_other_than_yes_or_no_is_refused(tmp_path: Path) -> None:
    folder = broken_copy(
        tmp_path, "housing_repairs.yml", 'emergency_if: "no"', 'emergency_if: "maybe"'
    )
    with pytest.raises(
        CouncilDataError, match="kinds > entry 1 > emergency_if: should be 'yes' or 'no'"
    ):
        load_council(folder)
