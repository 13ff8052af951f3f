"""Rasa pipeline component: a message that is only a reference, postcode or number says no yes or no."""

from __future__ import annotations

import re

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.intents import FALLBACK_INTENT
from bot.nlu.crisis_decision import CRISIS_RULE_KEY
from bot.nlu.stateless import StatelessComponent
from bot.nlu.words import has_digits, words
from bot.storage.references import REFERENCE_PATTERN

#: Small talk and yes/no: none of them is what "BW-7K3F9Q" or "PL1 2JT" means. Nor is needing
#: extra support: "sorry PL4 6AB i cant type" says sorry for a typo (a person is still a
#: button away).
SMALL_TALK_INTENTS = frozenset(
    {
        "affirm",
        "deny",
        "greet",
        "goodbye",
        "thank",
        "bot_challenge",
        "out_of_scope",
        "need_extra_support",
    }
)
#: Sorry for a typo, round a detail typed again.
_TYPO_APOLOGY = re.compile(
    r"\b(?:i\s+)?(?:can'?t|cant|cannot|can\u2019t)\s+(?:type|spell)(?:\s+(?:today|properly|lol))?\b"
    r"|\btypo\b|\bfat\s+fingers?\b|\bmy\s+typing\b",
    re.IGNORECASE,
)
#: Words a resident puts round a detail they were asked for ("sorry its BW-7K3F9Q").
#: Never a word that is itself an answer ("no", "yes", "cancel", "stop").
FILLER_WORDS = frozenset(
    """
    sorry soz oops its it's it is the my our ref reference number num no. postcode post code
    here you go thats that's that this er erm um umm oh ah right hi hello hiya thanks thank ta
    please pls plz house flat account booking should be i think
    """.split()
)


def is_bare_detail(text: str) -> bool:
    """Whether the message is a reference, postcode or number, with only filler words round it."""
    without_references = _TYPO_APOLOGY.sub(" ", REFERENCE_PATTERN.sub(" 0 ", text or ""))
    if not has_digits(without_references):
        return False
    return all(word in FILLER_WORDS for word in words(without_references))


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class BareDetailClassifier(StatelessComponent):
    """A bare detail read as small talk or yes/no becomes nlu_fallback, as most of them already are.

    The classifier has no words to go on in "BW-7K3F9Q", so a training run now and then reads
    one as `deny`: in a form that stops it ("OK, I've stopped that") instead of taking the
    answer. As nlu_fallback, the form reads the answer from the text; outside a form the
    fallback asks what it is about. The guess stays in the ranking; a crisis match is untouched.
    """

    @staticmethod
    def process_message(message: Message) -> None:
        text = message.get(TEXT)
        if not isinstance(text, str) or text.startswith("/") or message.get(CRISIS_RULE_KEY):
            return
        intent = message.get(INTENT) or {}
        if intent.get("name") not in SMALL_TALK_INTENTS or not is_bare_detail(text):
            return
        fallback = {"name": FALLBACK_INTENT, "confidence": float(intent.get("confidence") or 0.0)}
        ranking = [
            entry
            for entry in message.get(INTENT_RANKING_KEY) or []
            if entry.get("name") != FALLBACK_INTENT
        ]
        message.set(INTENT, fallback, add_to_output=True)
        message.set(INTENT_RANKING_KEY, [fallback, *ranking], add_to_output=True)
