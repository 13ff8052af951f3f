"""Our pipeline components that learn nothing are built from their configuration alone."""

from __future__ import annotations

from bot.nlu.greeting_opening import GreetingOpening
from bot.nlu.intent_ensemble import AverageRankings
from bot.nlu.stateless import StatelessComponent


def test_create_builds_the_component_itself_from_its_configuration() -> None:
    built = AverageRankings.create({"note": "kept"}, None, None, None)  # type: ignore[arg-type]

    assert type(built) is AverageRankings
    assert built.config == {"note": "kept"}


def test_a_component_built_without_configuration_has_an_empty_one() -> None:
    assert GreetingOpening().config == {}
    assert issubclass(GreetingOpening, StatelessComponent)
