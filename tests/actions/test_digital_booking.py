"""Booking a session with a digital helper: venue, session, reminder, read-back and a reference (actions/digital_booking.py)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from actions.digital_booking import (
    ActionAskBookingSlot,
    ActionAskBookingVenue,
    ActionSubmitDigitalSession,
    ValidateDigitalSessionForm,
)
from actions.request_status import ActionSubmitRequestStatus
from tests.actions.trackers import run, slots_set, tracker

UK = ZoneInfo("Europe/London")
TUESDAY_11AM = datetime(2026, 11, 24, 11, 0, tzinfo=UK)


pytestmark = pytest.mark.clock(TUESDAY_11AM)


def test_booking_offers_the_nearest_venues_with_sessions_first():
    state = tracker(intent="book_assisted_digital", slots={"venue_postcode": "PL7 1NA"})
    messages, _ = run(ActionAskBookingVenue(), state)
    titles = [b["title"] for b in messages[0]["buttons"]]
    assert titles[0] == "Plympton Library"
    assert "Crownhill Library" not in titles


def test_session_buttons_are_the_next_ones_with_a_place(database_url):
    state = tracker(slots={"booking_venue": "Central Library", "venue_postcode": "PL1 2JT"})
    messages, _ = run(ActionAskBookingSlot(), state)
    titles = [b["title"] for b in messages[0]["buttons"]]
    assert titles[:2] == ["Thursday 26 November, 2pm", "Saturday 28 November, 10:30am"]


def test_a_chosen_session_is_stored_as_its_start_time(database_url):
    state = tracker(
        text="Thursday 26 November, 2pm",
        slots={
            "requested_slot": "booking_slot",
            "booking_venue": "Central Library",
            "venue_postcode": "PL1 2JT",
        },
        active_loop="digital_session_form",
        just_set={"booking_slot": "Thursday 26 November, 2pm"},
    )
    _, events = run(ValidateDigitalSessionForm(), state)
    assert slots_set(events)["booking_slot"] == "2026-11-26T14:00"


def test_a_text_reminder_asks_for_a_mobile_on_webchat_only():
    assert answer("booking_reminder", "Yes, text me a reminder")[1]["booking_mobile"] is None
    assert answer("booking_reminder", "No reminder")[1]["booking_mobile"] == "not needed"


def confirmed(sender: str = "resident-1") -> object:
    return tracker(
        text="Yes, book it",
        intent="affirm",
        sender_id=sender,
        slots={
            "venue_postcode": "PL1 2JT",
            "booking_venue": "Devonport Library",
            "booking_slot": "2026-11-25T11:00",
            "booking_reminder": "yes",
            "booking_mobile": "+447700900123",
            "booking_confirm": "yes",
        },
    )


def test_a_confirmed_booking_gives_reference_when_where_what_to_bring_and_reminder(database_url):
    messages, events = run(ActionSubmitDigitalSession(), confirmed())
    text = messages[0]["text"]
    assert "Your reference is DS-" in text
    assert "When: Wednesday 25 November, 11am, for 60 minutes." in text
    assert "Where: Devonport Library, Marlborough Street, Devonport, Plymouth, PL1 4AA." in text
    assert "Please bring" in text
    assert "The council's text message system will send you a reminder the day before." in text
    assert slots_set(events)["booking_venue"] is None


def test_confirming_twice_keeps_one_booking(database_url):
    first, _ = run(ActionSubmitDigitalSession(), confirmed())
    second, _ = run(ActionSubmitDigitalSession(), confirmed())
    assert "already booked in" in second[0]["text"]
    reference = first[0]["text"].split("Your reference is ")[1][:9]
    assert reference in second[0]["text"]


def test_a_full_session_is_explained_and_another_offered(database_url):
    run(ActionSubmitDigitalSession(), confirmed("resident-1"))
    run(ActionSubmitDigitalSession(), confirmed("resident-2"))  # Devonport Wednesday holds 2
    messages, _ = run(ActionSubmitDigitalSession(), confirmed("resident-3"))
    assert "taken the last place" in messages[0]["text"]


def test_saying_no_at_the_end_books_nothing(database_url):
    state = confirmed()
    state.slots["booking_confirm"] = "no"
    messages, _ = run(ActionSubmitDigitalSession(), state)
    assert messages[0]["text"] == "Okay, I haven't booked anything."


def test_a_booking_reference_works_in_the_status_check(database_url):
    messages, _ = run(ActionSubmitDigitalSession(), confirmed())
    reference = messages[0]["text"].split("Your reference is ")[1][:9]
    state = tracker(slots={"reference": reference, "postcode": "PL1 2JT"}, sender_id="sms-someone")
    status, _ = run(ActionSubmitRequestStatus(), state)
    assert "Book a session with a digital helper, reference " + reference in status[0]["text"]
    assert "booked in for Wednesday 25 November at 11am" in status[0]["text"]


def answer(slot: str, text: str, intent: str = "inform", **slots) -> tuple[list[dict], dict]:  # type: ignore[no-untyped-def]
    state = tracker(
        text=text,
        intent=intent,
        slots={"requested_slot": slot, "venue_postcode": "PL1 2JT", **slots},
        active_loop="digital_session_form",
        just_set={slot: text},
    )
    messages, events = run(ValidateDigitalSessionForm(), state)
    return messages, slots_set(events)


@pytest.mark.parametrize(
    ("text", "value"),
    [("Yes, text me a reminder", "yes"), ("No reminder", "no"), ("no thanks", "no")],
)
def test_the_reminder_answer_is_a_simple_yes_or_no(text: str, value: str):
    assert answer("booking_reminder", text)[1]["booking_reminder"] == value


def test_a_uk_mobile_number_is_accepted_for_the_reminder():
    assert (
        answer("booking_mobile", "07700 900123", booking_reminder="yes")[1]["booking_mobile"]
        == "+447700900123"
    )


def test_a_landline_is_refused_for_a_text_reminder():
    messages, slots = answer("booking_mobile", "01752 300001", booking_reminder="yes")
    assert slots["booking_mobile"] is None and "mobile number" in messages[0]["text"]


def test_saying_no_when_asked_where_stops_the_booking(database_url):
    messages, slots = answer("booking_venue", "no thanks", intent="deny")
    assert slots["requested_slot"] is None
    assert "haven't booked anything" in messages[0]["text"]


def test_a_venue_is_chosen_by_its_name(database_url):
    assert answer("booking_venue", "Central Library")[1]["booking_venue"] == "Central Library"


def test_a_venue_without_sessions_is_not_bookable(database_url):
    messages, slots = answer("booking_venue", "Crownhill Library")
    assert slots["booking_venue"] is None
