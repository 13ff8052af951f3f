"""Tests for the handoff gate's reading of a conversation (channels/handoff_gate.py)."""

from __future__ import annotations

from rasa.shared.core.events import ActionExecuted, ActiveLoop, SlotSet, UserUttered

from channels.handoff_gate import interrupted_form


def test_the_form_active_when_the_alarm_was_raised_is_the_one_to_resume() -> None:
    events = [
        UserUttered("I live on my own, can I get a discount"),
        ActionExecuted("council_tax_discount_form"),
        ActiveLoop("council_tax_discount_form"),
        SlotSet("requested_slot", "ctax_discount_date"),
        UserUttered("a little one was wandering the street on their own at night"),
        ActionExecuted("action_handoff"),
        ActiveLoop(None),
    ]
    assert interrupted_form(events) == "council_tax_discount_form"


def test_a_form_already_finished_before_the_alarm_is_not_resumed() -> None:
    events = [
        ActionExecuted("missed_bin_form"),
        ActiveLoop("missed_bin_form"),
        ActionExecuted("missed_bin_form"),
        ActiveLoop(None),
        ActionExecuted("action_handoff"),
    ]
    assert interrupted_form(events) is None
