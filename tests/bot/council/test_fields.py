"""The checks every council data file shares: keys, repeated entries, phone numbers, links (bot/council/fields.py)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from bot.council.fields import check_key, check_phone, check_unique_keys, check_url


@pytest.mark.parametrize("key", ["missed_bin", "a", "zone_2b"])
def test_a_key_of_lower_case_letters_digits_and_underscores_is_accepted(key: str) -> None:
    assert check_key(key) == key


@pytest.mark.parametrize("key", ["Missed_bin", "2nd_bin", "missed-bin", "missed bin", ""])
def test_a_key_with_capitals_spaces_dashes_or_a_leading_digit_is_refused(key: str) -> None:
    with pytest.raises(ValueError, match="lower case letters, digits and underscores"):
        check_key(key)


def test_entries_with_different_keys_are_kept_in_order() -> None:
    entries = (SimpleNamespace(key="sofa"), SimpleNamespace(key="fridge"))
    assert check_unique_keys(entries, "item") == entries


def test_a_key_listed_twice_is_refused_and_named() -> None:
    entries = (
        SimpleNamespace(key="sofa"),
        SimpleNamespace(key="fridge"),
        SimpleNamespace(key="sofa"),
    )
    with pytest.raises(ValueError, match="the item 'sofa' is listed twice"):
        check_unique_keys(entries, "item")


@pytest.mark.parametrize("phone", ["01752 668000", "999", "0800 111 999"])
def test_a_phone_number_of_digits_and_single_spaces_is_accepted(phone: str) -> None:
    assert check_phone(phone) == phone


@pytest.mark.parametrize(
    "phone", ["01752 CALL US", "01752  668000", "+44 1752 668000", "12", "1" * 17]
)
def test_a_phone_number_with_letters_double_spaces_a_plus_or_the_wrong_length_is_refused(
    phone: str,
) -> None:
    with pytest.raises(ValueError, match="is not a phone number"):
        check_phone(phone)


def test_a_web_address_must_start_with_http_and_name_a_site() -> None:
    assert check_url("https://www.plymouth.gov.uk/bins") == "https://www.plymouth.gov.uk/bins"
    assert check_url(None) is None
    for wrong in ("www.plymouth.gov.uk", "https://localhost", "https://plymouth.gov.uk/a b"):
        with pytest.raises(ValueError, match="is not a web address"):
            check_url(wrong)
