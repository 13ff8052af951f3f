"""Data for the crisis detector: text-speak, fuzzy keywords, guard phrases and per-topic rules."""

from __future__ import annotations

from bot.nlu.crisis_rules import (
    domestic_abuse,
    gas,
    homelessness,
    safeguarding,
    structures,
    suicide,
)
from bot.nlu.crisis_rules.cues import CUES
from bot.nlu.crisis_rules.guards import DENIALS, GUARDS
from bot.nlu.crisis_rules.normalisation import (
    BEFORE_APOSTROPHES,
    G_DROP_EXCEPTIONS,
    PHRASE_SPEAK,
    POSSESSIVE_ME,
    TEXT_SPEAK,
)
from bot.nlu.crisis_rules.spelling import FUZZY_KEYWORDS, PROTECTED_WORDS

# Every pattern here runs on *normalised* text (see ``crisis.normalise``): lower
# case, ASCII letters and digits, single spaces, no punctuation, contractions and
# text-speak expanded ("im" -> "i am", "dont" -> "do not", "wanna" -> "want to"),
# family words folded ("mam" -> "mum", "step dad" -> "stepdad", "bf" -> "boyfriend").
# Sentence ends (. ! ? ; new line) become " | ", so a phrase cannot run across
# them. A rule that looks past its phrase ("(?!" or "(?=") is also tried on a
# reading where commas and colons are breaks too; "(?= \||$)" means "then the
# clause ends".

#: (name, pattern) rules per crisis intent; ``bot.intents.CRISIS_INTENTS`` gives the precedence.
RULES: dict[str, tuple[tuple[str, str], ...]] = {
    "suicide_self_harm": suicide.RULES,
    "gas_leak": gas.RULES,
    "safeguarding_concern": safeguarding.RULES,
    "domestic_abuse": domestic_abuse.RULES,
    "dangerous_structure": structures.RULES,
    "homelessness": homelessness.RULES,
}

__all__ = [
    "BEFORE_APOSTROPHES",
    "CUES",
    "DENIALS",
    "FUZZY_KEYWORDS",
    "GUARDS",
    "G_DROP_EXCEPTIONS",
    "PHRASE_SPEAK",
    "POSSESSIVE_ME",
    "PROTECTED_WORDS",
    "RULES",
    "TEXT_SPEAK",
]
