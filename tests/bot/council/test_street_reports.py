"""The demo council's fly-tipping and street problem lists, and mistakes in them named on load."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.council import CouncilDataError, get_council, load_council
from tests.bot.council.test_council import broken_copy


def test_hazardous_fly_tipping_is_cleared_quicker_than_bags_and_sofas() -> None:
    rules = get_council().fly_tipping
    hazardous = {kind.key for kind in rules.kinds if kind.hazardous}
    assert hazardous == {"asbestos", "chemicals", "needles"}
    quickest_ordinary = min(k.clear_within_working_days for k in rules.kinds if not k.hazardous)
    assert all(rules.kind(key).clear_within_working_days < quickest_ordinary for key in hazardous)
    assert "don't touch" in rules.hazard_advice


def test_fly_tipping_amounts_run_from_a_bag_to_a_van_load() -> None:
    assert [a.name for a in get_council().fly_tipping.amounts] == [
        "A bag or two", "A car boot load", "A van load or more",
    ]  # fmt: skip


def test_a_dangerous_pothole_is_made_safe_within_24_hours_and_offensive_graffiti_next_day() -> None:
    rules = get_council().street_problems
    assert rules.kind("pothole").urgent.within_hours == 24
    assert rules.kind("graffiti").urgent.within_working_days == 1
    assert rules.kind("street_light").asks_lamp_number


def test_a_word_used_for_two_fly_tipping_kinds_is_refused(tmp_path: Path) -> None:
    folder = broken_copy(
        tmp_path, "fly_tipping.yml", "synonyms: [tyres,", "synonyms: [mattress, tyres,"
    )
    with pytest.raises(
        CouncilDataError, match="fly_tipping.yml: kinds: 'mattress' is used for both"
    ):
        load_council(folder)


def test_a_negative_clearing_time_is_refused(tmp_path: Path) -> None:
    folder = broken_copy(
        tmp_path, "fly_tipping.yml", "clear_within_working_days: 3", "clear_within_working_days: -3"
    )
    with pytest.raises(CouncilDataError, match="clear_within_working_days: cannot be negative"):
        load_council(folder)


def test_a_misspelt_field_is_named(tmp_path: Path) -> None:
    folder = broken_copy(tmp_path, "fly_tipping.yml", "    hazardous: true", "    hazardus: true")
    with pytest.raises(CouncilDataError, match="hazardus: is not a field we know"):
        load_council(folder)


def test_an_urgent_check_needs_exactly_one_timescale(tmp_path: Path) -> None:
    folder = broken_copy(
        tmp_path, "street_problems.yml", "      within_hours: 24\n      label: dangerous pothole",
        "      label: dangerous pothole",
    )  # fmt: skip
    with pytest.raises(CouncilDataError, match="give within_hours or within_working_days"):
        load_council(folder)


def test_an_urgent_timescale_slower_than_the_normal_one_is_refused(tmp_path: Path) -> None:
    folder = broken_copy(
        tmp_path,
        "street_problems.yml",
        "      within_working_days: 1\n",
        "      within_working_days: 12\n",
    )
    with pytest.raises(CouncilDataError, match="should be quicker than fix_within_working_days"):
        load_council(folder)


def test_a_street_problem_kind_listed_twice_is_refused(tmp_path: Path) -> None:
    folder = broken_copy(tmp_path, "street_problems.yml", "key: graffiti", "key: pothole")
    with pytest.raises(
        CouncilDataError, match="street_problems.yml: kinds: kind 'pothole' is listed twice"
    ):
        load_council(folder)
