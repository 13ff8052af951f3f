"""Crisis messages and "talk to a person" are never taken as answers in the repair, permit and school forms."""

from __future__ import annotations

import pytest

from bot.intents import CRISIS_INTENTS
from tests.actions.trackers import domain

FORMS = ("housing_repair_form", "parking_permit_form", "school_admissions_form")


def _text_mappings(form: str) -> list[tuple[str, dict]]:
    slots = domain()["slots"]
    required = domain()["forms"][form]["required_slots"]
    return [
        (slot, mapping)
        for slot in required
        for mapping in slots[slot]["mappings"]
        if mapping["type"] == "from_text"
        and any(c.get("active_loop") == form for c in mapping.get("conditions", []))
    ]


@pytest.mark.parametrize("form", FORMS)
def test_no_answer_in_the_form_swallows_a_crisis_or_a_request_for_a_person(form):
    mappings = _text_mappings(form)
    assert mappings
    for slot, mapping in mappings:
        refused = set(mapping.get("not_intent", []))
        assert {"request_human", *CRISIS_INTENTS} <= refused, slot


@pytest.mark.parametrize("form", ("housing_repair_form", "parking_permit_form"))
def test_the_shared_address_slots_are_asked_in_the_form(form):
    for slot in ("postcode", "street", "house"):
        assert any(slot == name for name, _ in _text_mappings(form)), slot
