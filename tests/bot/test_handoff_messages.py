"""What residents are told about the advisor queue, open or closed, urgent or not (bot/handoff_messages.py)."""

from __future__ import annotations

from datetime import datetime

import pytest

from bot import handoff_messages
from bot.council import Council, get_council

MONDAY_MORNING = datetime(2026, 3, 2, 10, 0)  # the contact centre is open
SATURDAY = datetime(2026, 3, 7, 10, 0)  # closed


@pytest.fixture(scope="module")
def council() -> Council:
    return get_council()


def test_the_first_in_the_queue_is_told_they_are_next_and_to_keep_the_chat_open(council):
    text = handoff_messages.place_in_queue(council, 1, MONDAY_MORNING)
    assert text.startswith("You're next in the queue. An advisor should reply in ")
    assert "keep this chat open" in text


def test_a_later_place_in_the_queue_is_given_by_number(council):
    assert "You're number 4 in the queue." in handoff_messages.place_in_queue(
        council, 4, MONDAY_MORNING
    )


def test_out_of_hours_the_resident_is_told_honestly_when_advisors_are_back(council):
    text = handoff_messages.place_in_queue(council, 1, SATURDAY, channel="twilio_sms")
    assert "Our advisors aren't working right now" in text
    assert council.opening_hours_text() in text
    assert "an advisor will reply here when we open" in text


def test_out_of_hours_on_webchat_the_resident_is_asked_to_call_as_the_chat_will_be_gone(council):
    text = handoff_messages.place_in_queue(council, 1, SATURDAY, channel="webchat")
    assert "can only reach this chat while this page is open" in text
    assert council.config.contact.phone in text


def test_an_urgent_request_gives_the_reference_and_999(council):
    text = handoff_messages.queued_text(
        council, urgent=True, reference="AD-7K3F9Q", position=1, now=MONDAY_MORNING
    )
    assert "as an urgent request. Your reference is AD-7K3F9Q." in text
    assert text.endswith("If anyone is in immediate danger, call 999.")


def test_an_urgent_request_out_of_hours_gives_the_out_of_hours_number(council):
    text = handoff_messages.queued_text(
        council, urgent=True, reference="AD-7K3F9Q", position=1, now=SATURDAY
    )
    assert f"call {council.config.out_of_hours_phone}" in text


def test_a_resident_on_the_extra_support_register_is_told_why_they_are_a_priority(council):
    text = handoff_messages.queued_text(
        council,
        urgent=False,
        reference="AD-7K3F9Q",
        position=2,
        now=MONDAY_MORNING,
        extra_support=True,
    )
    assert "a priority request, because you're registered for extra support" in text
    assert f"You can also call us on {council.config.contact.phone}." in text


def test_a_message_while_waiting_is_acknowledged_with_the_place_in_the_queue(council):
    text = handoff_messages.waiting_text(council, 3, MONDAY_MORNING)
    assert text.startswith("Thanks, I've added that for the advisor. You're number 3 in the queue.")


def test_when_a_request_cannot_be_saved_an_urgent_one_is_told_to_call_now(council):
    urgent = handoff_messages.unsaved_text(council, urgent=True, now=SATURDAY)
    normal = handoff_messages.unsaved_text(council, urgent=False, now=SATURDAY)
    assert f"Please call {council.config.out_of_hours_phone} now" in urgent and "999" in urgent
    assert council.config.contact.phone in normal and council.opening_hours_text() in normal


def test_closing_a_conversation_says_the_assistant_is_back_and_a_person_is_still_there(council):
    text = handoff_messages.resumed_text(council)
    assert "automated assistant again" in text and "ask for a person at any time" in text


def test_when_the_cap_is_reached_an_urgent_resident_is_told_whom_to_call_now_and_999(council):
    in_hours = handoff_messages.capped_text(council, urgent=True, now=MONDAY_MORNING)
    out_of_hours = handoff_messages.capped_text(council, urgent=True, now=SATURDAY)

    assert council.config.contact.phone in in_hours and in_hours.endswith("call 999.")
    assert council.config.out_of_hours_phone in out_of_hours and "999" in out_of_hours


def test_when_the_cap_is_reached_an_ordinary_request_is_given_the_number_and_hours(council):
    text = handoff_messages.capped_text(council, urgent=False, now=SATURDAY)
    assert council.config.contact.phone in text and council.opening_hours_text() in text
    assert "999" not in text


def test_an_urgent_topic_with_no_words_is_asked_what_is_happening_and_given_999(council):
    text = handoff_messages.describe_it_text(council)
    assert "what is happening" in text and "999" in text
