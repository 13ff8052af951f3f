"""A form that chooses its own questions can still be stopped by a validator (actions/forms/stoppable.py)."""

from __future__ import annotations

import asyncio
from typing import Any

from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.forms.stoppable import StoppableForm
from tests.actions.trackers import tracker


class AsksNextQuestion:
    """Stands in for the SDK's form validation: the validators' events, then the next question."""

    def __init__(self, validators_say: list[dict[str, Any]]) -> None:
        self.validators_say = validators_say

    async def run(self, dispatcher: Any, tracker: Any, domain: Any) -> list[dict[str, Any]]:
        return [*self.validators_say, SlotSet("requested_slot", "street")]


class Form(StoppableForm, AsksNextQuestion):
    """A form with the mixin in front, as the forms use it."""


def _run(validators_say: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return asyncio.run(Form(validators_say).run(CollectingDispatcher(), tracker(), {}))


def test_a_validator_that_stops_the_form_is_not_undone_by_the_next_question():
    events = _run([SlotSet("postcode", None), SlotSet("requested_slot", None)])
    assert events == [SlotSet("postcode", None), SlotSet("requested_slot", None)]


def test_without_a_stop_the_next_question_is_asked():
    events = _run([SlotSet("postcode", "PL1 2JT")])
    assert events == [SlotSet("postcode", "PL1 2JT"), SlotSet("requested_slot", "street")]
