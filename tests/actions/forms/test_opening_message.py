"""The message that opened a form may already answer its questions, unless it interrupts (actions/forms/opening_message.py)."""

from __future__ import annotations

import pytest

from actions.forms.opening_message import opening_message
from tests.actions.trackers import tracker


def test_the_message_that_starts_a_form_is_its_opening_message():
    state = tracker(text="my black bin wasn't emptied on Tuesday", intent="report_missed_bin")
    assert opening_message(state)


def test_an_answer_to_a_question_the_form_asked_is_not_the_opening_message():
    state = tracker(text="the black one", intent="inform", active_loop="missed_bin_form")
    state.slots["requested_slot"] = "bin_type"
    assert not opening_message(state)


@pytest.mark.parametrize("intent", ["request_human", "gas_leak", "suicide_self_harm", "deny"])
def test_a_crisis_a_request_for_a_person_or_no_is_never_read_as_answers(intent):
    assert not opening_message(tracker(text="help", intent=intent))
