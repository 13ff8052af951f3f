"""Bulky waste bookings in conversation: items, dates with space, one stored booking, cancellation."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from actions.bulky_waste import (
    ActionAskBulkyConfirm,
    ActionAskBulkyDate,
    ActionStartBulkyWaste,
    ActionSubmitBulkyCancel,
    ActionSubmitBulkyWaste,
    ValidateBulkyCancelForm,
    ValidateBulkyWasteForm,
)
from actions.request_status import ActionSubmitRequestStatus
from bot.records.service_requests import ServiceRequestStore
from tests.actions.trackers import answer, fix_clock, run, slots_set, tracker

UK = ZoneInfo("Europe/London")
SUNDAY = datetime(2026, 11, 22, 10, 0, tzinfo=UK)  # first bookable day: Tuesday 24 November
ITEMS = [
    {"key": "sofa", "name": "Sofa or settee", "quantity": 1},
    {"key": "mattress", "name": "Mattress", "quantity": 2},
]
ADDRESS = {"postcode": "PL1 2JT", "street": "Citadel Mews", "house": "3"}


pytestmark = pytest.mark.clock(SUNDAY)


def _validate(slot: str, value, **slots):
    return answer(
        ValidateBulkyWasteForm(), "bulky_waste_form", slot, value, "book_bulky_waste", **slots
    )


def _followups(events: list[dict]) -> list[str]:
    return [e["name"] for e in events if e["event"] == "followup"]


def _booking_slots(day: str = "2026-11-24") -> dict:
    return {**ADDRESS, "bulky_items": ITEMS, "bulky_date": day, "bulky_confirm": True}


def _submit(sender: str = "webchat-1", day: str = "2026-11-24"):
    return run(ActionSubmitBulkyWaste(), tracker(slots=_booking_slots(day), sender_id=sender))


def test_items_in_the_residents_words_are_matched_and_kept(database_url):
    messages, events = _validate("bulky_items", "a settee and 2 matresses")
    assert messages == []
    assert slots_set(events)["bulky_items"] == ITEMS


def test_an_item_we_do_not_collect_is_refused_with_what_to_do_instead(database_url):
    messages, events = _validate("bulky_items", "a load of builders rubble")
    assert "can't collect builders' rubble" in messages[0]["text"]
    assert "recycling centre" in messages[0]["text"]
    assert slots_set(events) == {"bulky_items": None}


def test_more_items_than_one_booking_takes_are_refused(database_url):
    messages, events = _validate("bulky_items", "11 chairs")
    assert "up to 10" in messages[0]["text"]
    assert slots_set(events) == {"bulky_items": None}


def test_an_unknown_item_is_named_and_the_list_asked_for_again(database_url):
    messages, events = _validate("bulky_items", "a sofa and a grand piano")
    assert "'a grand piano'" in messages[0]["text"]
    assert slots_set(events) == {"bulky_items": None}


def test_the_next_collection_days_with_space_are_offered_as_buttons(database_url):
    messages, _ = run(ActionAskBulkyDate(), tracker(slots=ADDRESS))
    titles = [b["title"] for b in messages[0]["buttons"]]
    assert titles == [
        "Tuesday 24 November",
        "Thursday 26 November",
        "Saturday 28 November",
        "Tuesday 1 December",
    ]


def test_a_date_button_is_accepted_and_a_date_not_offered_is_refused(database_url):
    _, events = _validate("bulky_date", "Thursday 26 November")
    assert slots_set(events) == {"bulky_date": "2026-11-26"}
    messages, events = _validate("bulky_date", "Monday 23 November")
    assert slots_set(events) == {"bulky_date": None}
    assert "choose one of the dates" in messages[0]["text"]


def test_the_confirmation_shows_each_price_the_total_date_and_address(database_url):
    slots = {**_booking_slots(), "bulky_confirm": None}
    messages, _ = run(ActionAskBulkyConfirm(), tracker(slots=slots))
    text = messages[0]["text"]
    assert "1 x Sofa or settee: £25.00" in text and "2 x Mattress: £0.00" in text
    assert "Total: £25.00" in text
    assert "Tuesday 24 November from 3, Citadel Mews, PL1 2JT" in text
    assert [b["payload"] for b in messages[0]["buttons"]] == ["/affirm", "/deny"]


def test_a_confirmed_booking_is_stored_with_a_reference_price_and_what_happens_next(database_url):
    messages, events = _submit()
    text = messages[0]["text"]
    reference = text.split("Your reference is ")[1].split(".")[0]
    assert reference.startswith("BW-")
    assert "Tuesday 24 November" in text and "by 7am" in text
    assert (
        "£25.00" in text
        and "pay by card at https://www.example-borough.gov.uk/pay/bulky-waste" in text
    )
    assert "text" not in text.replace("cancel", "")  # no number on webchat: no text is promised
    assert "cancel until Monday 23 November" in text
    stored = ServiceRequestStore().find(reference, "PL1 2JT")
    assert stored.service == "bulky_waste" and stored.due_by == date(2026, 11, 24)
    assert stored.details["items"] == ITEMS and stored.details["total"] == "25.00"
    answers = {k: v for k, v in slots_set(events).items() if k != "last_request"}
    assert all(value is None for value in answers.values())
    assert slots_set(events)["last_request"]["reference"] == reference  # "cancel that" means it


def test_a_resident_texting_us_is_promised_the_payment_link_by_text_and_the_number_is_kept_for_it(
    database_url,
):
    state = tracker(slots=_booking_slots(), sender_id="+447700900123")
    state.events[-1]["input_channel"] = "twilio_sms"
    messages, _ = run(ActionSubmitBulkyWaste(), state)
    text = messages[0]["text"]
    assert "We'll text a secure link to pay by card to this number" in text
    reference = text.split("Your reference is ")[1].split(".")[0]
    stored = ServiceRequestStore().find(reference, "PL1 2JT")
    assert stored.details["payment_link_text_to"] == "+447700900123"


def test_a_webchat_booking_keeps_no_phone_number(database_url):
    messages, _ = _submit()
    reference = messages[0]["text"].split("Your reference is ")[1].split(".")[0]
    assert "payment_link_text_to" not in ServiceRequestStore().find(reference, "PL1 2JT").details


def test_confirming_twice_keeps_one_booking(database_url):
    first, _ = _submit()
    second, _ = _submit()
    reference = first[0]["text"].split("Your reference is ")[1].split(".")[0]
    assert "already booked" in second[0]["text"] and reference in second[0]["text"]


def test_when_the_last_place_has_just_gone_the_next_date_is_offered(database_url, monkeypatch):
    from bot.council import Council

    # Saturday 28 November has one place left in this test.
    original = Council.bulky_collection_days
    monkeypatch.setattr(
        Council, "bulky_collection_days",
        lambda self, today: [(d, 1 if d == date(2026, 11, 28) else c) for d, c in original(self, today)],
    )  # fmt: skip
    first, _ = run(
        ActionSubmitBulkyWaste(), tracker(slots={**_booking_slots("2026-11-28"), "house": "4"})
    )
    assert "Your reference is BW-" in first[0]["text"]
    messages, events = _submit(day="2026-11-28")
    assert "Saturday 28 November has just been taken" in messages[0]["text"]
    assert "The next date we can come is Tuesday 24 November" in messages[0]["text"]
    assert slots_set(events) == {"bulky_date": None, "bulky_confirm": None}
    assert _followups(events) == ["bulky_waste_form"]


def test_a_status_check_gives_the_booked_collection_date(database_url):
    messages, _ = _submit()
    reference = messages[0]["text"].split("Your reference is ")[1].split(".")[0]
    status, _ = run(
        ActionSubmitRequestStatus(), tracker(slots={"reference": reference, "postcode": "PL1 2JT"})
    )
    assert "Book a bulky waste collection" in status[0]["text"]
    assert "booked for Tuesday 24 November" in status[0]["text"]


def test_a_cancel_message_starts_the_cancellation_and_anything_else_a_booking():
    _, cancel = run(
        ActionStartBulkyWaste(),
        tracker(text="cancel my bulky collection BW-7K3F9Q", intent="book_bulky_waste"),
    )
    _, book = run(
        ActionStartBulkyWaste(),
        tracker(text="I need a sofa taking away", intent="book_bulky_waste"),
    )
    assert _followups(cancel) == ["bulky_cancel_form"]
    assert _followups(book) == ["bulky_waste_form"]


def test_the_cancellation_picks_up_the_reference_and_refuses_other_services(database_url):
    state = tracker(
        text="cancel my bulky collection bw 7k3f9q",
        intent="book_bulky_waste",
        active_loop="bulky_cancel_form",
    )
    _, events = run(ValidateBulkyCancelForm(), state)
    assert slots_set(events).get("reference") == "BW-7K3F9Q"
    state = tracker(
        text="MB-7K3F9Q",
        slots={"reference": "MB-7K3F9Q"},
        active_loop="bulky_cancel_form",
        just_set={"reference": "MB-7K3F9Q"},
    )
    state.slots["requested_slot"] = "reference"
    messages, events = run(ValidateBulkyCancelForm(), state)
    assert slots_set(events) == {"reference": None}
    assert "starts with BW" in messages[0]["text"]


def test_cancelling_a_booking_frees_its_place_and_says_so(database_url):
    messages, _ = _submit()
    reference = messages[0]["text"].split("Your reference is ")[1].split(".")[0]
    cancelled, _ = run(
        ActionSubmitBulkyCancel(), tracker(slots={"reference": reference, "postcode": "pl12jt"})
    )
    assert f"We won't come on Tuesday 24 November for booking {reference}" in cancelled[0]["text"]
    assert ServiceRequestStore().find(reference, "PL1 2JT").status == "cancelled"
    again, _ = run(
        ActionSubmitBulkyCancel(), tracker(slots={"reference": reference, "postcode": "PL1 2JT"})
    )
    assert "already cancelled" in again[0]["text"]


def test_a_booking_cannot_be_cancelled_online_after_the_cut_off(database_url, monkeypatch):
    messages, _ = _submit()
    reference = messages[0]["text"].split("Your reference is ")[1].split(".")[0]
    tuesday = datetime(2026, 11, 24, 6, 0, tzinfo=UK)
    fix_clock(monkeypatch, tuesday)
    late, _ = run(
        ActionSubmitBulkyCancel(), tracker(slots={"reference": reference, "postcode": "PL1 2JT"})
    )
    assert "too late to cancel online" in late[0]["text"]


def test_cancel_with_a_reference_read_as_a_status_check_still_cancels(database_url):
    messages, _ = _submit()
    reference = messages[0]["text"].split("Your reference is ")[1].split(".")[0]
    opening = {
        "event": "user",
        "text": f"cancel my bulky collection {reference}",
        "parse_data": {"intent": {"name": "check_request_status", "confidence": 0.7}},
    }
    state = tracker(
        text="PL1 2JT",
        intent="nlu_fallback",
        slots={"reference": reference, "postcode": "PL1 2JT"},
        events=[opening],
    )
    cancelled, _ = run(ActionSubmitRequestStatus(), state)
    assert "Cancelled." in cancelled[0]["text"]
    assert ServiceRequestStore().find(reference, "PL1 2JT").status == "cancelled"


@pytest.mark.parametrize(
    "opening, expected",
    [
        ("can you collect a fridge freezer", {"fridge_freezer": 1}),
        ("I need to get rid of an old sofa", {"sofa": 1}),
        ("book a bulky waste collection", None),
        ("can i book a collection for 3 large items", None),
    ],
)
def test_items_named_in_the_opening_message_are_kept_only_when_all_of_it_matched(
    opening, expected, database_url
):
    state = tracker(text=opening, intent="book_bulky_waste", active_loop="bulky_waste_form")
    _, events = run(ValidateBulkyWasteForm(), state)
    items = slots_set(events).get("bulky_items")
    found = {line["key"]: line["quantity"] for line in items} if items else None
    assert found == expected
