"""The one crisis decision (bot/nlu/crisis_decision.py): which crisis, and certain or guessed."""

from __future__ import annotations

import pytest
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.intents import CRISIS_INTENTS
from bot.nlu.crisis import detect_crisis
from bot.nlu.crisis_classifier import CrisisRuleClassifier
from bot.nlu.crisis_decision import (
    CRISIS_RULE_KEY,
    VERY_LIKELY,
    Crisis,
    crisis_in_parse,
    crisis_in_text,
    urgent_ticket_warranted,
)


def _certain(parse_data: dict) -> bool:
    crisis = crisis_in_parse(parse_data)
    return crisis is not None and crisis.certain


def test_only_a_rule_or_a_very_sure_guess_is_a_certain_crisis() -> None:
    assert _certain(
        {"intent": {"name": "homelessness", "confidence": 1.0}, "crisis_rule": "homeless"}
    )
    assert _certain(
        {"intent": {"name": "homelessness", "confidence": 0.2}, "crisis_rule": "homeless"}
    )
    assert _certain({"intent": {"name": "homelessness", "confidence": VERY_LIKELY}})
    assert not _certain({"intent": {"name": "homelessness", "confidence": 0.85}})
    assert not _certain({"intent": {"name": "book_bulky_waste", "confidence": 1.0}})
    assert not _certain({})


def test_a_parse_says_which_crisis_which_rule_and_whether_it_was_guessed() -> None:
    ruled = crisis_in_parse(
        {"intent": {"name": "gas_leak", "confidence": 1.0}, CRISIS_RULE_KEY: "gas smell"}
    )
    assert ruled == Crisis("gas_leak", "gas smell", 1.0)
    assert not ruled.guessed
    guessed = crisis_in_parse({"intent": {"name": "gas_leak", "confidence": 0.6}})
    assert guessed == Crisis("gas_leak", None, 0.6)
    assert guessed.guessed and not guessed.certain
    assert crisis_in_parse({"intent": {"name": "request_human", "confidence": 1.0}}) is None
    assert crisis_in_parse({"intent": {"name": None}}) is None


@pytest.mark.parametrize(
    "text",
    ["I have nowhere to sleep tonight", "I can smell gas in the kitchen", "my partner hits me"],
)
def test_before_understanding_only_the_curated_rules_decide_and_they_are_certain(text: str) -> None:
    match = detect_crisis(text)
    assert match is not None
    crisis = crisis_in_text(text)
    assert crisis == Crisis(match.intent, match.rule)
    assert crisis.intent in CRISIS_INTENTS and crisis.certain and not crisis.guessed


@pytest.mark.parametrize(
    "text", ["my bin was missed", "what gas does a honda civic use", "", "   "]
)
def test_a_message_no_rule_matches_is_no_crisis_before_understanding(text: str) -> None:
    assert crisis_in_text(text) is None


@pytest.mark.parametrize(
    ("text", "ranking"),
    [
        ("I have nowhere to sleep tonight", [("out_of_scope", 0.9)]),
        ("the kitchen stinks like rotten eggs", [("gas_leak", 0.6), ("out_of_scope", 0.3)]),
        ("what gas does a honda civic use", [("gas_leak", 0.7), ("out_of_scope", 0.2)]),
        ("he left on the 14th of november", [("homelessness", 0.95), ("out_of_scope", 0.05)]),
    ],
)
def test_the_pipeline_and_the_gate_agree_on_the_crisis_the_rules_find(
    text: str, ranking: list
) -> None:
    message = Message(data={TEXT: text})
    entries = [{"name": name, "confidence": confidence} for name, confidence in ranking]
    message.set(INTENT, entries[0])
    message.set(INTENT_RANKING_KEY, entries)
    CrisisRuleClassifier.process_message(message)
    parsed = crisis_in_parse(message.as_dict_nlu() | {"intent": message.get(INTENT)})
    before = crisis_in_text(text)
    if before is not None:
        assert parsed == before  # a rule: the same crisis, rule and certainty on both sides
    else:
        assert parsed is None or parsed.guessed


def _parse(text: str, intent: str, rule: str | None = None) -> dict:
    parse = {"text": text, "intent": {"name": intent, "confidence": 1.0}}
    if rule:
        parse[CRISIS_RULE_KEY] = rule
    return parse


@pytest.mark.parametrize(
    "text",
    [
        "x" * 100,
        "x " * 60,
        "abuse abuse abuse abuse",
        "scared scared scared scared",
        "/domestic_abuse",
        "",
        "qqqq wwww eeee",
    ],
)
def test_a_classifier_guess_on_text_that_is_not_language_never_makes_an_urgent_ticket(
    text: str,
) -> None:
    assert not urgent_ticket_warranted(_parse(text, "domestic_abuse"))


def test_a_classifier_guess_in_words_a_person_could_mean_makes_an_urgent_ticket() -> None:
    assert urgent_ticket_warranted(_parse("he won't let me see my family", "domestic_abuse"))


def test_a_rule_matched_in_one_word_repeated_makes_no_urgent_ticket() -> None:
    text = "homelesshomelesshomelesshomeless"
    match = detect_crisis(text)
    assert match is not None  # the safety reply is still given
    assert not urgent_ticket_warranted(_parse(text, match.intent, match.rule))


def test_every_curated_crisis_phrasing_still_makes_an_urgent_ticket() -> None:
    import yaml

    from bot.settings import PROJECT_ROOT

    phrasings = yaml.safe_load(
        (PROJECT_ROOT / "tests" / "data" / "crisis_positive.yml").read_text("utf-8")
    )
    missed = []
    for intent, texts in phrasings.items():
        for text in texts:
            match = detect_crisis(text)
            rule = match.rule if match else None
            if not urgent_ticket_warranted(_parse(text, intent, rule)):
                missed.append(text)
    assert sum(len(t) for t in phrasings.values()) > 1000
    assert missed == []
