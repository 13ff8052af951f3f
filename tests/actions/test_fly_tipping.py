"""Fly-tipping reports: kinds from the council's list, hazard advice, the place, one stored report."""

from __future__ import annotations

import asyncio
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.fly_tipping import (
    ActionAskFlyTippingConfirm,
    ActionSubmitFlyTipping,
    ValidateFlyTippingForm,
)
from actions.request_status import ActionSubmitRequestStatus
from bot.records.service_requests import ServiceRequestStore
from tests.actions.trackers import answer, domain, run, slots_set, tracker

UK = ZoneInfo("Europe/London")
TUESDAY = datetime(2026, 12, 1, 10, 0, tzinfo=UK)
LANDMARK = {"description": "behind the Co-op on Union Street", "street": None, "postcode": ""}
TAMAR = {"description": "Tamar Road", "street": "Tamar Road", "postcode": "PL2 1DE"}


pytestmark = pytest.mark.clock(TUESDAY)


def _validate(slot: str, value, **slots):
    return answer(
        ValidateFlyTippingForm(), "fly_tipping_form", slot, value, "report_fly_tipping", **slots
    )


def _report(kind: str = "mattress", where=None, **extra) -> dict:
    return {
        "fly_tipping_kind": kind, "fly_tipping_amount": "car_boot", "report_location": where or LANDMARK,
        "fly_tipping_seen": "this morning", "fly_tipping_confirm": True, **extra,
    }  # fmt: skip


def _submit(**report):
    return run(ActionSubmitFlyTipping(), tracker(slots=_report(**report)))


def _reference(messages) -> str:
    return messages[0]["text"].split("Your reference is ")[1].split(".")[0]


def test_the_opening_message_gives_what_was_dumped_and_where():
    state = tracker(
        text="someone dumped a mattress on tamar road",
        intent="report_fly_tipping",
        active_loop="fly_tipping_form",
    )
    events = asyncio.run(ValidateFlyTippingForm().run(CollectingDispatcher(), state, domain()))
    assert slots_set(events)["fly_tipping_kind"] == "mattress"
    assert slots_set(events)["report_location"] == TAMAR


def test_asbestos_is_flagged_hazardous_and_the_resident_told_not_to_touch_it():
    messages, events = _validate("fly_tipping_kind", "some broken asbestos sheets")
    assert slots_set(events) == {"fly_tipping_kind": "asbestos"}
    assert "don't touch it" in messages[0]["text"]


def test_ordinary_rubbish_gets_no_hazard_warning():
    messages, events = _validate("fly_tipping_kind", "a load of bin bags")
    assert slots_set(events) == {"fly_tipping_kind": "black_bags"} and messages == []


def test_an_amount_in_residents_words_is_matched():
    _, events = _validate("fly_tipping_amount", "a massive pile, like a lorry load")
    assert slots_set(events) == {"fly_tipping_amount": "van_load"}


def test_a_vague_place_is_asked_again():
    messages, events = _validate("report_location", "outside")
    assert slots_set(events) == {"report_location": None}
    assert "landmark" in messages[0]["text"]


def test_when_it_was_seen_is_optional():
    _, events = _validate("fly_tipping_seen", "not sure")
    assert slots_set(events) == {"fly_tipping_seen": "not given"}
    _, events = _validate("fly_tipping_seen", "last night around 11")
    assert slots_set(events) == {"fly_tipping_seen": "last night around 11"}


def test_the_report_is_read_back_before_sending():
    messages, _ = run(
        ActionAskFlyTippingConfirm(), tracker(slots={**_report(), "fly_tipping_confirm": None})
    )
    text = messages[0]["text"]
    assert "What: a mattress (a car boot load)" in text
    assert "Where: behind the Co-op on Union Street" in text and "Seen: this morning" in text


