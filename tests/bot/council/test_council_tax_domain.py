"""The council tax and benefits forms' answers never swallow a crisis or a request for a person."""

from __future__ import annotations

import pytest

from bot.intents import INTENT_ROUTES, Route
from tests.actions.trackers import domain

FORM_SLOT_PREFIXES = ("ctax_", "benefit_")
MUST_INTERRUPT = sorted(
    intent
    for intent, route in INTENT_ROUTES.items()
    if route in (Route.EMERGENCY, Route.URGENT_ADVISOR, Route.ADVISOR)
)


def _our_slots() -> dict:
    return {
        name: slot
        for name, slot in domain()["slots"].items()
        if name.startswith(FORM_SLOT_PREFIXES)
    }


def test_every_council_tax_and_benefits_slot_is_listed_for_the_advisor_summary() -> None:
    from actions.forms.cancel import FORM_SLOTS

    assert set(_our_slots()) <= set(FORM_SLOTS)


@pytest.mark.parametrize("slot", sorted(_our_slots()))
def test_crisis_and_advisor_intents_are_never_taken_as_a_form_answer(slot: str) -> None:
    for mapping in _our_slots()[slot]["mappings"]:
        assert set(MUST_INTERRUPT) <= set(mapping.get("not_intent", [])), slot
