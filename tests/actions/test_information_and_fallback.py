"""Information answers come from council data; misunderstandings lead to a person."""

from __future__ import annotations

import pytest

from actions.fallback import ActionFallback
from actions.information import ActionInformation
from bot.intents import INTENT_ROUTES, Route
from tests.actions.trackers import run, tracker

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


def _fallback_history(count: int) -> list[dict]:
    return [
        {"event": "user", "text": f"gibberish {i}", "parse_data": {"intent": {"name": "nlu_fallback"}}}
        for i in range(count)
    ]


def test_the_first_misunderstanding_asks_the_resident_to_rephrase():
    messages, events = run(ActionFallback(), tracker(text="zzz", intent="nlu_fallback"))
    assert "another way" in messages[0]["text"]
    assert events == [{"event": "rewind", "timestamp": None}]


def test_two_misunderstandings_in_a_row_offer_a_person():
    state = tracker(text="zzz", intent="nlu_fallback", events=_fallback_history(1))
    messages, _ = run(ActionFallback(), state)
    assert "talk to a person" in messages[0]["text"]
    assert messages[0]["buttons"][0]["payload"] == "/request_human"


def test_an_understood_message_between_misunderstandings_resets_the_count():
    history = _fallback_history(1) + [
        {"event": "user", "text": "hello", "parse_data": {"intent": {"name": "greet"}}}
    ]
    messages, _ = run(ActionFallback(), tracker(text="zzz", intent="nlu_fallback", events=history))
    assert "another way" in messages[0]["text"]
