"""Answers shared by the council tax and benefits forms, read from what residents really type."""

from __future__ import annotations

import pytest

from actions.forms.resident_answers import read_account_number


@pytest.mark.parametrize(
    "said",
    [
        "51948230",
        "sorry 51948230",
        "its 51948230 i think",
        "it's 5194 8230",
        "5194-8230",
        "account number: 51948230.",
        "flat 5, account 51948230",
        "51948230 thanks",
    ],
)
def test_an_account_number_is_found_inside_what_the_resident_says(said: str) -> None:
    assert read_account_number(said) == "51948230"


@pytest.mark.parametrize(
    "said",
    ["41948230", "5194823", "519482301", "sorry", "my postcode is PL1 2AA", "0770 090 0123", ""],
)
def test_numbers_that_are_not_in_the_councils_format_are_not_taken(said: str) -> None:
    assert read_account_number(said) is None
