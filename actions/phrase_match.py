"""Finds which council-data entries a resident's words name, allowing typos (rapidfuzz)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from rapidfuzz import fuzz

#: Terms longer than this may match with typos; shorter ones ("lid", "tv") only exactly.
_FUZZY_FROM_CHARS = 5
_CUTOFF = 85.0


def words(text: str) -> list[str]:
    """Lower-case words and numbers, apostrophes and punctuation dropped."""
    text = re.sub(r"['’]", "", str(text).lower().replace("-", " "))
    return re.findall(r"[a-z0-9]+", text)


def match_keys(text: str, entries: Iterable[tuple[str, Iterable[str]]]) -> list[str]:
    """Keys of the entries whose terms appear in text, best match first (score, then longer term)."""
    said = words(text)
    best: dict[str, tuple[float, int]] = {}
    for key, terms in entries:
        for term in terms:
            wanted = " ".join(words(term))
            size = len(wanted.split())
            if not wanted:
                continue
            for start in range(0, max(len(said) - size + 1, 0)):
                window = " ".join(said[start : start + size])
                score = 100.0 if window == wanted else fuzz.ratio(window, wanted)
                if score == 100 or (len(wanted) >= _FUZZY_FROM_CHARS and score >= _CUTOFF):
                    best[key] = max(best.get(key, (0.0, 0)), (score, len(wanted)))
    return sorted(best, key=lambda key: best[key], reverse=True)


def match_one(text: str, entries: Iterable[tuple[str, Iterable[str]]]) -> str | None:
    """The best key the text names, or None."""
    found = match_keys(text, entries)
    return found[0] if found else None
