"""Domestic abuse: the messages this topic's rules catch, and one they leave alone (bot/nlu/crisis_rules/domestic_abuse.py)."""

from __future__ import annotations

import pytest

from bot.nlu.crisis import detect_crisis
from bot.nlu.crisis_rules import domestic_abuse

RULE_NAMES = {name for name, _ in domestic_abuse.RULES}


@pytest.mark.parametrize(
    "text",
    [
        "my husband hits me",
        "my partner beat me up last night",
    ],
)
def test_a_message_about_domestic_abuse_is_caught_by_one_of_these_rules(text: str) -> None:
    found = detect_crisis(text)
    assert found is not None and found.intent == "domestic_abuse"
    assert found.rule in RULE_NAMES


@pytest.mark.parametrize(
    "text",
    [
        "my husband wants to pay the council tax",
    ],
)
def test_everyday_words_on_the_same_subject_are_not_a_crisis(text: str) -> None:
    assert detect_crisis(text) is None


def test_every_rule_has_a_unique_name_and_a_pattern() -> None:
    names = [name for name, _ in domestic_abuse.RULES]
    assert len(names) == len(set(names))
    assert all(pattern for _, pattern in domestic_abuse.RULES)
