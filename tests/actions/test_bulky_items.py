"""Bulky waste items in residents' words: fuzzy matching, quantities, items we don't take, prices."""

from __future__ import annotations

from decimal import Decimal

import pytest

from actions.bulky_items import Line, pounds, price_lines, read_items
from bot.council import get_council


@pytest.fixture
def rules():
    return get_council().bulky_waste


def _items(text: str, rules) -> dict[str, int]:
    return {line.key: line.quantity for line in read_items(text, rules).lines}


@pytest.mark.parametrize(
    "words, key",
    [
        ("settee", "sofa"),
        ("sofa bed", "sofa"),
        ("fridge-freezer", "fridge_freezer"),
        ("fridge freezer", "fridge_freezer"),
        ("matress", "mattress"),
        ("double mattress", "mattress"),
        ("wardobe", "wardrobe"),
        ("chest of drawers", "chest_of_drawers"),
        ("an old telly", "television"),
    ],
)
def test_residents_words_and_typos_match_the_price_list(words, key, rules):
    assert _items(words, rules) == {key: 1}


def test_several_items_with_quantities_are_read_from_one_message(rules):
    assert _items("a sofa and 2 mattresses", rules) == {"sofa": 1, "mattress": 2}
    assert _items("fridge freezer x2", rules) == {"fridge_freezer": 2}
    assert _items("two wardrobes, 3 chairs & a bike", rules) == {
        "wardrobe": 2,
        "armchair": 3,
        "bicycle": 1,
    }


def test_the_same_item_named_twice_is_added_up(rules):
    assert _items("a mattress, another matress and a mattress", rules)["mattress"] == 3


def test_items_we_do_not_collect_are_refused_with_what_to_do_instead(rules):
    reading = read_items("a sofa and some bricks", rules)
    assert [line.key for line in reading.lines] == ["sofa"]
    assert reading.refused[0][0] == "Builders' rubble"
    assert "recycling centre" in reading.refused[0][1]


def test_words_that_match_nothing_are_reported_not_guessed(rules):
    reading = read_items("a grand piano", rules)
    assert reading.lines == [] and reading.unknown == ["a grand piano"]


def test_up_to_three_items_cost_the_band_price_and_each_extra_item_costs_more(rules):
    _, three = price_lines([Line("sofa", "Sofa", 1), Line("mattress", "Mattress", 2)], rules)
    _, five = price_lines([Line("sofa", "Sofa", 1), Line("mattress", "Mattress", 4)], rules)
    assert three == Decimal("25.00")
    assert five == Decimal("41.00")


def test_fridges_have_their_own_price_on_top_of_the_band(rules):
    priced, total = price_lines(
        [Line("fridge_freezer", "Fridge", 2), Line("sofa", "Sofa", 1)], rules
    )
    assert [cost for _, cost in priced] == [Decimal("40.00"), Decimal("25.00")]
    assert pounds(total) == "£65.00"
