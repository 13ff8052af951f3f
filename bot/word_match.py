"""Finds which of a council's listed things (repair kinds, permit types, school topics) a message names."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TypeVar

from rapidfuzz import fuzz

T = TypeVar("T")


def words(text: str) -> list[str]:
    """Lower-case words without apostrophes: "Won't lock" -> ["wont", "lock"]."""
    return re.findall(r"[a-z0-9]+", re.sub(r"['’]", "", str(text).lower()))


def phrase_hits(text: str, phrases: Iterable[str]) -> list[str]:
    """The phrases found in the text, allowing small typos in longer words."""
    said = words(text)
    hits = []
    for phrase in phrases:
        wanted = words(phrase)
        if not wanted:
            continue
        size = len(wanted)
        target = " ".join(wanted)
        for start in range(0, max(len(said) - size + 1, 0)):
            window = " ".join(said[start : start + size])
            if window == target or (len(target) > 4 and fuzz.ratio(window, target) >= 85):
                hits.append(phrase)
                break
    return hits


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
