"""Keyboard mashing ("qqqq wwww eeee", "asdfgh") told from real words, names and short answers.

A message is gibberish when it has letters, no digits, no word known in English, and every
word longer than three letters is impossible to spell in English: a letter three times
running, four or more letters without a vowel, or a run of three letters that no common
English word contains.
Place and house names ("Tregenna", "Peverell") are spelt like English and are never gibberish;
numbers, postcodes and references are never gibberish.

`reads_as_language` is the stricter test an urgent ticket needs from a classifier's guess: no
gibberish, no text that is one short run repeated ("xxxx…", "kill kill kill kill"), and at least
one real word.
"""

from __future__ import annotations

import re
from functools import lru_cache

from wordfreq import top_n_list

from bot.nlu.words import english_zipf, has_digits, words

#: A word at least this common in English is a real word, whatever its spelling.
KNOWN_WORD_ZIPF = 2.5
#: How many common English words teach the spelling model.
SPELLING_VOCABULARY = 50_000

_TRIPLE_LETTER = re.compile(r"([a-z])\1\1")
#: One run of up to 12 characters said four times or more in a row ("xxxx", "hahaha…", "helphelp…").
_REPEATED_RUN = re.compile(r"(.{1,12}?)\1{3,}", re.DOTALL)
#: A message this much filled by repeated runs says nothing, whatever else it holds.
REPEATED_SHARE = 0.6
_VOWELS = frozenset("aeiouy")


@lru_cache(maxsize=1)
def _english_trigrams() -> frozenset[str]:
    """Every three-letter run in common English words, with ^ and $ marking the ends."""
    seen: set[str] = set()
    for word in top_n_list("en", SPELLING_VOCABULARY):
        if not word.isascii() or not word.isalpha() or not _VOWELS.intersection(word):
            continue  # acronyms such as "pdf" or "sdf" teach nothing about spelling
        padded = f"^{word}$"
        seen.update(padded[i : i + 3] for i in range(len(padded) - 2))
    return frozenset(seen)


def unpronounceable(word: str) -> bool:
    """Spelt as no English word is: tripled letters, no vowels, or an unheard-of letter run."""
    if not word.isascii() or not word.isalpha():
        return False  # other scripts and accents are a language question, not gibberish
    if _TRIPLE_LETTER.search(word):
        return True
    if len(word) >= 4 and not _VOWELS.intersection(word):
        return True
    padded = f"^{word}$"
    trigrams = _english_trigrams()
    return any(padded[i : i + 3] not in trigrams for i in range(len(padded) - 2))


def known_word(word: str) -> bool:
    """A real English word, also when stretched for feeling ("pleeease", "yesss", "aaargh")."""
    if english_zipf(word) >= KNOWN_WORD_ZIPF:
        return True
    if not _TRIPLE_LETTER.search(word):
        return False
    shorter = {re.sub(r"([a-z])\1{2,}", r"\1\1", word), re.sub(r"([a-z])\1+", r"\1", word)}
    return any(len(s) >= 3 and english_zipf(s) >= KNOWN_WORD_ZIPF for s in shorter)


def is_gibberish(text: str) -> bool:
    """Whether a message is keyboard mashing with nothing a person could mean in it."""
    if has_digits(text):
        return False
    found = words(text)
    if not found:
        return False
    if any(known_word(word) for word in found):
        return False
    # Words of three letters or fewer may be initials or a sound ("PCN", "mhm"): they never
    # make a message gibberish on their own, but don't save one either.
    long_words = [word for word in found if len(word) > 3]
    return bool(long_words) and all(unpronounceable(word) for word in long_words)


def repeated_text(text: str) -> bool:
    """Mostly one character or one short run repeated, spaces aside ("x x x x", "lol lol lol lol")."""
    squeezed = "".join(text.lower().split())
    if not squeezed:
        return False
    covered = sum(len(match.group(0)) for match in _REPEATED_RUN.finditer(squeezed))
    return covered >= REPEATED_SHARE * len(squeezed)


def reads_as_language(text: str) -> bool:
    """Whether a message is words a person could mean: typed (not a /button payload), not
    gibberish, not one run repeated, with a real word of two or more different letters (a word
    in another script counts: whether it is a language is the language detector's question)."""
    stripped = text.strip()
    if not stripped or stripped.startswith("/"):
        return False
    if is_gibberish(stripped) or repeated_text(stripped):
        return False
    return any(
        len(set(word)) >= 2 and (known_word(word) or not word.isascii()) for word in words(stripped)
    )
