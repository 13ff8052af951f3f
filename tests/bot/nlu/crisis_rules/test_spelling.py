"""Misspelt key words are corrected for the crisis rules, and ordinary words are left alone (bot/nlu/crisis_rules/spelling.py)."""

from __future__ import annotations

import pytest

from bot.nlu.crisis import correct_spelling, detect_crisis, normalise


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("feeling suicidle", "suicide_self_harm"),
        ("thinking about sucide", "suicide_self_harm"),
        ("I overdoes on my meds", "suicide_self_harm"),
        ("i want to hurt myslef", "suicide_self_harm"),
        ("carbon monoxcide", "gas_leak"),
        ("my bf strangeled me", "domestic_abuse"),
        ("the scafolding is colapsing", "dangerous_structure"),
        ("im homless", "homelessness"),
        ("i got evicited", "homelessness"),
        ("been evictd", "homelessness"),
    ],
)
def test_misspelt_key_words_are_still_detected(text: str, intent: str) -> None:
    match = detect_crisis(text)
    assert match is not None and match.intent == intent


@pytest.mark.parametrize(
    "text",
    [
        "small gas bill",  # "small" is not corrected to "smell"
        "cooking and cooked",  # not "choking" / "choked"
        "shared tables",  # not "scared tablets"
        "leading the failing team",  # not "leaking" / "falling"
        "overdue and overdone",  # not "overdose"
        "kill the cat",  # words under five letters are never touched
    ],
)
def test_fuzzy_matching_leaves_ordinary_words_alone(text: str) -> None:
    normalised = normalise(text)
    assert correct_spelling(normalised) == normalised
