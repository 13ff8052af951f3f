"""Spots a resident asking on someone else's behalf ("for my dad"), so forms and advisors know."""

from __future__ import annotations

import re

_PEOPLE = {
    "mum": "mum", "mom": "mum", "mam": "mum", "mother": "mum", "mummy": "mum",
    "dad": "dad", "father": "dad", "daddy": "dad",
    "nan": "nan", "nana": "nan", "nanna": "nan", "gran": "gran", "granny": "gran", "grandma": "grandma",
    "grandmother": "grandma", "grandad": "grandad", "granddad": "grandad", "grandpa": "grandad",
    "grandfather": "grandad", "husband": "husband", "wife": "wife", "partner": "partner",
    "son": "son", "daughter": "daughter", "brother": "brother", "sister": "sister",
    "aunt": "aunt", "auntie": "aunt", "aunty": "aunt", "uncle": "uncle", "neighbour": "neighbour",
    "neighbor": "neighbour", "friend": "friend", "parents": "parents", "mother-in-law": "mother-in-law",
    "father-in-law": "father-in-law", "client": "client", "tenant": "tenant", "cousin": "cousin",
    "stepdad": "stepdad", "stepmum": "stepmum", "carer": "carer",
}  # fmt: skip
_PERSON = r"(?P<person>" + "|".join(sorted(map(re.escape, _PEOPLE), key=len, reverse=True)) + r")"
_OLD = r"(?:(?:elderly|old|older|disabled|poorly|sick|deaf|blind|housebound|vulnerable|late)\s+)?"

# Each pattern needs a sign that the resident acts for the person, not just mentions them.
_PATTERNS = [
    re.compile(
        rf"\b(?:for|on behalf of|behalf of|asking for|helping|help|sorting out)\s+my\s+{_OLD}{_PERSON}\b"
    ),
    re.compile(
        rf"\bmy\s+{_OLD}{_PERSON}(?:'s|s)?\s+(?:bin|bins|council tax|house|home|flat|bungalow|address|account|benefit|benefits|rent|repair|boiler|garden|street|road)\b"
    ),
    re.compile(
        rf"\bmy\s+{_OLD}{_PERSON}\s+(?:can't|cant|cannot|can not|doesn't|doesnt|isn't able|is not able|asked me|wants me|needs)\b"
    ),
    re.compile(rf"\bi(?:'m| am)\s+(?:the\s+)?(?:carer|career)\s+for\s+my\s+{_OLD}{_PERSON}\b"),
    re.compile(rf"\bi\s+(?:look after|care for)\s+my\s+{_OLD}{_PERSON}\b"),
]
_NOT_ME = {"carer"}  # "for my carer" is usually about the resident's own carer, not acting for them


def detect_acting_for(text: str) -> str | None:
    """'their dad' when the message shows the resident is asking for their dad, else None."""
    lowered = " ".join(str(text).lower().replace("’", "'").split())
    for pattern in _PATTERNS:
        match = pattern.search(lowered)
        if match and match.group("person") not in _NOT_ME:
            return f"their {_PEOPLE[match.group('person')]}"
    return None


def for_resident(acting_for: str | None) -> str:
    """'your dad's' for use in a question to the resident, or 'the' when they act for themselves."""
    if not acting_for:
        return "the"
    return acting_for.replace("their ", "your ", 1) + "'s"
