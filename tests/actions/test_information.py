"""Starting a form, or answering from information.yml when the council has no data file for it."""

from __future__ import annotations

import pytest

from actions import housing_repair, parking_permit
from actions.housing_repair import ActionStartHousingRepair
from actions.parking_permit import ActionStartParkingPermit
from tests.actions.trackers import run, tracker

STARTS = [
    (ActionStartHousingRepair, (housing_repair, "repair_rules"), "report_housing_repair", "housing_repair_form"),
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
