"""Ordinary phrases that a crisis rule once misread are masked out before the rules run (bot/nlu/crisis_rules/guards.py)."""

from __future__ import annotations

import re

import pytest

from bot.nlu.crisis import detect_crisis
from bot.nlu.crisis_rules import DENIALS, GUARDS


@pytest.mark.parametrize(
    ("ordinary", "alarming"),
    [
        ("I am evicting my tenant", "I am being evicted"),
        ("I volunteer at the homeless shelter", "I am homeless"),
        ("book a dog grooming appointment", "he is grooming my daughter online"),
    ],
)
def test_a_guarded_phrase_is_not_a_crisis_but_the_danger_beside_it_still_is(
    ordinary: str, alarming: str
) -> None:
    assert detect_crisis(ordinary) is None
    assert detect_crisis(alarming) is not None


def test_every_guard_has_a_unique_name_and_a_pattern_that_compiles() -> None:
    names = [name for name, _ in GUARDS]
    assert len(names) == len(set(names))
    for _, pattern in GUARDS:
        re.compile(pattern)


def test_every_denial_names_a_guard() -> None:
    assert set(DENIALS) <= {name for name, _ in GUARDS}
