"""Each bin's collections with the holiday change behind a moved one, over Christmas week."""

from __future__ import annotations

from datetime import date

from bot.council import get_council
from bot.council.bin_days import collections, next_collection
from tests.bot.council.test_council import street


def test_the_dates_agree_with_the_councils_own_collection_dates_all_year() -> None:
    council = get_council()
    for each in council.streets[:20]:
        for key in council.bin_types:
            mine = [
                c.day for c in collections(council, each, key, date(2026, 1, 1), date(2027, 2, 1))
            ]
            assert mine == council.collection_dates(each, key, date(2026, 1, 1), date(2027, 2, 1))


def test_a_thursday_collection_on_new_years_eve_moves_to_saturday_and_says_why() -> None:
    council = get_council()
    terrace = street(council, "Lipson Terrace", "PL4 6AB")  # Thursday rounds
    moved = next_collection(council, terrace, "recycling", date(2026, 12, 28))
    assert moved.day == date(2027, 1, 2)
    assert moved.moved_from == date(2026, 12, 31)
    assert moved.reason == "the Christmas holidays"


def test_a_christmas_day_collection_moves_to_boxing_day() -> None:
    council = get_council()
    way = street(council, "St Budeaux Way", "PL5 1AU")  # Friday food round
    moved = next_collection(council, way, "food", date(2026, 12, 22))
    assert (moved.day, moved.moved_from, moved.reason) == (
        date(2026, 12, 26), date(2026, 12, 25), "Christmas Day",
    )  # fmt: skip


def test_an_ordinary_week_has_no_change() -> None:
    council = get_council()
    mews = street(council, "Citadel Mews", "PL1 2JT")
    upcoming = next_collection(council, mews, "food", date(2026, 12, 1))
    assert upcoming.moved_from is None and upcoming.reason is None
    assert upcoming.day == date(2026, 12, 7)


def test_a_bin_with_no_round_at_the_street_has_no_next_collection() -> None:
    council = get_council()
    mews = street(council, "Citadel Mews", "PL1 2JT")
    assert next_collection(council, mews, "garden", date(2026, 12, 1)) is None
