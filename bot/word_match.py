"""Finds which of a council's listed things a resident's words name, allowing small typos (rapidfuzz).

One rule everywhere: a term matches a run of as many of the resident's words exactly, or, when the
term has at least five letters, with a similarity of 85 or more.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TypeVar

from rapidfuzz import fuzz

T = TypeVar("T")

#: Terms this long or longer may match with typos; shorter ones ("lid", "tv") only exactly.
FUZZY_FROM_CHARS = 5
CUTOFF = 85.0

#: Numbers residents write as words ("a family of seven"), in order.
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}  # fmt: skip


def words(text: str) -> list[str]:
    """Lower-case words and numbers, apostrophes and punctuation dropped: "Won't lock" -> ["wont", "lock"]."""
    return re.findall(r"[a-z0-9]+", re.sub(r"['’]", "", str(text).lower()))


def term_score(said: Sequence[str], term: str) -> float | None:
    """How well a term (words joined by spaces) matches the best run of said words, or None."""
    size = len(term.split())
    best: float | None = None
    for start in range(0, max(len(said) - size + 1, 0)):
        window = " ".join(said[start : start + size])
        score = 100.0 if window == term else fuzz.ratio(window, term)
        if score == 100 or (len(term) >= FUZZY_FROM_CHARS and score >= CUTOFF):
            best = score if best is None else max(best, score)
    return best


def rank_keys(said: Sequence[str], entries: Iterable[tuple[str, Iterable[str]]]) -> list[str]:
    """Keys whose (already normalised) terms the said words name, best first (score, then longer term)."""
    best: dict[str, tuple[float, int]] = {}
    for key, terms in entries:
        for term in terms:
            score = term_score(said, term) if term else None
            if score is not None:
                best[key] = max(best.get(key, (0.0, 0)), (score, len(term)))
    return sorted(best, key=lambda key: best[key], reverse=True)


def match_keys(text: str, entries: Iterable[tuple[str, Iterable[str]]]) -> list[str]:
    """Keys of the entries whose terms appear in text, best match first (score, then longer term)."""
    normalised = ((key, [" ".join(words(term)) for term in terms]) for key, terms in entries)
    return rank_keys(words(text), normalised)


def match_one(text: str, entries: Iterable[tuple[str, Iterable[str]]]) -> str | None:
    """The best key the text names, or None."""
    found = match_keys(text, entries)
    return found[0] if found else None


def phrase_hits(text: str, phrases: Iterable[str]) -> list[str]:
    """The phrases found in the text, allowing small typos in longer words."""
    said = words(text)
    return [p for p in phrases if (t := " ".join(words(p))) and term_score(said, t) is not None]


def best_match(text: str, options: Sequence[tuple[T, Sequence[str]]]) -> T | None:
    """The option whose longest phrase appears in the text (ties go to the first listed), or None."""
    best: tuple[int, int] | None = None
    chosen: T | None = None
    for index, (option, phrases) in enumerate(options):
        for phrase in phrase_hits(text, phrases):
            score = (len(" ".join(words(phrase))), -index)
            if best is None or score > best:
                best, chosen = score, option
    return chosen
