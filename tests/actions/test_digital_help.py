"""Help getting online: the kind question, the nearest suitable venues, and booking a helper session."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from actions.digital_help import ActionShowVenues, ValidateDigitalHelpForm
from tests.actions.trackers import run, slots_set, tracker

UK = ZoneInfo("Europe/London")
TUESDAY_11AM = datetime(2026, 11, 24, 11, 0, tzinfo=UK)
SUNDAY_NOON = datetime(2026, 11, 29, 12, 0, tzinfo=UK)


pytestmark = pytest.mark.clock(TUESDAY_11AM)


def opening(text: str, intent: str = "find_computer_or_wifi") -> list[dict]:
    return [
        {"event": "user", "text": text, "parse_data": {"intent": {"name": intent}, "text": text}},
    ]


def show(text: str, barrier: str = "just_access", postcode: str = "PL1 2JT") -> dict:
    state = tracker(
        text="PL1 2JT",
        intent="inform",
        slots={"venue_postcode": postcode, "digital_barrier": barrier},
        events=opening(text),
    )
    messages, _ = run(ActionShowVenues(), state)
    return messages[0]


def test_a_postcode_in_the_first_message_is_used_without_asking_again():
    state = tracker(
        text="free wifi near PL1 2JT",
        intent="find_computer_or_wifi",
        active_loop="digital_help_form",
    )
    _, events = run(ValidateDigitalHelpForm(), state)
    assert slots_set(events)["venue_postcode"] == "PL1 2JT"


def test_the_barrier_button_is_understood():
    state = tracker(
        text="I'm worried about scams",
        slots={"requested_slot": "digital_barrier"},
        active_loop="digital_help_form",
        just_set={"digital_barrier": "I'm worried about scams"},
    )
    _, events = run(ValidateDigitalHelpForm(), state)
    assert slots_set(events)["digital_barrier"] == "scams"


def test_a_button_answer_starting_with_no_is_an_answer_not_a_refusal():
    state = tracker(
        text="No device or internet at home",
        intent="deny",
        slots={"requested_slot": "digital_barrier"},
        active_loop="digital_help_form",
        just_set={"digital_barrier": "No device or internet at home"},
    )
    _, events = run(ValidateDigitalHelpForm(), state)
    assert slots_set(events)["digital_barrier"] == "no_access"


def test_the_no_device_button_is_an_answer_even_when_it_reads_as_needing_extra_support():
    # The slot mapping leaves need_extra_support to its own rule, so nothing is "just set".
    state = tracker(
        text="No device or internet at home",
        intent="need_extra_support",
        slots={"requested_slot": "digital_barrier"},
        active_loop="digital_help_form",
    )
    _, events = run(ValidateDigitalHelpForm(), state)
    assert slots_set(events)["digital_barrier"] == "no_access"


def test_own_words_about_needing_extra_support_are_not_taken_as_a_barrier_answer():
    state = tracker(
        text="I can't use computers at all and have no one to help me",
        intent="need_extra_support",
        slots={"requested_slot": "digital_barrier"},
        active_loop="digital_help_form",
    )
    _, events = run(ValidateDigitalHelpForm(), state)
    assert "digital_barrier" not in slots_set(events)


def test_a_postcode_outside_the_council_is_refused_kindly():
    state = tracker(
        text="PL12 4AA",
        slots={"requested_slot": "venue_postcode", "digital_barrier": "learn"},
        active_loop="digital_help_form",
        just_set={"venue_postcode": "PL12 4AA"},
    )
    messages, events = run(ValidateDigitalHelpForm(), state)
    assert slots_set(events)["venue_postcode"] is None
    assert "Cornwall" in messages[0]["text"]


def test_the_three_nearest_venues_show_distance_offer_hours_and_address():
    message = show("where can I use a computer")
    text = message["text"]
    assert text.startswith("The nearest places with computers to PL1 2JT:")
    assert text.count(" away)") == 3
    assert "Central Library (0.5 miles away)" in text
    assert "Open now, until 6pm" in text
    assert "Drake Circus, Plymouth, PL4 8AL" in text
    assert "/book_assisted_digital" in [b["payload"] for b in message["buttons"]]


def test_filters_in_plain_words_narrow_the_venues():
    text = show("somewhere with wifi that's open on Sunday")["text"]
    assert "with WiFi, open on Sunday" in text
    assert "Stonehouse Digital Cafe" in text and "Central Library" not in text


def test_the_barrier_shapes_what_is_suggested():
    text = show("help getting online", barrier="confidence", postcode="PL5 3HA")["text"]
    assert "Crownhill Library" not in text  # no courses or helpers there, though it is nearest
    assert "Mutley Age Friendly Hub" in text


def test_worry_about_scams_gets_a_reassuring_word():
    assert "it's a scam" in show("help", barrier="scams")["text"]


def test_when_nothing_matches_the_nearest_helpful_places_are_offered_instead():
    text = show("hearing loop open on sunday")["text"]
    assert text.startswith("I couldn't find anywhere with a hearing loop, open on Sunday.")
    assert text.count(" away)") == 3
