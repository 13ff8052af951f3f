"""The demo council's bulky waste price list and collection days, and mistakes named on load."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from bot.council import Council, CouncilDataError, get_council, load_council
from tests.bot.council.test_council import broken_copy


@pytest.fixture
def council() -> Council:
    return get_council()


def test_the_demo_price_list_loads_with_the_phone_number_filled_in(council: Council) -> None:
    rules = council.bulky_waste
    assert {item.key for item in rules.items} >= {"sofa", "mattress", "fridge_freezer"}
    assert council.config.contact.phone in rules.payment.by_text
    assert council.config.contact.phone in rules.payment.otherwise
    assert "https://www.example-borough.gov.uk/pay/bulky-waste" in rules.payment.otherwise
    assert "{phone}" not in " ".join(entry.instead for entry in rules.not_collected)


def test_collection_days_give_notice_skip_bank_holidays_and_carry_their_capacity(
    council: Council,
) -> None:
    days = dict(council.bulky_collection_days(date(2026, 11, 22)))
    assert min(days) == date(2026, 11, 24)  # Tuesday, two working days after a Sunday
    assert days[date(2026, 11, 24)] == 6 and days[date(2026, 11, 28)] == 4  # Saturdays take fewer
    assert date(2026, 11, 25) not in days  # no Wednesday round
    later = dict(council.bulky_collection_days(date(2027, 12, 20)))
    assert date(2027, 12, 28) not in later  # a Tuesday, but the Boxing Day bank holiday


def test_a_booking_can_be_cancelled_until_the_working_day_before(council: Council) -> None:
    assert council.bulky_cancel_deadline(date(2026, 11, 24)) == date(2026, 11, 23)
    assert council.bulky_cancel_deadline(date(2026, 11, 28)) == date(2026, 11, 27)


def test_a_word_used_for_two_items_is_refused_naming_both(tmp_path: Path) -> None:
    folder = broken_copy(
        tmp_path, "bulky_waste.yml", "synonyms: [washer,", "synonyms: [fridge, washer,"
    )
    with pytest.raises(CouncilDataError, match="bulky_waste.yml: 'fridge' is used for both"):
        load_council(folder)


def test_an_unknown_collection_day_is_refused_naming_the_file(tmp_path: Path) -> None:
    folder = broken_copy(tmp_path, "bulky_waste.yml", "  thursday: 6", "  thursdy: 6")
    with pytest.raises(
        CouncilDataError, match="bulky_waste.yml: collection_days: 'thursdy' is not a day"
    ):
        load_council(folder)


def test_an_unknown_placeholder_in_the_payment_text_is_refused(tmp_path: Path) -> None:
    folder = broken_copy(tmp_path, "bulky_waste.yml", "call us on {phone}", "call us on {fax}")
    with pytest.raises(
        CouncilDataError, match=r"bulky_waste.yml: payment by_text: the placeholder \{fax\}"
    ):
        load_council(folder)
