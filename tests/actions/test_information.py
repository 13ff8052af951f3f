"""Information answers come from council data; a form starts, or information.yml answers when the council has no data file for it."""

from __future__ import annotations

import pytest

from actions import housing_repair, parking_permit
from actions.housing_repair import ActionStartHousingRepair
from actions.information import ActionInformation
from actions.parking_permit import ActionStartParkingPermit
from bot.intents import INTENT_ROUTES, Route
from tests.actions.trackers import run, tracker

STARTS = [
    (
        ActionStartHousingRepair,
        (housing_repair, "repair_rules"),
        "report_housing_repair",
        "housing_repair_form",
    ),
    (ActionStartParkingPermit, (parking_permit, "_rules"), "parking_permit", "parking_permit_form"),
]


@pytest.mark.parametrize(("action", "module", "intent", "form"), STARTS)
def test_a_council_with_the_data_file_starts_the_form(action, module, intent, form):
    messages, events = run(action(), tracker(text="help", intent=intent))
    assert messages == []
    assert events == [{"event": "followup", "name": form, "timestamp": None}]


@pytest.mark.parametrize(("action", "module", "intent", "form"), STARTS)
def test_a_council_without_the_data_file_answers_from_its_information(
    action, module, intent, form, monkeypatch
):
    module, rules = module
    monkeypatch.setattr(module, rules, lambda: None)
    messages, events = run(action(), tracker(text="help", intent=intent))
    assert events == []
    assert messages and messages[0]["text"]
    assert any(b["payload"] == "/request_human" for b in messages[0]["buttons"])


ANSWERED_FROM_DATA = [
    intent
    for intent, route in INTENT_ROUTES.items()
    if route in (Route.INFORMATION, Route.SELF_SERVICE)
    and intent not in {"report_missed_bin", "check_request_status"}
]


@pytest.mark.parametrize("intent", ANSWERED_FROM_DATA)
def test_every_information_topic_is_answered_from_council_data_with_a_way_to_a_person(intent):
    messages, _ = run(ActionInformation(), tracker(intent=intent))
    assert len(messages) == 1
    assert len(messages[0]["text"]) > 40
    assert "{" not in messages[0]["text"]  # every placeholder was filled
    assert any(b["payload"] == "/request_human" for b in messages[0]["buttons"])
