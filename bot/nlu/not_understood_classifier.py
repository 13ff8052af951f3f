"""Rasa pipeline component: gibberish, other languages and weak guesses at a transaction are not understood."""

from __future__ import annotations

import re
from typing import Any

from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from typing_extensions import Self

from bot.intents import FALLBACK_INTENT, NOT_UNDERSTOOD_KEY, Route, route_for
from bot.nlu.crisis_decision import CRISIS_RULE_KEY
from bot.nlu.gibberish import is_gibberish
from bot.nlu.language_detection import foreign_language, warm_up_in_background
from bot.nlu.stateless import StatelessComponent

OUT_OF_SCOPE = "out_of_scope"
#: A UK postcode anywhere in a message ("PL1 2JT", "pl12jt").
POSTCODE = re.compile(r"\b[A-Z]{1,2}[0-9][A-Z0-9]?\s*[0-9][A-Z]{2}\b", re.IGNORECASE)
#: Parse-data key with the ISO 639-1 code of the language a message was written in.
LANGUAGE_KEY = "language"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class NotUnderstoodClassifier(StatelessComponent):
    """Turns a message into nlu_fallback, whatever DIET said, when nobody could act on it.

    - Keyboard mashing ("qqqq wwww eeee") and messages in a language the assistant can't
      answer: the parse data says which (`not_understood`, `language`), so the fallback
      action can answer in that language.
    - A guess at a transaction (a form that stores something) below `transaction_threshold`,
      or one where DIET also gives `out_of_scope` at least `out_of_scope_doubt`: starting a
      council transaction needs more certainty than answering a question. DIET's guess stays
      in the ranking under the fallback.
    It sits after the crisis rule classifier and before FallbackClassifier; a message a
    crisis rule matched is never touched.
    """

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {"transaction_threshold": 0.0, "out_of_scope_doubt": 1.0}

    def __init__(self, config: dict[str, Any]) -> None:
        self._transaction_threshold = float(config.get("transaction_threshold") or 0.0)
        self._out_of_scope_doubt = float(config.get("out_of_scope_doubt", 1.0))

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> Self:
        warm_up_in_background()
        return super().create(config, model_storage, resource, execution_context)

    def reason(self, message: Message) -> tuple[str, str | None] | None:
        """Why the message is not understood (and its language), or None."""
        text = message.get(TEXT)
        if not isinstance(text, str) or not text.strip() or text.startswith("/"):
            return None
        if message.get(CRISIS_RULE_KEY):
            return None
        language = foreign_language(text)
        if language:
            return "language", language
        if is_gibberish(text):
            return "gibberish", None
        intent = message.get(INTENT) or {}
        name, confidence = intent.get("name"), float(intent.get("confidence") or 0.0)
        if name == OUT_OF_SCOPE and POSTCODE.search(text):
            # A message that names a UK postcode is about a place: never "not something the
            # council deals with". The best council guess, if any, is asked about (weak).
            return "weak", None
        if not name or route_for(name) is not Route.SELF_SERVICE:
            return None
        out_of_scope = max(
            (
                float(entry.get("confidence") or 0.0)
                for entry in message.get(INTENT_RANKING_KEY) or []
                if entry.get("name") == OUT_OF_SCOPE
            ),
            default=0.0,
        )
        if confidence < self._transaction_threshold or out_of_scope >= self._out_of_scope_doubt:
            return "weak", None
        return None

    def process_message(self, message: Message) -> None:
        found = self.reason(message)
        if found is None:
            return
        why, language = found
        ranking = [
            entry
            for entry in (message.get(INTENT_RANKING_KEY) or [])
            if entry.get("name") not in (FALLBACK_INTENT, OUT_OF_SCOPE if why == "weak" else None)
        ]
        if why == "weak":
            # Like FallbackClassifier: the fallback first, DIET's guess kept in the ranking.
            guess = float((message.get(INTENT) or {}).get("confidence") or 0.0)
            fallback = {
                "name": FALLBACK_INTENT,
                "confidence": max(self._transaction_threshold, guess),
            }
        else:
            fallback = {"name": FALLBACK_INTENT, "confidence": 1.0}
            # Halve the rest, so FallbackClassifier's ambiguity check keeps the fallback first.
            ranking = [
                {"name": e.get("name"), "confidence": float(e.get("confidence", 0)) / 2}
                for e in ranking
            ]
        message.set(INTENT, fallback, add_to_output=True)
        message.set(INTENT_RANKING_KEY, [fallback, *ranking], add_to_output=True)
        message.set(NOT_UNDERSTOOD_KEY, why, add_to_output=True)
        if language:
            message.set(LANGUAGE_KEY, language, add_to_output=True)
