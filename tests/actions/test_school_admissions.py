"""School admissions answers: the topic from the message or a button, dated from today."""

from __future__ import annotations

import asyncio
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.school_admissions import (
    ActionAnswerSchoolAdmissions,
    ActionAskSchoolTopic,
    ValidateSchoolAdmissionsForm,
)
from tests.actions.trackers import run, slots_set, tracker

SCHOOL_DAY = datetime(2026, 12, 1, 10, 0, tzinfo=ZoneInfo("Europe/London"))
pytestmark = pytest.mark.clock(SCHOOL_DAY)


def _extract(text: str) -> dict:
    state = tracker(text=text, intent="school_admissions", active_loop="school_admissions_form")
    return asyncio.run(
        ValidateSchoolAdmissionsForm().extract_school_topic(CollectingDispatcher(), state, {})
    )


def test_the_topic_is_read_from_the_opening_message_when_it_says():
    assert _extract("when is the deadline for secondary school applications") == {
        "school_topic": "secondary"
    }
    assert _extract("I need a school place") == {}


def test_without_a_topic_the_resident_chooses_from_buttons():
    messages, _ = run(ActionAskSchoolTopic(), tracker(intent="school_admissions"))
    titles = [b["title"] for b in messages[0]["buttons"]]
    assert titles == [
        "Starting primary school",
        "Moving to secondary school",
        "Changing school during the year",
        "Appealing a decision",
        "Waiting lists",
    ]


def test_a_topic_button_is_accepted():
    state = tracker(
        text="appeals", slots={"school_topic": "appeals"}, just_set={"school_topic": "appeals"}
    )
    state.slots["requested_slot"] = "school_topic"
    _, events = run(ValidateSchoolAdmissionsForm(), state)
    assert slots_set(events) == {"school_topic": "appeals"}


def test_secondary_answer_says_the_closing_date_has_passed_and_what_comes_next():
    messages, events = run(
        ActionAnswerSchoolAdmissions(), tracker(slots={"school_topic": "secondary"})
    )
    text = messages[0]["text"]
    assert (
        "Applications for secondary school places starting September 2027 closed on "
        "Saturday 31 October 2026, which has passed. Late applications are still accepted" in text
    )
    assert "Monday 1 March 2027 (national offer day)" in text
    assert "https://www.example-borough.gov.uk/schools/admissions/secondary" in text
    assert [b["payload"] for b in messages[0]["buttons"]] == [
        "/school_admissions",
        "/request_human",
    ]
    assert slots_set(events) == {"school_topic": None}


def test_primary_answer_gives_the_closing_date_still_to_come():
    messages, _ = run(ActionAnswerSchoolAdmissions(), tracker(slots={"school_topic": "primary"}))
    assert "The closing date is Friday 15 January 2027" in messages[0]["text"]