def test_a_confirmed_report_is_stored_with_a_reference_and_the_clearing_date(database_url):
    messages, events = _submit()
    reference = _reference(messages)
    assert reference.startswith("FT-")
    assert "clear it by Tuesday 8 December" in messages[0]["text"]  # mattress: 5 working days
    stored = ServiceRequestStore().find(reference, "PL1 1AA")  # no postcode: found by reference
    assert stored.service == "fly_tipping" and stored.due_by == date(2026, 12, 8)
    assert stored.details["kind"] == "mattress" and stored.details["hazardous"] is False
    assert all(value is None for value in slots_set(events).values())


def test_hazardous_rubbish_is_cleared_sooner(database_url):
    messages, _ = _submit(kind="needles", where=TAMAR)
    assert "reported it as hazardous" in messages[0]["text"]
    assert "clear it by Wednesday 2 December" in messages[0]["text"]  # 1 working day
    stored = ServiceRequestStore().find(_reference(messages), "PL2 1DE")
    assert stored.details["hazardous"] is True and stored.address == "Tamar Road, PL2 1DE"


def test_reporting_the_same_dump_twice_keeps_one_reference(database_url):
    first, _ = _submit()
    second, _ = _submit()
    assert "already been reported" in second[0]["text"] and _reference(first) in second[0]["text"]


def test_a_status_check_says_what_and_where_and_when_it_will_be_cleared(database_url):
    messages, _ = _submit(where=TAMAR)
    status, _ = run(
        ActionSubmitRequestStatus(),
        tracker(slots={"reference": _reference(messages), "postcode": "PL2 1DE"}),
    )
    assert "Report fly-tipping, reference FT-" in status[0]["text"]
    assert "a mattress, at Tamar Road, PL2 1DE" in status[0]["text"]
    assert "We aim to clear it by Tuesday 8 December" in status[0]["text"]


def test_a_report_about_a_street_is_not_shown_for_another_postcode(database_url):
    messages, _ = _submit(where=TAMAR)
    status, _ = run(
        ActionSubmitRequestStatus(),
        tracker(slots={"reference": _reference(messages), "postcode": "PL1 2JT"}),
    )
    assert "couldn't find" in status[0]["text"]


def test_the_kinds_offered_fit_a_text_message_and_end_with_something_else():
    from actions.fly_tipping import ActionAskFlyTippingKind

    messages, _ = run(ActionAskFlyTippingKind(), tracker())
    titles = [b["title"] for b in messages[0]["buttons"]]
    assert len(titles) == 9 and titles[-1] == "Something else"
    assert {"Asbestos", "Needles or syringes"} <= set(titles)


def _status_form(reference: str):
    from actions.request_status import ValidateRequestStatusForm

    state = tracker(
        text=reference, intent="check_request_status", slots={"reference": reference},
        active_loop="request_status_form", just_set={"reference": reference},
    )  # fmt: skip
    state.slots["requested_slot"] = "reference"
    return asyncio.run(ValidateRequestStatusForm().run(CollectingDispatcher(), state, domain()))


def test_a_report_about_a_landmark_is_checked_by_its_reference_alone(database_url):
    messages, _ = _submit()  # "behind the Co-op on Union Street": no postcode
    reference = _reference(messages)
    events = _status_form(reference)
    assert slots_set(events)["requested_slot"] is None  # no postcode question
    status, _ = run(
        ActionSubmitRequestStatus(), tracker(slots={"reference": reference, "postcode": None})
    )
    assert "a mattress, at behind the Co-op on Union Street" in status[0]["text"]
    assert "clear it by Tuesday 8 December" in status[0]["text"]


def test_a_report_with_a_postcode_still_asks_for_it_before_saying_anything(database_url):
    messages, _ = _submit(where=TAMAR)
    events = _status_form(_reference(messages))
    assert "requested_slot" not in slots_set(events)  # the form goes on to ask for the postcode
    status, _ = run(
        ActionSubmitRequestStatus(),
        tracker(slots={"reference": _reference(messages), "postcode": None}),
    )
    assert status == []
