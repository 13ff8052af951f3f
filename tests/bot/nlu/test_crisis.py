"""Tests for the rule-based crisis and safeguarding detector (bot/nlu/crisis.py)."""

from __future__ import annotations

import dataclasses
from itertools import combinations
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.intents import CRISIS_INTENTS, Route, route_for
from bot.nlu import crisis, crisis_rules
from bot.nlu.crisis import CrisisMatch, detect_crisis, normalise

DATA = Path(__file__).resolve().parents[2] / "data"
POSITIVE: dict[str, list[str]] = yaml.safe_load((DATA / "crisis_positive.yml").read_text("utf-8"))
NEGATIVE: list[str] = [
    line for line in (DATA / "crisis_negative.txt").read_text("utf-8").splitlines() if line.strip()
]

#: Ordinary council messages allowed to trip a crisis rule. The curated set has none.
MAX_FALSE_POSITIVES = 0

#: One clear phrasing per topic, safe to drop anywhere in a longer message.
ONE_PER_TOPIC: dict[str, str] = {
    "suicide_self_harm": "honestly I want to end it all",
    "gas_leak": "there's a strong smell of gas in the kitchen",
    "safeguarding_concern": "the kids next door are left home alone all the time",
    "domestic_abuse": "my husband hits me",
    "dangerous_structure": "a tree has fallen across the road",
    "homelessness": "I have nowhere to sleep tonight",
}

INSERTABLE: list[tuple[str, str]] = [
    *ONE_PER_TOPIC.items(),
    ("suicide_self_harm", "I don't want to be here anymore"),
    ("suicide_self_harm", "im gonna kms"),
    ("suicide_self_harm", "thinking about sucide"),
    ("gas_leak", "the carbon monoxide alarm is going off"),
    ("safeguarding_concern", "my mums carer hits her"),
    ("safeguarding_concern", "im 12 and my stepdad hits me"),
    ("domestic_abuse", "my boyfriend controls my money"),
    ("domestic_abuse", "he strangled me"),
    ("dangerous_structure", "exposed wires hanging from the lamp post"),
    ("homelessness", "I've been served a section 21"),
    ("homelessness", "my landlord kicked me out"),
]

INSERTABLE_TEXTS = [text for _intent, text in INSERTABLE]

ALL_RULE_NAMES = {name for rules in crisis_rules.RULES.values() for name, _pattern in rules}


def _curated_cases() -> list[Any]:
    return [
        pytest.param(intent, text, id=f"{intent}:{text[:60]}")
        for intent, texts in POSITIVE.items()
        for text in texts
    ]


@pytest.mark.parametrize(("intent", "text"), _curated_cases())
def test_every_curated_crisis_phrasing_is_detected_with_its_topic(intent: str, text: str) -> None:
    match = detect_crisis(text)
    assert match is not None, f"missed: {text!r} (normalised: {normalise(text)!r})"
    assert match.intent == intent, f"{text!r} detected as {match.intent} by rule {match.rule!r}"


def test_the_curated_crisis_set_has_at_least_30_phrasings_for_every_topic() -> None:
    assert set(POSITIVE) == set(CRISIS_INTENTS)
    assert all(len(texts) >= 30 for texts in POSITIVE.values())
    every_text = [text for texts in POSITIVE.values() for text in texts]
    assert len(every_text) >= 220
    assert len(set(every_text)) == len(every_text), "a phrasing is listed twice"


def test_the_ordinary_council_message_set_has_at_least_220_messages() -> None:
    assert len(NEGATIVE) >= 220
    assert len(set(NEGATIVE)) == len(NEGATIVE), "duplicate ordinary messages"


def test_ordinary_council_messages_do_not_trigger_the_crisis_rules() -> None:
    fired = [(text, match) for text in NEGATIVE if (match := detect_crisis(text)) is not None]
    for text, match in fired:
        print(f"false positive: {match.intent} via {match.rule!r}: {text!r}")
    print(f"false positives: {len(fired)}/{len(NEGATIVE)}")
    assert len(fired) <= MAX_FALSE_POSITIVES


@pytest.mark.parametrize(
    "text",
    [
        "my bin is dead",
        "the boiler is killing me with these bills",
        "I'm dying to know my bin day",
        "this council tax will be the death of me",
        "kill the weeds",
        "the gas bill",
        "gas safety check booking",
        "my street light is dead",
        "overdue council tax",
        "break the cycle",
        "tree needs pruning",
        "wall needs repainting",
        "I moved out of my flat",
        "single person discount since my husband left",
        "register a death",
        "the pothole nearly killed me",
    ],
)
def test_everyday_phrases_that_sound_alarming_are_not_crises(text: str) -> None:
    assert detect_crisis(text) is None


@pytest.mark.parametrize(
    ("first", "second"),
    list(combinations(CRISIS_INTENTS, 2)),
    ids=lambda intent: intent,
)
def test_a_message_with_two_topics_follows_the_crisis_precedence(first: str, second: str) -> None:
    higher, lower = ONE_PER_TOPIC[first], ONE_PER_TOPIC[second]
    for text in (f"{higher}. {lower}", f"{lower}. Also {higher}"):
        match = detect_crisis(text)
        assert match is not None and match.intent == first, text


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("my stepdad hits me", "safeguarding_concern"),  # a child writing about a parent
        ("my husband hits me", "domestic_abuse"),
        ("my dad hits my mum", "domestic_abuse"),
        ("my son hits me and takes my money", "domestic_abuse"),  # an adult child
        ("im 15 and my parents kicked me out", "safeguarding_concern"),  # a homeless child
        ("my parents kicked me out and I'm 19", "homelessness"),
        ("my bf hits me and I'm going to kill myself", "suicide_self_harm"),
    ],
)
def test_who_is_harmed_decides_between_overlapping_topics(text: str, intent: str) -> None:
    match = detect_crisis(text)
    assert match is not None and match.intent == intent


