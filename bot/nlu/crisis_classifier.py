"""Rasa pipeline component: crisis rules force their intent; a classifier-only crisis guess needs a danger word."""

from __future__ import annotations

from typing import Any

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.intents import CRISIS_INTENTS
from bot.nlu.crisis_decision import CRISIS_RULE_KEY, crisis_in_text
from bot.nlu.crisis_guess import SET_ASIDE_KEY, classifier_guess_stands
from bot.nlu.stateless import StatelessComponent

__all__ = ["CrisisRuleClassifier"]


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class CrisisRuleClassifier(StatelessComponent):
    """Overrides the predicted intent when a curated crisis rule matches the text.

    It sits after DIETClassifier and before FallbackClassifier in config.yml, and puts
    the crisis intent first with confidence 1.0, so neither a low DIET score nor the
    fallback threshold can hide a resident in danger.

    When no rule matches and DIET's own top guess is a crisis topic, the guess stands only if
    the message names a danger of that topic (``crisis_guess.classifier_guess_stands``);
    otherwise the next guess takes its place ("what gas does my car take" is not a gas leak),
    and FallbackClassifier judges that one as usual.
    """

    @staticmethod
    def process_message(message: Message) -> None:
        text = message.get(TEXT)
        if not text or not isinstance(text, str):
            return
        match = crisis_in_text(text)
        if match is None:
            CrisisRuleClassifier._check_guess(message, text)
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

    @staticmethod
    def _check_guess(message: Message, text: str) -> None:
        """Set aside classifier-only crisis guesses that name no danger, from the top down."""
        intent = message.get(INTENT) or {}
        if intent.get("name") not in CRISIS_INTENTS:
            return
        ranking = list(message.get(INTENT_RANKING_KEY) or [intent])
        set_aside: list[dict[str, Any]] = []
        while ranking and ranking[0].get("name") in CRISIS_INTENTS:
            top = ranking[0]
            if classifier_guess_stands(
                str(top.get("name")), float(top.get("confidence") or 0), text
            ):
                break
            set_aside.append(ranking.pop(0))
        if not set_aside:
            return
        new_top = ranking[0] if ranking else {"name": None, "confidence": 0.0}
        message.set(
            INTENT,
            {"name": new_top.get("name"), "confidence": float(new_top.get("confidence") or 0)},
            add_to_output=True,
        )
        message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
        message.set(
            SET_ASIDE_KEY,
            [
                {"name": entry.get("name"), "confidence": float(entry.get("confidence") or 0)}
                for entry in set_aside
            ],
            add_to_output=True,
        )
