"""Gibberish and other languages are not understood, whatever DIET says; short English answers are."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.gibberish import is_gibberish
from bot.nlu.language_detection import foreign_language
from bot.nlu.not_understood_classifier import NotUnderstoodClassifier

SAMPLES = Path(__file__).resolve().parents[2] / "data" / "short_messages_by_language.tsv"


def _samples() -> list[tuple[str, str]]:
    rows = []
    for line in SAMPLES.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            language, text = line.split("\t", 1)
            rows.append((language, text))
    return rows


ENGLISH = [text for language, text in _samples() if language == "en"]
FOREIGN = [(language, text) for language, text in _samples() if language != "en"]

FORM_ANSWERS = [
    "PL1 1JB", "pl11jb", "12", "3a", "flat 2", "yes", "no", "yeah", "nope", "ok", "black",
    "the green one", "AB12 CDE", "ab12cde", "51234567", "sorry 51948230", "14th nov",
    "14/11/2026", "next friday", "MB-7K3F9Q", "Tamar Road", "Rose Cottage", "Tregenna",
    "Peverell", "Trelawney Penlee", "a settee and 2 matresses", "fridge freezer x2",
    "07700 900123", "£25", "y", "n", "k", "idk", "dunno", "pleeease", "yesss", "noooo",
]  # fmt: skip


@pytest.mark.parametrize("text", FORM_ANSWERS)
def test_a_short_english_form_answer_is_neither_gibberish_nor_another_language(text: str) -> None:
    assert not is_gibberish(text)
    assert foreign_language(text) is None


def test_no_english_sample_message_is_taken_for_another_language() -> None:
    mistaken = [(text, foreign_language(text)) for text in ENGLISH if foreign_language(text)]
    assert mistaken == []


def test_nine_in_ten_short_messages_in_other_languages_are_recognised_with_their_language() -> None:
    right = Counter(language for language, text in FOREIGN if foreign_language(text) == language)
    total = Counter(language for language, _ in FOREIGN)
    assert sum(right.values()) / sum(total.values()) >= 0.9
    assert all(right[language] >= total[language] - 3 for language in total), (right, total)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Mae fy bin heb ei gasglu", "cy"),
        ("Mój kosz nie został opróżniony", "pl"),
        ("Gunoiul meu nu a fost colectat", "ro"),
        ("لم يتم جمع القمامة", "ar"),
        ("میرا کوڑا نہیں اٹھایا گیا", "ur"),
        ("ਮੇਰਾ ਕੂੜਾ ਨਹੀਂ ਚੁੱਕਿਆ ਗਿਆ", "pa"),
        ("আমার ময়লা নেওয়া হয়নি", "bn"),
        ("O meu lixo não foi recolhido", "pt"),
        ("No han recogido mi basura", "es"),
        ("Mano šiukšlės nebuvo išvežtos", "lt"),
        ("我的垃圾没有被收走", "zh"),
    ],
)
def test_a_missed_bin_in_each_main_language_is_recognised(text: str, language: str) -> None:
    assert foreign_language(text) == language


@pytest.mark.parametrize(
    "text",
    [
        "qqqq wwww eeee",
        "asdf jkl zzz",
        "asdfgh",
        "jkjkjk",
        "sdfsdfsdf",
        "xcvbnm",
        "zzzz",
        "ksjdhfksjdhf",
    ],
)
def test_keyboard_mashing_is_gibberish(text: str) -> None:
    assert is_gibberish(text)


@pytest.mark.parametrize(
    "text",
    ["blah blah", "hmmm", "banana", "brb", "soz", "innit", "lol", "wat", "mhm", "PCN", "hmm ok"],
)
def test_real_words_and_text_speak_are_not_gibberish(text: str) -> None:
    assert not is_gibberish(text)


def _parsed(text: str, intent: str, confidence: float, **extra: str) -> Message:
    message = Message(
        data={
            "text": text,
            "intent": {"name": intent, "confidence": confidence},
            "intent_ranking": [{"name": intent, "confidence": confidence}],
            **extra,
        }
    )
    NotUnderstoodClassifier({"transaction_threshold": 0.6, "out_of_scope_doubt": 1.0}).process(
        [message]
    )
    return message


def test_gibberish_is_not_understood_even_when_diet_is_sure_it_is_goodbye() -> None:
    message = _parsed("qqqq wwww eeee", "goodbye", 0.97)
    assert message.get("intent") == {"name": "nlu_fallback", "confidence": 1.0}
    assert message.get("not_understood") == "gibberish"


def test_a_welsh_missed_bin_starts_no_bin_order_and_names_its_language() -> None:
    message = _parsed("Mae fy bin heb ei gasglu", "report_missed_bin", 0.95)
    assert message.get("intent")["name"] == "nlu_fallback"
    assert message.get("language") == "cy"


def test_a_crisis_rule_always_wins_over_language_and_gibberish() -> None:
    message = _parsed(
        "Nie chcę już żyć, mam dość wszystkiego", "suicide_self_harm", 1.0, crisis_rule="test"
    )
    assert message.get("intent")["name"] == "suicide_self_harm"
    assert message.get("not_understood") is None


def test_a_button_payload_is_never_second_guessed() -> None:
    message = _parsed("/request_human", "request_human", 1.0)
    assert message.get("intent")["name"] == "request_human"


def test_an_unsure_guess_at_a_transaction_starts_nothing_but_an_unsure_answer_still_answers() -> (
    None
):
    weak = _parsed("moving my broadband to a new provider", "council_tax_move", 0.55)
    assert weak.get("intent")["name"] == "nlu_fallback"
    assert weak.get("not_understood") == "weak"
    assert weak.get("intent_ranking")[1]["name"] == "council_tax_move"  # DIET's guess is kept
    answer = _parsed("how much is band c", "council_tax_bill_query", 0.55)
    assert answer.get("intent")["name"] == "council_tax_bill_query"
    sure = _parsed("my bin wasnt collected", "report_missed_bin", 0.95)
    assert sure.get("intent")["name"] == "report_missed_bin"


def test_a_guess_at_a_transaction_that_doubts_it_is_council_business_starts_nothing() -> None:
    message = Message(
        data={
            "text": "my Hermes parcel wasn't collected",
            "intent": {"name": "report_missed_bin", "confidence": 0.7},
            "intent_ranking": [
                {"name": "report_missed_bin", "confidence": 0.7},
                {"name": "out_of_scope", "confidence": 0.2},
            ],
        }
    )
    NotUnderstoodClassifier({"transaction_threshold": 0.5, "out_of_scope_doubt": 0.05}).process(
        [message]
    )
    assert message.get("intent")["name"] == "nlu_fallback"
    assert message.get("not_understood") == "weak"
