"""A gas leak: the messages this topic's rules catch, and one they leave alone (bot/nlu/crisis_rules/gas.py)."""

from __future__ import annotations

import pytest

from bot.nlu.crisis import detect_crisis
from bot.nlu.crisis_rules import gas

RULE_NAMES = {name for name, _ in gas.RULES}


@pytest.mark.parametrize(
    "text",
    [
        "I can smell gas in my kitchen",
        "there is a gas leak in the flat",
    ],
)
def test_a_message_about_gas_leak_is_caught_by_one_of_these_rules(text: str) -> None:
    found = detect_crisis(text)
    assert found is not None and found.intent == "gas_leak"
    assert found.rule in RULE_NAMES


@pytest.mark.parametrize(
    "text",
    [
        "my gas bill is too high",
    ],
)
def test_everyday_words_on_the_same_subject_are_not_a_crisis(text: str) -> None:
    assert detect_crisis(text) is None


def test_every_rule_has_a_unique_name_and_a_pattern() -> None:
    names = [name for name, _ in gas.RULES]
    assert len(names) == len(set(names))
    assert all(pattern for _, pattern in gas.RULES)
