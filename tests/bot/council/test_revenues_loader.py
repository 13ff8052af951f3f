"""The demo council's council tax and benefits data, and each mistake named on load."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.council import CouncilDataError, get_council, load_council
from tests.bot.council.test_council import broken_copy


def test_the_demo_council_tax_data_loads_with_council_details_filled_in() -> None:
    rules = get_council().council_tax
    assert rules is not None
    assert list(rules.bands) == ["A", "B", "C", "D", "E", "F", "G", "H"]
    assert rules.bands["D"] == 2236.50
    assert rules.account_number.matches("51234567") and not rules.account_number.matches("41234567")
    assert "0800 138 1111" in rules.arrears.debt_advice
    assert "01632 960000" in rules.missing_bill and "{" not in rules.missing_bill
    assert "student-exemption" in rules.discounts["student"].answer


def test_the_demo_benefits_data_loads_with_links_and_phone_filled_in() -> None:
    rules = get_council().benefits
    assert rules is not None
    assert [c.key for c in rules.changes] == ["income", "job", "household", "moved_home", "other"]
    assert "https://www.example-borough.gov.uk/benefits/apply" in rules.how_to_apply
    assert rules.description_max_chars == 300


@pytest.mark.parametrize(
    ("file", "old", "new", "message"),
    [
        ("council_tax.yml", "  H: 4473.00", "", "council_tax.yml: bands: list the bands A to H"),
        (
            "council_tax.yml",
            "  C: 1988.00",
            "  C: 1500.00",
            "each band should cost more than the band before",
        ),
        (
            "council_tax.yml",
            "  - 2026-05-01",
            "  - first of May",
            "council_tax.yml: instalments > entry 2: should be a date",
        ),
        (
            "council_tax.yml",
            "[1, 8, 15, 22, 28]",
            "[1, 31]",
            "direct debit days should be days of the month",
        ),
        (
            "council_tax.yml",
            'pattern: "5[0-9]{7}"',
            'pattern: "5[0-9{7}"',
            "is not a regular expression",
        ),
        (
            "council_tax.yml",
            'example: "51234567"',
            'example: "1234"',
            "the example '1234' does not match",
        ),
        ("council_tax.yml", "  single_person:", "  lone_person:", "'single_person' is missing"),
        (
            "council_tax.yml",
            "words: [carer, carers,",
            "words: [student, carer,",
            "'student' is used for both",
        ),
        (
            "council_tax.yml",
            "at {link}. Call {phone}",
            "at {link}. Call {fax}",
            "the placeholder {fax} is not one we know",
        ),
        (
            "council_tax.yml",
            "  earliest_days_ago: 365\n  latest",
            "  earliest_days_ago: -1\n  latest",
            "moving > earliest_days_ago: cannot be negative",
        ),
        ("council_tax.yml", "account_link: https://", "account_link: www.", "is not a web address"),
        (
            "benefits.yml",
            "description_max_chars: 300",
            "description_max_chars: 5",
            "should be from 20 to 1000",
        ),
        (
            "benefits.yml",
            "  - key: other",
            "  - key: income",
            "the change 'income' is listed twice",
        ),
        (
            "benefits.yml",
            "state_pension_age: 66",
            "state_pension_ag: 66",
            "state_pension_ag: is not a field we know",
        ),
        (
            "benefits.yml",
            "or call {phone} for help.",
            "or call {oops} for help.",
            "the placeholder {oops}",
        ),
    ],
)
def test_a_mistake_in_the_council_tax_or_benefits_data_is_named_with_the_file(
    tmp_path: Path, file: str, old: str, new: str, message: str
) -> None:
    folder = broken_copy(tmp_path, file, old, new)
    with pytest.raises(
        CouncilDataError, match=rf"{file}.*{_escape(message)}|{_escape(message)}"
    ) as raised:
        load_council(folder)
    assert file in str(raised.value)


def _escape(text: str) -> str:
    import re

    return re.escape(text)


def test_a_missing_council_tax_file_is_named(tmp_path: Path) -> None:
    folder = broken_copy(tmp_path, "council_tax.yml", "year:", "year:")
    (folder / "council_tax.yml").unlink()
    with pytest.raises(CouncilDataError, match="council_tax.yml: the file is missing"):
        load_council(folder)
