"""Rasa pipeline components: the intent is the average of DIET's and a logistic regression's rankings."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.stateless import StatelessComponent

#: The regression's file inside its model folder: one name, whatever the pipeline position.
CLASSIFIER_FILE = "classifier.skops"
#: Message key holding the ranking of the classifier before the second one overwrites it.
FIRST_RANKING_KEY = "first_intent_ranking"


def average_rankings(*rankings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One ranking from several, each intent's confidence averaged (0 where a ranking lacks it)."""
    totals: dict[str, float] = defaultdict(float)
    for ranking in rankings:
        for entry in ranking:
            totals[str(entry["name"])] += float(entry.get("confidence") or 0.0) / len(rankings)
    ordered = sorted(totals.items(), key=lambda item: item[1], reverse=True)
    return [{"name": name, "confidence": confidence} for name, confidence in ordered]


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class KeepFirstRanking(StatelessComponent):
    """Put between two intent classifiers: keeps the first one's ranking, which the second overwrites."""

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            message.set(FIRST_RANKING_KEY, list(message.get(INTENT_RANKING_KEY) or []))
        return messages


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class AverageRankings(StatelessComponent):
    """Put after the second classifier: the intent and ranking become the two rankings' average.

    DIET (a neural network over n-grams) varies from one training run to the next; a logistic
    regression over the same features is steadier and errs on other messages. Their average
    is right more often than either (scripts/bench/nlu_report.py, figures in config.yml).
    """

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            first = message.get(FIRST_RANKING_KEY)
            second = message.get(INTENT_RANKING_KEY)
            if not first or not second:
                continue
            ranking = average_rankings(first, second)
            message.set(INTENT, ranking[0], add_to_output=True)
            message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
        return messages


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class LogisticRegressionIntents(LogisticRegressionClassifier):
    """Rasa's LogisticRegressionClassifier, saved under a fixed file name.

    Rasa's own names the file after the pipeline node ("...Classifier8"), so a model trained
    from cache after the pipeline gained a component can't load it. This one can.
    """

    def persist(self) -> None:
        import skops.io as sio

        with self._model_storage.write_to(self._resource) as model_dir:
            sio.dump(self.clf, model_dir / CLASSIFIER_FILE)

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> LogisticRegressionIntents:
        import skops.io as sio

        with model_storage.read_from(resource) as model_dir:
            path = model_dir / CLASSIFIER_FILE
            untrusted = sio.get_untrusted_types(file=path)
            if untrusted:
                raise ValueError(f"Untrusted types in the intent regression: {untrusted}")
            component = cls(config, execution_context.node_name, model_storage, resource)
            component.clf = sio.load(path, trusted=None)
            return component
