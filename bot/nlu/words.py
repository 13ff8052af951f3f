"""Splitting a message into words, and how common each word is in English (from wordfreq)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from wordfreq import available_languages, zipf_frequency

#: Letters (any script) with inner apostrophes or hyphens; digits and symbols split words.
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019\-][^\W\d_]+)*")
#: A token with a digit in it: a postcode, house number, reference, date or phone number.
_HAS_DIGIT = re.compile(r"\d")


def words(text: str) -> list[str]:
    """The words of a message, lower-cased, without punctuation; a chunk with a digit in it
    ("PL1", "1JB", "MB-7K3F9Q", "14th") is a postcode, number or reference, not a word."""
    return [
        word.lower()
        for chunk in text.split()
        if not has_digits(chunk)
        for word in _WORD.findall(chunk)
    ]


def has_digits(text: str) -> bool:
    return bool(_HAS_DIGIT.search(text))


@lru_cache(maxsize=20_000)
def english_zipf(word: str) -> float:
    """How common a word is in English on the Zipf scale (0 = unseen, 3 = once per million words...)."""
    return float(zipf_frequency(word, "en"))


@lru_cache(maxsize=1)
def _word_lists() -> frozenset[str]:
    return frozenset(available_languages())


def has_word_list(language: str) -> bool:
    """Whether wordfreq knows the language's words (not Welsh, Somali or Punjabi, for example)."""
    return language in _word_lists()


@lru_cache(maxsize=20_000)
def zipf_in(word: str, language: str) -> float:
    """How common a word is in another language; 0 where wordfreq has no list for it."""
    if not has_word_list(language):
        return 0.0  # wordfreq would quietly fall back to a "nearest" language, often English
    return float(zipf_frequency(word, language))


def script_of(char: str) -> str:
    """The first word of a letter's Unicode name: LATIN, ARABIC, CJK, BENGALI, GURMUKHI ..."""
    try:
        return unicodedata.name(char).split(" ", 1)[0]
    except ValueError:
        return "UNKNOWN"


def latin_share(text: str) -> float:
    """The share of the letters in a message that are Latin letters (1.0 when it has no letters)."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 1.0
    return sum(script_of(c) == "LATIN" for c in letters) / len(letters)


#: Latin letters English never uses, but Welsh, Polish, Romanian, Lithuanian, Portuguese ... do.
FOREIGN_LATIN_LETTERS = frozenset("ąćęłńóśźżăâîșşțţãõçáéíúñ¿¡ėįšųūčžŵŷàèìòùêôûëïöüœ")


def has_foreign_letters(text: str) -> bool:
    return any(c in FOREIGN_LATIN_LETTERS for c in text.lower())