def test_every_crisis_intent_has_rules_and_reaches_a_person_urgently() -> None:
    assert set(crisis_rules.RULES) == set(CRISIS_INTENTS)
    for intent in CRISIS_INTENTS:
        assert crisis_rules.RULES[intent]
        assert route_for(intent) in (Route.EMERGENCY, Route.URGENT_ADVISOR)


def test_the_rule_name_is_a_curated_label_and_never_the_residents_words() -> None:
    match = detect_crisis("Mrs Jones at 4 Acacia Avenue: my husband hits me")
    assert match is not None and match.intent == "domestic_abuse"
    assert match.rule in ALL_RULE_NAMES
    assert "jones" not in match.rule.lower() and "acacia" not in match.rule.lower()


@pytest.mark.parametrize(
    "text",
    [
        "I don't want to be here. Can you help?",
        "I'm going to jump, I can't take it",
        "i am going to jump\nmy bin is dead",
        "My husband hits me. Out of nowhere, every night",
    ],
)
def test_a_phrase_checked_at_its_end_still_counts_when_another_sentence_follows(text: str) -> None:
    assert detect_crisis(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "I don't want to be here when the bin men come",
        "I'm going to jump the queue for a parking permit",
        "Please prune the tree. The fence panel blew down last winter",
        "my son got kicked out of school, can he get a bus pass to the new one",
    ],
)
def test_a_phrase_does_not_borrow_words_from_the_next_sentence_or_clause(text: str) -> None:
    assert detect_crisis(text) is None


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("me mam hits me", "safeguarding_concern"),  # "my mum hits me"
        ("he strangled me dad", "domestic_abuse"),  # "he strangled me", not only "my dad"
    ],
)
def test_me_before_a_family_word_is_read_both_ways(text: str, intent: str) -> None:
    match = detect_crisis(text)
    assert match is not None and match.intent == intent


def test_a_crisis_match_cannot_be_changed_after_it_is_made() -> None:
    match = CrisisMatch(intent="gas_leak", rule="smell of gas")
    with pytest.raises(dataclasses.FrozenInstanceError):
        match.intent = "homelessness"  # type: ignore[misc]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "\n\t\r",
        "a" * 10_000,
        "\U0001f600\U0001f62d\U0001f494",
        "\U0001f642" * 5_000,
        "\x00\x01\x02\x1b[31m\x7f",
        "\u200b\u200d\ufeff",
        "!!!???...",
        "1234567890" * 1_000,
    ],
    ids=[
        "empty",
        "spaces",
        "whitespace",
        "10k-a",
        "emoji",
        "10k-emoji",
        "control",
        "zero-width",
        "punctuation",
        "10k-digits",
    ],
)
def test_empty_odd_or_huge_input_returns_none_without_error(text: str) -> None:
    assert detect_crisis(text) is None


def test_a_non_string_message_is_not_a_crisis() -> None:
    assert detect_crisis(None) is None  # type: ignore[arg-type]


def test_a_crisis_buried_in_a_10000_character_message_is_still_found() -> None:
    filler = " ".join(NEGATIVE)
    half = filler[:4_900]
    text = f"{half}. I want to end it all. {filler[-5_000:]}"[:10_000]
    match = detect_crisis(text)
    assert match is not None and match.intent == "suicide_self_harm"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=2_000))
def test_detect_crisis_never_raises_on_arbitrary_text(text: str) -> None:
    match = detect_crisis(text)
    assert match is None or match.intent in CRISIS_INTENTS


@settings(max_examples=300, deadline=None)
@given(
    before=st.lists(st.sampled_from(NEGATIVE), max_size=4),
    after=st.lists(st.sampled_from(NEGATIVE), max_size=4),
    case=st.sampled_from(INSERTABLE),
    separator=st.sampled_from([". ", ", ", " ", "\n", "! ", " - ", "... ", " \U0001f622 "]),
)
def test_a_crisis_phrase_inserted_into_ordinary_text_is_still_detected(
    before: list[str], after: list[str], case: tuple[str, str], separator: str
) -> None:
    intent, phrase = case
    text = separator.join([*before, phrase, *after])
    match = detect_crisis(text)
    assert match is not None, text
    # The surrounding text may add a higher-priority topic, never hide this one.
    assert CRISIS_INTENTS.index(match.intent) <= CRISIS_INTENTS.index(intent), (text, match)


def _search_both_ways(message: str) -> None:
    folded = crisis._fold_characters(message)
    for breaks in (crisis._SENTENCE_BREAK, crisis._CLAUSE_BREAK):
        for reading in crisis._readings(crisis._to_words(folded, breaks)):
            for _intent, rules in crisis._RULES:
                for rule in rules:
                    expected = rule.pattern.search(reading.text) is not None
                    assert reading.matches(rule) == expected, (rule.name, message)


def test_the_word_index_finds_every_match_a_full_search_would() -> None:
    texts = [text for texts in POSITIVE.values() for text in texts] + NEGATIVE
    for start in range(0, len(texts), 12):
        _search_both_ways(". ".join(texts[start : start + 12]))  # long, so indexed


VOCABULARY = sorted({word for text in NEGATIVE + INSERTABLE_TEXTS for word in text.split()})


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(VOCABULARY), min_size=40, max_size=400))
def test_the_word_index_agrees_with_a_full_search_on_random_wording(words: list[str]) -> None:
    _search_both_ways(" ".join(words))
