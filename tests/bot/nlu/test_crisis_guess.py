"""Tests for when a classifier-only crisis guess may raise an alarm or stop a form (bot/nlu/crisis_guess.py)."""

from __future__ import annotations

import pytest
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.crisis_classifier import CrisisRuleClassifier
from bot.nlu.crisis_guess import SET_ASIDE_KEY, classifier_guess_stands


@pytest.mark.parametrize(
    ("intent", "text"),
    [
        ("gas_leak", "what type of gas does my car take"),
        ("gas_leak", "what's gas mark 6 in celsius"),
        ("gas_leak", "how do i light a gas barbecue"),
        ("suicide_self_harm", "jump start my car"),
        ("homelessness", "he left on the 14th of november"),
        ("homelessness", "find me a hotel in edinburgh for two nights"),
        ("homelessness", "what?? im not homeless, i just want the single person discount"),
        ("domestic_abuse", "my husband snores so loudly"),
        ("gas_leak", "no gas smell now, the engineer fixed it"),
    ],
)
def test_a_classifier_guess_naming_no_danger_raises_no_alarm(intent: str, text: str) -> None:
    assert not classifier_guess_stands(intent, 0.75, text)


@pytest.mark.parametrize(
    ("intent", "text"),
    [
        ("gas_leak", "there's a funny eggy whiff in the kitchen"),
        ("safeguarding_concern", "the kids across the road look hungry and dirty all the time"),
        ("safeguarding_concern", "a little one was wandering the street on their own at night"),
        ("homelessness", "my mate says I can't stay on his sofa after friday"),
        ("domestic_abuse", "he won't let me see my family"),
        ("suicide_self_harm", "I feel like such a burden to everyone"),
    ],
)
def test_a_classifier_guess_naming_a_danger_still_raises_the_alarm(intent: str, text: str) -> None:
    assert classifier_guess_stands(intent, 0.5, text)


def test_a_suicide_guess_stands_without_a_danger_word_unless_denied_or_explained() -> None:
    assert classifier_guess_stands("suicide_self_harm", 0.45, "it would all be fine")
    assert not classifier_guess_stands(
        "suicide_self_harm", 0.99, "i'm not suicidal, just fed up with the bins"
    )
    assert not classifier_guess_stands(
        "suicide_self_harm", 0.9, "is there a suicide prevention course"
    )
    assert not classifier_guess_stands(
        "gas_leak", 0.6, "there's a smell of burning from my car engine"
    )


def test_other_intents_are_never_set_aside() -> None:
    assert classifier_guess_stands("book_bulky_waste", 0.2, "gas mark 6")


def _parsed(text: str, ranking: list[tuple[str, float]]) -> Message:
    message = Message(data={TEXT: text})
    entries = [{"name": name, "confidence": confidence} for name, confidence in ranking]
    message.set(INTENT, entries[0])
    message.set(INTENT_RANKING_KEY, entries)
    CrisisRuleClassifier.process_message(message)
    return message


def test_the_pipeline_puts_the_next_guess_first_when_a_crisis_guess_names_no_danger() -> None:
    message = _parsed(
        "what gas does a honda civic use",
        [("gas_leak", 0.7), ("out_of_scope", 0.2), ("council_tax_pay", 0.1)],
    )
    assert message.get(INTENT)["name"] == "out_of_scope"
    assert [e["name"] for e in message.get(INTENT_RANKING_KEY)] == [
        "out_of_scope",
        "council_tax_pay",
    ]
    assert message.get(SET_ASIDE_KEY) == [{"name": "gas_leak", "confidence": 0.7}]


def test_the_pipeline_keeps_a_crisis_guess_that_names_a_danger() -> None:
    message = _parsed(
        "the kitchen stinks like rotten eggs", [("gas_leak", 0.6), ("out_of_scope", 0.3)]
    )
    assert message.get(INTENT)["name"] == "gas_leak"
    assert message.get(SET_ASIDE_KEY) is None


def test_the_pipeline_forces_a_rule_matched_crisis_whatever_the_classifier_said() -> None:
    message = _parsed("I have nowhere to sleep tonight", [("out_of_scope", 0.9)])
    assert message.get(INTENT) == {"name": "homelessness", "confidence": 1.0}
    assert message.get("crisis_rule")


@pytest.mark.parametrize(
    ("intent", "text"),
    [
        ("suicide_self_harm", "x" * 100),
        ("suicide_self_harm", "kill kill kill kill"),
        ("suicide_self_harm", "end end end end end end end end"),
        ("suicide_self_harm", "cutcutcutcutcutcutcutcut"),
        ("domestic_abuse", "x" * 150),
        ("gas_leak", "smell smell smell smell"),
        ("suicide_self_harm", "qqqq wwww eeee"),
    ],
)
def test_a_sure_classifier_guess_on_text_that_is_not_language_raises_no_alarm(
    intent: str, text: str
) -> None:
    assert not classifier_guess_stands(intent, 1.0, text)
