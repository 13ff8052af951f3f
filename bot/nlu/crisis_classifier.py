"""Rasa pipeline component that forces crisis intents whatever DIET's confidence."""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.crisis import detect_crisis

#: Key added to parse data naming the crisis rule that fired (never the resident's words).
CRISIS_RULE_KEY = "crisis_rule"


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False
)
class CrisisRuleClassifier(GraphComponent):
    """Overrides the predicted intent when a curated crisis rule matches the text.

    It sits after DIETClassifier and before FallbackClassifier in config.yml, and puts
    the crisis intent first with confidence 1.0, so neither a low DIET score nor the
    fallback threshold can hide a resident in danger.
    """

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> CrisisRuleClassifier:
        return cls()

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            self._apply(message)
        return messages

    @staticmethod
    def _apply(message: Message) -> None:
        text = message.get(TEXT)
        if not text or not isinstance(text, str):
            return
        match = detect_crisis(text)
        if match is None:
            return
        # Halve the rest of the ranking so FallbackClassifier's ambiguity check
        # (gap between the top two) can never turn the forced intent into a fallback.
        ranking = [
            {"name": entry.get("name"), "confidence": float(entry.get("confidence", 0)) / 2}
            for entry in (message.get(INTENT_RANKING_KEY) or [])
            if entry.get("name") != match.intent
        ]
        forced = {"name": match.intent, "confidence": 1.0}
        message.set(INTENT, forced, add_to_output=True)
        message.set(INTENT_RANKING_KEY, [forced, *ranking], add_to_output=True)
        message.set(CRISIS_RULE_KEY, match.rule, add_to_output=True)
