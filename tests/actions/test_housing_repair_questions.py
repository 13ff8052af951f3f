"""The questions the housing repair form asks, with the council's repairs data (actions/housing_repair_questions.py)."""

from __future__ import annotations

from actions.housing_repair_questions import (
    ActionAskRepairConfirm,
    ActionAskRepairKind,
    ActionAskRepairPostcode,
    ActionAskRepairTenancy,
)
from bot.council import get_council
from tests.actions.test_housing_repair import ROUTINE_REPORT
from tests.actions.trackers import run, tracker


def test_the_read_back_names_the_repair_address_phone_and_when():
    messages, _ = run(
        ActionAskRepairConfirm(), tracker(slots={**ROUTINE_REPORT, "repair_confirm": None})
    )
    text = messages[0]["text"]
    assert "What: Damp and mould, Bedroom" in text
    assert "Address: 3, Citadel Mews, PL1 2JT" in text
    assert "Phone: 07700 900123" in text
    assert "When we can come: Weekday mornings" in text
    assert [b["payload"] for b in messages[0]["buttons"]] == ["/affirm", "/deny"]


def test_someone_reporting_for_their_mum_is_asked_for_her_postcode():
    messages, _ = run(ActionAskRepairPostcode(), tracker(slots={"acting_for": "their mum"}))
    assert "postcode of your mum's home" in messages[0]["text"]
    messages, _ = run(ActionAskRepairPostcode(), tracker())
    assert "postcode of your home" in messages[0]["text"]


def test_the_first_question_asks_who_the_home_is_rented_from_with_the_councils_tenancies():
    messages, _ = run(ActionAskRepairTenancy(), tracker())
    assert "do you rent your home from the council?" in messages[0]["text"]
    tenancies = [t.name for t in get_council().housing_repairs.tenancies]
    assert [b["title"] for b in messages[0]["buttons"]] == tenancies


def test_the_kind_of_repair_is_offered_as_a_button_per_kind_sending_its_key():
    messages, _ = run(ActionAskRepairKind(), tracker())
    kinds = get_council().housing_repairs.kinds
    assert [(b["title"], b["payload"]) for b in messages[0]["buttons"]] == [
        (k.name, k.key) for k in kinds
    ]
