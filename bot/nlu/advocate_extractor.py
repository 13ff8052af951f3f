"""Rasa pipeline component that adds an `acting_for` entity when a resident asks for someone else."""

from __future__ import annotations

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.advocate import detect_acting_for
from bot.nlu.stateless import StatelessComponent

ENTITY = "acting_for"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class AdvocateExtractor(StatelessComponent):
    """Rule-based: fills the acting_for slot (e.g. "their dad") through an entity."""

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            text = message.get(TEXT)
            if not isinstance(text, str) or text.startswith("/"):
                continue
            who = detect_acting_for(text)
            if who is None:
                continue
            entity = {
                "entity": ENTITY,
                "value": who,
                "start": 0,
                "end": len(text),
                "extractor": "AdvocateExtractor",
            }
            message.set(ENTITIES, [*(message.get(ENTITIES) or []), entity], add_to_output=True)
        return messages
