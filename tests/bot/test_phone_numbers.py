"""UK phone numbers read the way residents and advisors type them."""

from __future__ import annotations

import pytest

from bot.phone_numbers import read_uk_phone


@pytest.mark.parametrize(
    "typed",
    [
        "07700 900123",
        "07700900123",
        "+44 7700 900123",
        "+447700900123",
        "0044 7700-900-123",
        "447700900123",
        "0770 090 0123",
        "(07700) 900123",
        "my number is 07700 900123 thanks",
        "its 07700 900 123.",
        "mob: 07700900123",
    ],
)
def test_a_mobile_number_is_read_however_it_is_written(typed: str) -> None:
    found = read_uk_phone(typed)
    assert found is not None
    assert (found.e164, found.national, found.is_mobile) == ("+447700900123", "07700 900123", True)


@pytest.mark.parametrize(
    ("typed", "national"),
    [
        ("01632 960123", "01632 960123"),
        ("(01752) 668000", "01752 668000"),
        ("020 7946 0123", "020 7946 0123"),
        ("call me on 01752 668000 after 5", "01752 668000"),
        ("0300 123 4567", "0300 123 4567"),
    ],
)
def test_a_landline_is_read_and_is_not_taken_for_a_mobile(typed: str, national: str) -> None:
    found = read_uk_phone(typed)
    assert found is not None and found.national == national and not found.is_mobile


def test_a_real_mobile_range_is_a_mobile() -> None:
    found = read_uk_phone("07123 456789")
    assert found is not None and found.is_mobile and found.e164 == "+447123456789"


@pytest.mark.parametrize(
    "typed",
    [
        "12345",
        "077009001234",  # a digit too many
        "0770090012",  # a digit too few
        "0800 123 4567",  # freephone: nobody can be called back on it
        "+1 202 555 0143",  # not a UK number
        "51948230",  # a council tax account number
        "PL1 2AA",
        "not a number",
        "",
    ],
)
def test_things_that_are_not_a_uk_number_to_call_back_are_refused(typed: str) -> None:
    assert read_uk_phone(typed) is None
