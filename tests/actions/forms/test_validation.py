"""Form answers are not lost to a weak guess that the message was another request."""

from __future__ import annotations

import pytest

from actions.fly_tipping import ValidateFlyTippingForm
from actions.forms.validation import WEAK_INTENT_CONFIDENCE
from bot.intents import CRISIS_INTENTS
from tests.actions.trackers import run, slots_set, tracker


def location_answer(
    text: str, intent: str, confidence: float, crisis_rule: str | None = None
) -> dict:
    extra: dict = {"intent": {"name": intent, "confidence": confidence}}
    if crisis_rule:
        extra["crisis_rule"] = crisis_rule
    state = tracker(
        text=text,
        intent=intent,
        slots={"fly_tipping_kind": "mattress", "fly_tipping_amount": "small"},
        active_loop="fly_tipping_form",
        parse_extra=extra,
    )
    state.slots["requested_slot"] = "report_location"
    _, events = run(ValidateFlyTippingForm(), state)
    return slots_set(events)


def test_a_place_that_scores_a_little_for_arrears_is_taken_as_the_place():
    # "behind" is arrears vocabulary: the classifier gave this 0.31 for council_tax_arrears.
    slots = location_answer("behind the Co-op on Union Street", "council_tax_arrears", 0.31)
    assert slots.get("report_location"), slots


def test_a_confident_other_request_still_interrupts_the_form():
    slots = location_answer(
        "I can't pay my council tax, I've had a summons", "council_tax_arrears", 0.93
    )
    assert "report_location" not in slots


@pytest.mark.parametrize(
    "intent", ["suicide_self_harm", "gas_leak", "domestic_abuse", "request_human", "deny"]
)
def test_a_rule_matched_crisis_talk_to_a_person_and_no_interrupt_at_any_confidence(intent):
    rule = "a crisis rule" if intent in CRISIS_INTENTS else None
    slots = location_answer("behind the shops", intent, WEAK_INTENT_CONFIDENCE / 2, rule)
    assert "report_location" not in slots


@pytest.mark.parametrize("confidence", [0.4, 0.85])
def test_a_crisis_guessed_by_the_classifier_alone_is_taken_as_the_answer(confidence):
    slots = location_answer("behind the gas works on Albert Road", "gas_leak", confidence)
    assert slots.get("report_location"), slots


def test_a_very_likely_classifier_crisis_still_interrupts_the_form():
    slots = location_answer("it stinks of gas round here", "gas_leak", 0.95)
    assert "report_location" not in slots
