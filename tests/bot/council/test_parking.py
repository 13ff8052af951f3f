"""The demo council's parking zones load; each mistake in parking.yml is named on load."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.council import Council, CouncilDataError, get_council, load_council
from tests.bot.council.test_council import broken_copy


@pytest.fixture
def council() -> Council:
    return get_council()


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


def test_a_misspelt_field_is_named_as_unknown(tmp_path: Path) -> None:
    folder = broken_copy(
        tmp_path, "parking.yml", "evidence_within_working_days:", "evidence_within_workdays:"
    )
    with pytest.raises(
        CouncilDataError, match="parking.yml: evidence_within_workdays: is not a field we know"
    ):
        load_council(folder)
