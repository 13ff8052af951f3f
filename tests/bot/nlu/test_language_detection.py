"""Short messages in other languages are recognised with their language, and no English one is taken for another (bot/nlu/language_detection.py)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from bot.nlu.gibberish import is_gibberish
from bot.nlu.language_detection import foreign_language

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
