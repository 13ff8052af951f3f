"""The base of our pipeline components that learn nothing: built from their configuration alone."""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.training_data.message import Message
from typing_extensions import Self


class StatelessComponent(GraphComponent):
    """A Rasa pipeline component with no training and nothing saved in the model."""

    def __init__(self, config: dict[str, Any] | None = None) -> None:
        self.config = dict(config or {})

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> Self:
        return cls(config)

    def process(self, messages: list[Message]) -> list[Message]:
        """Each message in turn through `process_message` (components that read one at a time)."""
        for message in messages:
            self.process_message(message)
        return messages

    def process_message(self, message: Message) -> None:
        """What the component does to one message; nothing unless a subclass says."""
