"""Suicide and self-harm: the messages this topic's rules catch, and one they leave alone (bot/nlu/crisis_rules/suicide.py)."""

from __future__ import annotations

import pytest

from bot.nlu.crisis import detect_crisis
from bot.nlu.crisis_rules import suicide

RULE_NAMES = {name for name, _ in suicide.RULES}


@pytest.mark.parametrize(
    "text",
    [
        "I want to kill myself",
        "im thinking of ending my life",
    ],
)
def test_a_message_about_suicide_self_harm_is_caught_by_one_of_these_rules(text: str) -> None:
    found = detect_crisis(text)
    assert found is not None and found.intent == "suicide_self_harm"
    assert found.rule in RULE_NAMES


@pytest.mark.parametrize(
    "text",
    [
        "this council tax bill is killing me",
    ],
)
def test_everyday_words_on_the_same_subject_are_not_a_crisis(text: str) -> None:
    assert detect_crisis(text) is None


def test_every_rule_has_a_unique_name_and_a_pattern() -> None:
    names = [name for name, _ in suicide.RULES]
    assert len(names) == len(set(names))
    assert all(pattern for _, pattern in suicide.RULES)
