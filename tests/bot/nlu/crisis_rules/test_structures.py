"""A dangerous structure: the messages this topic's rules catch, and one they leave alone (bot/nlu/crisis_rules/structures.py)."""

from __future__ import annotations

import pytest

from bot.nlu.crisis import detect_crisis
from bot.nlu.crisis_rules import structures

RULE_NAMES = {name for name, _ in structures.RULES}


@pytest.mark.parametrize(
    "text",
    [
        "the wall is about to collapse onto the street",
        "the ceiling is falling in",
    ],
)
def test_a_message_about_dangerous_structure_is_caught_by_one_of_these_rules(text: str) -> None:
    found = detect_crisis(text)
    assert found is not None and found.intent == "dangerous_structure"
    assert found.rule in RULE_NAMES


@pytest.mark.parametrize(
    "text",
    [
        "my fence needs painting",
    ],
)
def test_everyday_words_on_the_same_subject_are_not_a_crisis(text: str) -> None:
    assert detect_crisis(text) is None


def test_every_rule_has_a_unique_name_and_a_pattern() -> None:
    names = [name for name, _ in structures.RULES]
    assert len(names) == len(set(names))
    assert all(pattern for _, pattern in structures.RULES)
