"""The demo council's bin prices and larger-bin rule, and mistakes in bin_requests.yml named on load."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from bot.council import CouncilDataError, get_council, load_council
from tests.bot.council.test_council import broken_copy


def test_a_replacement_wheelie_bin_costs_25_pounds_and_boxes_and_caddies_are_free() -> None:
    rules = get_council().bin_requests
    assert rules.container("general").price("stolen") == Decimal("25.00")
    assert rules.container("glass").price("damaged") == Decimal("0.00")
    assert rules.container("food").price("lost") == Decimal("0.00")


def test_a_bin_our_crew_damaged_is_replaced_free() -> None:
    assert get_council().bin_requests.container("general").price("crew_damaged") == Decimal("0.00")


def test_an_extra_black_bin_is_not_offered_and_the_larger_bin_rule_is_explained() -> None:
    rules = get_council().bin_requests
    assert rules.container("general").price("extra") is None
    assert "larger bin" in rules.container("general").not_offered
    assert rules.larger_bin.min_household == 6 and rules.larger_bin.medical_need


def test_placeholders_are_filled_in_the_payment_and_refusal_texts() -> None:
    council = get_council()
    payment = council.bin_requests.payment
    assert council.config.contact.phone in payment.by_text
    assert council.config.contact.phone in payment.otherwise and payment.link in payment.otherwise
    assert "{phone}" not in council.bin_requests.container("garden").not_offered


def test_a_container_for_a_bin_type_not_in_bins_yml_is_refused(tmp_path: Path) -> None:
    folder = broken_copy(tmp_path, "bin_requests.yml", "bin_type: glass", "bin_type: glas")
    with pytest.raises(
        CouncilDataError, match="bin_requests.yml: containers: bin type 'glas' is not in bins.yml"
    ):
        load_council(folder)


def test_a_charge_for_an_unknown_reason_is_refused_naming_it(tmp_path: Path) -> None:
    folder = broken_copy(tmp_path, "bin_requests.yml", "{new_home: 25.00,", "{new_house: 25.00,")
    with pytest.raises(CouncilDataError, match="general: charges name the reason 'new_house'"):
        load_council(folder)


def test_a_negative_price_is_refused(tmp_path: Path) -> None:
    folder = broken_copy(
        tmp_path,
        "bin_requests.yml",
        "stolen: 25.00, lost: 25.00, larger",
        "stolen: -5, lost: 25.00, larger",
    )
    with pytest.raises(CouncilDataError, match="stolen: the price cannot be negative"):
        load_council(folder)


def test_a_word_used_for_two_reasons_is_refused_naming_both(tmp_path: Path) -> None:
    folder = broken_copy(
        tmp_path, "bin_requests.yml", "synonyms: [stolen,", "synonyms: [broken, stolen,"
    )
    with pytest.raises(CouncilDataError, match="'broken' is used for both damaged and stolen"):
        load_council(folder)


def test_a_missing_larger_bin_rule_is_named(tmp_path: Path) -> None:
    folder = broken_copy(tmp_path, "bin_requests.yml", "  min_household: 6\n", "")
    with pytest.raises(
        CouncilDataError, match="bin_requests.yml: larger_bin > min_household: is missing"
    ):
        load_council(folder)


def test_an_unknown_placeholder_is_refused(tmp_path: Path) -> None:
    folder = broken_copy(
        tmp_path,
        "bin_requests.yml",
        "call us on {phone} ({hours}).\n    We deliver",
        "call us on {fax} ({hours}).\n    We deliver",
    )
    with pytest.raises(
        CouncilDataError, match=r"bin_requests.yml: payment otherwise: the placeholder \{fax\}"
    ):
        load_council(folder)


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    folder = broken_copy(tmp_path, "bins.yml", "bin_types:", "bin_types:")
    (folder / "bin_requests.yml").unlink()
    with pytest.raises(CouncilDataError, match="bin_requests.yml: the file is missing"):
        load_council(folder)


def test_a_payment_text_for_residents_whose_number_we_do_not_have_may_not_promise_a_text(
    tmp_path: Path,
) -> None:
    folder = broken_copy(
        tmp_path,
        "bin_requests.yml",
        "    Pay by card at {link}",
        "    We'll text you a link. Pay by card at {link}",
    )
    with pytest.raises(
        CouncilDataError, match="bin_requests.yml: payment > otherwise: this is said where"
    ):
        load_council(folder)
