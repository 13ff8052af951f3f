"""When a crisis topic guessed by the classifier alone (no curated rule) may raise an alarm or stop a form."""

from __future__ import annotations

from bot.intents import CRISIS_INTENTS
from bot.nlu.crisis import denies_a_danger, has_an_ordinary_reading, names_a_danger
from bot.nlu.gibberish import reads_as_language

#: Key in parse data keeping a classifier's crisis guess that was set aside, for advisors and tests.
SET_ASIDE_KEY = "crisis_guess_set_aside"


def classifier_guess_stands(intent: str, confidence: float, text: str) -> bool:
    """Whether the classifier's guess at a crisis topic, with no rule behind it, may raise an alarm.

    It stands when the message names a danger of that topic (not just its subject: "gas mark 6"
    names gas, not a leak); or, for suicide (said in more indirect ways than any other topic,
    and the costliest to miss), whenever no everyday phrase explains the words ("suicide prevention course"). It never stands when the message denies
    a danger ("I'm not suicidal, just fed up"), nor when it does not read as language (keyboard
    mashing, "xxxx…", one word repeated): whatever the classifier's confidence, such text would
    let anyone fill the urgent queue.
    """
    if intent not in CRISIS_INTENTS:
        return True
    if not reads_as_language(text):
        return False
    if denies_a_danger(text):
        return False
    if intent == "suicide_self_harm" and not has_an_ordinary_reading(text):
        return True
    return names_a_danger(intent, text)
