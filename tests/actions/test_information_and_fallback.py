"""Information answers come from council data (misunderstandings: tests/actions/test_fallback.py)."""

from __future__ import annotations

import pytest

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
