"""The shared pieces of crisis patterns: who, what and where (bot/nlu/crisis_rules/fragments.py)."""

from __future__ import annotations

import re

import pytest

from bot.nlu.crisis_rules import fragments


@pytest.mark.parametrize(
    ("fragment", "word"),
    [
        (fragments.CHILD, "daughter"),
        (fragments.PARTNER, "husband"),
        (fragments.PILLS, "paracetamol"),
        (fragments.SELF, "myself"),
        (fragments.MINOR_AGE, "twelve"),
        (fragments.MINOR_AGE, "16"),
    ],
)
def test_each_fragment_names_the_words_it_stands_for(fragment: str, word: str) -> None:
    assert re.fullmatch(fragment, word)


@pytest.mark.parametrize(
    ("fragment", "word"), [(fragments.MINOR_AGE, "eighteen"), (fragments.MINOR_AGE, "40")]
)
def test_an_adult_age_is_not_a_minor(fragment: str, word: str) -> None:
    assert not re.fullmatch(fragment, word)


def test_an_age_is_not_read_into_minutes_or_money() -> None:
    minor = re.compile(fragments.MINOR_IS)
    assert minor.search("she is 12")
    assert not minor.search("she is 12 minutes away")
    assert not minor.search("he is 10 pounds short")
