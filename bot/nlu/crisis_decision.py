"""The one crisis decision: is this a crisis, which one, and is it certain or only guessed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.intents import CRISIS_INTENTS
from bot.nlu.crisis import detect_crisis
from bot.nlu.gibberish import is_gibberish, reads_as_language, repeated_text

#: Key in parse data naming the crisis rule that fired (never the resident's words).
CRISIS_RULE_KEY = "crisis_rule"
#: A classifier-only crisis guess this sure is "very likely": it may stop a form.
VERY_LIKELY = 0.9


@dataclass(frozen=True)
class Crisis:
    """A crisis topic, the curated rule that found it (None when the classifier alone guessed it)."""

    intent: str
    rule: str | None = None
    confidence: float = 1.0

    @property
    def guessed(self) -> bool:
        """No curated rule matched: the classifier's guess stood (it named a danger)."""
        return self.rule is None

    @property
    def certain(self) -> bool:
        """A crisis that stops whatever the resident is doing: a rule matched, or the classifier is very sure.

        Inside a form, a classifier-only crisis guess below VERY_LIKELY is taken as the answer to
        the question asked ("he left on the 14th of november" is a date, not homelessness).
        """
        return not self.guessed or self.confidence >= VERY_LIKELY


def crisis_in_text(text: str) -> Crisis | None:
    """Before language understanding (the handoff gate, the pipeline): only the curated rules decide."""
    match = detect_crisis(text)
    return None if match is None else Crisis(match.intent, match.rule)


def crisis_in_parse(parse_data: dict[str, Any]) -> Crisis | None:
    """After language understanding (the actions): the crisis the pipeline settled on, if any."""
    intent = parse_data.get("intent") or {}
    name = intent.get("name")
    if name not in CRISIS_INTENTS:
        return None
    rule = parse_data.get(CRISIS_RULE_KEY) or None
    return Crisis(str(name), rule, float(intent.get("confidence") or 0.0))


def urgent_ticket_warranted(parse_data: dict[str, Any]) -> bool:
    """Whether a crisis topic in the parse data may put a ticket in the urgent queue.

    A curated rule matched words that are not keyboard mashing or one run repeated
    ("homelesshomelesshomeless…"); or, with no rule, the message reads as language
    (bot/nlu/gibberish.py). Never on a classifier's confidence: "xxxx…" or a bare /intent payload
    sent by a script could otherwise fill the urgent queue. The safety reply never depends on this.
    """
    text = str(parse_data.get("text") or "")
    crisis = crisis_in_parse(parse_data)
    if crisis is not None and crisis.rule:
        return not (is_gibberish(text) or repeated_text(text))
    return reads_as_language(text)
