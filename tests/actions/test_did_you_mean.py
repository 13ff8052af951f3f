"""After "Do you want to ...?", a yes or an answer instead of a yes starts the request."""

from __future__ import annotations

from actions.did_you_mean import ActionYesOutsideForm, starting_actions
from actions.fallback import ActionFallback
from tests.actions.trackers import run, tracker

WEAK_MISSED_BIN = {
    "text": "the brown bin was out by 7 and the lorry drove past",
    "intent": {"name": "nlu_fallback", "confidence": 0.5},
    "intent_ranking": [
        {"name": "nlu_fallback", "confidence": 0.5},
        {"name": "report_missed_bin", "confidence": 0.45},
    ],
    "not_understood": "weak",
}


def _after_the_question(text: str, intent: str, **parse) -> object:
    earlier = [
        {"event": "action", "name": "action_listen"},
        {"event": "user", "text": WEAK_MISSED_BIN["text"], "parse_data": WEAK_MISSED_BIN},
        {"event": "action", "name": "action_fallback"},
        {
            "event": "bot",
            "text": "I'm not sure I've got that right. Do you want to report a missed bin collection?",
        },
        {"event": "user_utterance_reverted"},
        {"event": "action", "name": "action_listen"},
    ]
    return tracker(text=text, intent=intent, events=earlier, parse_extra=parse)


def test_each_request_is_started_by_the_action_its_rule_names():
    actions = starting_actions()
    assert actions["report_missed_bin"] == "missed_bin_form"
    assert actions["book_bulky_waste"] == "action_start_bulky_waste"
    assert actions["nlu_fallback"] == "action_fallback"


def test_a_typed_yes_after_the_question_starts_the_missed_bin_report():
    messages, events = run(ActionYesOutsideForm(), _after_the_question("yes please", "affirm"))
    assert messages == []
    assert events == [{"event": "followup", "name": "missed_bin_form", "timestamp": None}]


def test_carrying_on_with_a_postcode_after_the_question_is_a_yes():
    _, events = run(
        ActionFallback(), _after_the_question("PL2 3QP", "nlu_fallback", not_understood="weak")
    )
    assert events[0]["event"] == "followup" and events[0]["name"] == "missed_bin_form"


def test_gibberish_after_the_question_is_not_a_yes():
    messages, events = run(
        ActionFallback(),
        _after_the_question("qqqq wwww", "nlu_fallback", not_understood="gibberish"),
    )
    assert not any(e["event"] == "followup" for e in events)
    assert "talk to a person" in messages[-1]["text"].lower()


def test_a_yes_with_nothing_asked_before_asks_what_else():
    messages, events = run(ActionYesOutsideForm(), tracker(text="yes", intent="affirm"))
    assert events == [] and messages[0]["response"] == "utter_anything_else"
