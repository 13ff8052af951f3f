"""Telling council tax about a move: which kind, a date in range, real addresses, one stored request."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy.exc import OperationalError

from actions.council_tax_move import (
    ActionAskMoveConfirm,
    ActionSubmitCouncilTaxMove,
    ValidateCouncilTaxMoveForm,
)
from actions.request_status import ActionSubmitRequestStatus
from bot.records.service_requests import ServiceRequestStore
from tests.actions.trackers import answer, run, slots_set, tracker

UK = ZoneInfo("Europe/London")
TUESDAY = datetime(2026, 12, 1, 10, 0, tzinfo=UK)
MOVING_OUT = {
    "ctax_move_kind": "out",
    "ctax_move_date": "2027-01-12",
    "ctax_old_address": "3 Citadel Mews, PL1 2JT",
    "ctax_new_address": "14 High Street, EX1 1AA",
    "ctax_account": "51234567",
    "ctax_move_confirm": True,
}


pytestmark = pytest.mark.clock(TUESDAY)


def _validate(slot: str, value, intent: str = "council_tax_move", **slots):
    return answer(
        ValidateCouncilTaxMoveForm(), "council_tax_move_form", slot, value, intent, **slots
    )


def _submit(slots: dict | None = None, sender: str = "webchat-1"):
    return run(ActionSubmitCouncilTaxMove(), tracker(slots=slots or MOVING_OUT, sender_id=sender))


def _reference(text: str) -> str:
    return text.split("Your reference is ")[1].split(".")[0]


@pytest.mark.parametrize(
    ("said", "kind"),
    [
        ("Moving out of the area", "out"),
        ("I've moved into the area", "in"),
        ("Moving within the area", "within"),
    ],
)
def test_the_kind_of_move_is_read_from_the_button_or_the_residents_words(said, kind):
    _, events = _validate("ctax_move_kind", said)
    assert slots_set(events)["ctax_move_kind"] == kind


@pytest.mark.parametrize(
    ("said", "day"),
    [
        ("12/01/2027", "2027-01-12"),
        ("1st March", "2027-03-01"),
        ("next Friday", "2026-12-04"),
        ("today", "2026-12-01"),
    ],
)
def test_moving_dates_are_understood_as_residents_type_them(said, day):
    _, events = _validate("ctax_move_date", said, ctax_move_kind="out")
    assert slots_set(events)["ctax_move_date"] == day


def test_a_moving_date_too_far_back_is_refused_with_the_earliest_date_we_take():
    messages, events = _validate("ctax_move_date", "01/06/2025", ctax_move_kind="in")
    assert slots_set(events)["ctax_move_date"] is None
    assert "too long ago" in messages[0]["text"] and "Monday 1 December 2025" in messages[0]["text"]


def test_a_moving_date_too_far_ahead_is_refused_and_the_resident_told_to_come_back_nearer_the_time():
    messages, events = _validate("ctax_move_date", "1/6/2027", ctax_move_kind="in")
    assert slots_set(events)["ctax_move_date"] is None
    assert "too far ahead" in messages[0]["text"] and "nearer the time" in messages[0]["text"]


def test_a_date_that_does_not_exist_is_refused_plainly():
    messages, _ = _validate("ctax_move_date", "31/02/2027", ctax_move_kind="in")
    assert "doesn't exist" in messages[0]["text"]


def test_a_new_address_in_the_area_is_kept_with_its_postcode():
    _, events = _validate("ctax_new_address", "12 tamar close pl2 1ab", ctax_move_kind="in")
    assert slots_set(events)["ctax_new_address"] == "12 tamar close, PL2 1AB"


def test_a_forwarding_address_may_be_anywhere_in_the_uk_when_moving_out():
    _, events = _validate("ctax_new_address", "14 High Street, EX1 1AA", ctax_move_kind="out")
    assert slots_set(events)["ctax_new_address"] == "14 High Street, EX1 1AA"


def test_an_address_without_a_postcode_is_asked_for_again():
    messages, events = _validate("ctax_old_address", "3 Citadel Mews", ctax_move_kind="out")
    assert slots_set(events)["ctax_old_address"] is None
    assert "with its postcode" in messages[0]["text"]


def test_the_account_number_must_have_the_councils_format_but_not_knowing_it_is_fine():
    _, events = _validate("ctax_account", "5123 4567", ctax_move_kind="out")
    assert slots_set(events)["ctax_account"] == "51234567"
    messages, events = _validate("ctax_account", "41234567", ctax_move_kind="out")
    assert (
        slots_set(events)["ctax_account"] is None
        and "8 digits starting with 5" in messages[0]["text"]
    )
    _, events = _validate("ctax_account", "I don't know it", intent="deny", ctax_move_kind="out")
    assert slots_set(events) == {"ctax_account": "unknown"}


def test_saying_no_at_a_question_stops_the_form_with_nothing_sent():
    messages, events = _validate("ctax_move_date", "no", intent="deny", ctax_move_kind="out")
    assert "Nothing has been sent" in messages[0]["text"]
    assert slots_set(events)["requested_slot"] is None


def test_someone_moving_into_the_area_is_not_asked_for_an_old_address_or_account_number():
    import asyncio

    from rasa_sdk.executor import CollectingDispatcher

    form = ValidateCouncilTaxMoveForm()
    asked = list(MOVING_OUT)
    state = tracker(slots={"ctax_move_kind": "in"})
    needed = asyncio.run(form.required_slots(asked, CollectingDispatcher(), state, {}))
    assert needed == ["ctax_move_kind", "ctax_move_date", "ctax_new_address", "ctax_move_confirm"]


def test_the_move_is_read_back_before_sending():
    messages, _ = run(
        ActionAskMoveConfirm(), tracker(slots={**MOVING_OUT, "ctax_move_confirm": None})
    )
    text = messages[0]["text"]
    assert "moving out of the area on Tuesday 12 January 2027" in text
    assert (
        "Leaving: 3 Citadel Mews, PL1 2JT" in text
        and "Forwarding address: 14 High Street, EX1 1AA" in text
    )
    assert "Account number: 51234567" in text
    assert [b["payload"] for b in messages[0]["buttons"]] == ["/affirm", "/deny"]


def test_a_confirmed_move_is_stored_once_with_a_reference_and_when_the_bill_comes(database_url):
    messages, events = _submit()
    text = messages[0]["text"]
    reference = _reference(text)
    assert reference.startswith("CM-")
    assert "final bill by Tuesday 15 December" in text  # 10 working days
    stored = ServiceRequestStore().find(reference, "PL1 2JT")
    assert stored.service == "council_tax_move" and stored.due_by == date(2026, 12, 15)
    assert stored.details == {
        "move": "out",
        "move_date": "2027-01-12",
        "old_address": "3 Citadel Mews, PL1 2JT",
        "new_address": "14 High Street, EX1 1AA",
        "account_number": "51234567",
        "acting_for": None,
    }
    assert all(value is None for value in slots_set(events).values())

    again, _ = _submit()
    assert "haven't sent it twice" in again[0]["text"] and reference in again[0]["text"]


def test_a_move_into_the_area_is_stored_against_the_new_address(database_url):
    slots = {"ctax_move_kind": "in", "ctax_move_date": "2026-12-01", "ctax_new_address": "3 Citadel Mews, PL1 2JT",
             "ctax_move_confirm": True}  # fmt: skip
    messages, _ = _submit(slots)
    stored = ServiceRequestStore().find(_reference(messages[0]["text"]), "PL1 2JT")
    assert stored.address == "3 Citadel Mews, PL1 2JT" and stored.details["old_address"] is None
    assert "new bill by" in messages[0]["text"]


def test_a_stopped_form_stores_nothing(database_url):
    messages, _ = _submit({**MOVING_OUT, "ctax_move_confirm": None})
    assert messages == []
    assert ServiceRequestStore().find_duplicate("council_tax_move", "x") is None


def test_when_the_database_fails_the_resident_gets_an_apology_and_the_phone_number(
    database_url, monkeypatch
):
    def broken(*args, **kwargs):
        raise OperationalError("insert", {}, Exception("down"))

    monkeypatch.setattr(ServiceRequestStore, "create", broken)
    messages, _ = _submit()
    assert "Nothing has been sent" in messages[0]["text"] and "01632 960000" in messages[0]["text"]


def test_a_status_check_of_a_move_says_what_was_told_and_when_the_bill_comes(database_url):
    messages, _ = _submit()
    reference = _reference(messages[0]["text"])
    status, _ = run(
        ActionSubmitRequestStatus(), tracker(slots={"reference": reference, "postcode": "PL1 2JT"})
    )
    text = status[0]["text"]
    assert f"reference {reference}" in text
    assert "moving out of the area on Tuesday 12 January 2027" in text
    assert "final bill by Tuesday 15 December" in text


def test_a_move_out_to_an_address_in_the_area_is_recorded_as_a_move_within_it():
    messages, events = _validate(
        "ctax_new_address", "9 Millbay Terrace, PL1 2JZ", ctax_move_kind="out"
    )
    assert slots_set(events) == {
        "ctax_new_address": "9 Millbay Terrace, PL1 2JZ",
        "ctax_move_kind": "within",
    }
    assert "move within the area" in messages[0]["text"]


def test_a_move_within_to_an_address_outside_the_area_is_recorded_as_moving_out():
    messages, events = _validate(
        "ctax_new_address", "5 Fore Street, PL11 2AA", ctax_move_kind="within"
    )
    assert slots_set(events)["ctax_move_kind"] == "out"
    assert "final bill" in messages[0]["text"]


def test_a_move_into_the_area_to_an_address_outside_it_is_pointed_to_the_right_council():
    messages, events = _validate("ctax_new_address", "5 Fore Street, PL11 2AA", ctax_move_kind="in")
    assert slots_set(events)["ctax_new_address"] is None
    assert "Cornwall Council" in messages[0]["text"]


def test_a_date_out_of_range_offers_a_person():
    messages, _ = _validate("ctax_move_date", "01/06/2025", ctax_move_kind="in")
    assert [b["payload"] for b in messages[0]["buttons"]] == ["/request_human"]


def test_someone_acting_for_a_relative_is_asked_about_them():
    from actions.council_tax_move import ActionAskMoveKind, ActionAskNewAddress

    messages, _ = run(ActionAskMoveKind(), tracker(slots={"acting_for": "their dad"}))
    assert (
        "your dad's council tax" in messages[0]["text"]
        and "Is your dad moving" in messages[0]["text"]
    )
    messages, _ = run(
        ActionAskNewAddress(), tracker(slots={"acting_for": "their dad", "ctax_move_kind": "out"})
    )
    assert "your dad's new address" in messages[0]["text"]
    readback, _ = run(
        ActionAskMoveConfirm(), tracker(slots={**MOVING_OUT, "acting_for": "their dad"})
    )
    assert readback[0]["text"].splitlines()[1].startswith("Your dad is moving out of the area")
