"""Danger words: a crisis guessed by the classifier alone stands only when the message names a danger (bot/nlu/crisis_rules/cues.py)."""

from __future__ import annotations

import pytest

from bot.intents import CRISIS_INTENTS
from bot.nlu.crisis_guess import classifier_guess_stands
from bot.nlu.crisis_rules import CUES


def test_every_crisis_topic_has_danger_words() -> None:
    assert set(CUES) == set(CRISIS_INTENTS)


@pytest.mark.parametrize(
    ("intent", "text"),
    [
        ("gas_leak", "there is a leak near the meter"),
        ("domestic_abuse", "my partner is scary and I am afraid"),
    ],
)
def test_a_guess_that_names_a_danger_stands(intent: str, text: str) -> None:
    assert classifier_guess_stands(intent, 0.6, text)


@pytest.mark.parametrize(
    ("intent", "text"),
    [
        ("gas_leak", "what gas does my car take"),
        ("domestic_abuse", "my partner wants to pay"),
    ],
)
def test_a_guess_that_only_names_the_subject_does_not_stand(intent: str, text: str) -> None:
    assert not classifier_guess_stands(intent, 0.6, text)
