"""The council tax and benefits models: account numbers, date windows, payment ways (bot/council/revenues_models.py)."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from bot.council.revenues_models import AccountNumber, DateWindow, PaymentMethod


def test_an_account_number_is_recognised_only_when_it_fits_the_whole_pattern() -> None:
    account = AccountNumber(pattern=r"\d{8}", description="8 digits", example="12345678")
    assert account.matches("12345678")
    assert not account.matches("1234567")
    assert not account.matches("123456789")


def test_an_account_number_example_that_does_not_fit_its_pattern_is_refused() -> None:
    with pytest.raises(ValidationError, match="the example '1234' does not match the pattern"):
        AccountNumber(pattern=r"\d{8}", description="8 digits", example="1234")


def test_an_account_number_pattern_that_is_not_a_regular_expression_is_refused() -> None:
    with pytest.raises(ValidationError, match="is not a regular expression"):
        AccountNumber(pattern=r"(\d{8}", description="8 digits", example="12345678")


def test_a_date_window_cannot_reach_back_or_ahead_a_negative_number_of_days() -> None:
    assert DateWindow(earliest_days_ago=90, latest_days_ahead=0).earliest_days_ago == 90
    with pytest.raises(ValidationError, match="cannot be negative"):
        DateWindow(earliest_days_ago=-1, latest_days_ahead=30)


def test_a_way_to_pay_with_a_broken_link_or_phone_number_is_refused() -> None:
    assert PaymentMethod(name="Online", how="Pay online", link="https://www.plymouth.gov.uk/pay")
    with pytest.raises(ValidationError, match="is not a web address"):
        PaymentMethod(name="Online", how="Pay online", link="plymouth.gov.uk/pay")
    with pytest.raises(ValidationError, match="is not a phone number"):
        PaymentMethod(name="Phone", how="Ring us", phone="0300 PAY NOW")
