"""Council tax discounts: the single person discount applied for in the chat, the others signposted."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from actions.council_tax_discount import (
    ActionAskDiscountConfirm,
    ActionSubmitCouncilTaxDiscount,
    ValidateCouncilTaxDiscountForm,
)
from actions.request_status import ActionSubmitRequestStatus
from bot.records.service_requests import ServiceRequestStore
from tests.actions.trackers import answer, run, slots_set, tracker

UK = ZoneInfo("Europe/London")
TUESDAY = datetime(2026, 12, 1, 10, 0, tzinfo=UK)
APPLICATION = {
    "ctax_discount_kind": "single_person",
    "ctax_adults": "1",
    "ctax_discount_date": "2026-11-16",
    "ctax_discount_address": "3 Citadel Mews, PL1 2JT",
    "ctax_account": "unknown",
    "ctax_discount_confirm": True,
}


pytestmark = pytest.mark.clock(TUESDAY)


def _validate(slot: str, value, intent: str = "council_tax_discount", **slots):
    return answer(
        ValidateCouncilTaxDiscountForm(), "council_tax_discount_form", slot, value, intent, **slots
    )


def _submit(slots: dict | None = None):
    return run(ActionSubmitCouncilTaxDiscount(), tracker(slots=slots or APPLICATION))


def test_living_alone_chooses_the_single_person_discount():
    _, events = _validate("ctax_discount_kind", "I live alone")
    assert slots_set(events) == {"ctax_discount_kind": "single_person"}


@pytest.mark.parametrize(
    ("said", "words", "link"),
    [
        ("I'm a student", "student certificate", "student-exemption"),
        ("Severe mental impairment", "doctor needs to sign", "severe-mental-impairment"),
        ("Disability reduction", "band below", "disability-reduction"),
        ("I'm a carer", "35 hours a week", "carers"),
    ],
)
def test_other_discounts_are_explained_from_council_data_with_the_form_and_nothing_stored(
    said, words, link
):
    messages, events = _validate("ctax_discount_kind", said)
    assert words in messages[0]["text"] and f"council-tax/{link}" in messages[0]["text"]
    assert slots_set(events) == {"ctax_discount_kind": None, "requested_slot": None}


@pytest.mark.parametrize(("said", "adults"), [("Just me", "1"), ("1", "1"), ("only me", "1")])
def test_one_adult_is_eligible(said, adults):
    _, events = _validate("ctax_adults", said, ctax_discount_kind="single_person")
    assert slots_set(events) == {"ctax_adults": adults}


@pytest.mark.parametrize("said", ["2", "me and my partner", "3 or more", "two of us"])
def test_more_than_one_adult_is_told_plainly_why_not_and_nothing_is_sent(said):
    messages, events = _validate("ctax_adults", said, ctax_discount_kind="single_person")
    text = messages[0]["text"]
    assert "doesn't apply" in text and "only for homes where one adult" in text
    assert "haven't sent anything" in text and "students" in text
    assert slots_set(events) == {"ctax_adults": None, "requested_slot": None}


def test_a_start_date_more_than_a_year_ago_is_refused_with_a_way_to_a_person():
    messages, events = _validate(
        "ctax_discount_date", "01/01/2025", ctax_discount_kind="single_person"
    )
    assert slots_set(events)["ctax_discount_date"] is None
    assert "too long ago" in messages[0]["text"] and "talk to a person" in messages[0]["text"]


def test_the_application_is_read_back_before_sending():
    messages, _ = run(
        ActionAskDiscountConfirm(), tracker(slots={**APPLICATION, "ctax_discount_confirm": None})
    )
    text = messages[0]["text"]
    assert "Single person discount (25% off) from Monday 16 November" in text
    assert "Address: 3 Citadel Mews, PL1 2JT" in text and "Account number: not given" in text


def test_a_confirmed_application_is_stored_once_with_a_reference_and_when_we_will_write(
    database_url,
):
    messages, _ = _submit()
    text = messages[0]["text"]
    reference = text.split("Your reference is ")[1].split(".")[0]
    assert reference.startswith("CD-")
    assert "write by Tuesday 22 December" in text  # 15 working days
    assert "25% off from Monday 16 November" in text
    stored = ServiceRequestStore().find(reference, "PL1 2JT")
    assert stored.service == "council_tax_discount" and stored.due_by == date(2026, 12, 22)
    assert stored.details["from_date"] == "2026-11-16" and stored.details["account_number"] is None
    again, _ = _submit()
    assert "haven't sent it twice" in again[0]["text"]

    status, _ = run(
        ActionSubmitRequestStatus(), tracker(slots={"reference": reference, "postcode": "PL1 2JT"})
    )
    assert "Single person discount application" in status[0]["text"]
    assert "decision by Tuesday 22 December" in status[0]["text"]


def test_someone_not_eligible_has_nothing_stored(database_url):
    messages, events = _submit({**APPLICATION, "ctax_adults": None, "ctax_discount_confirm": None})
    assert messages == []
    assert all(value is None for value in slots_set(events).values())


def test_a_student_asking_in_the_first_message_is_signposted_at_once():
    state = tracker(text="council tax exemption for students", intent="council_tax_discount",
                    active_loop="council_tax_discount_form")  # fmt: skip
    messages, events = run(ValidateCouncilTaxDiscountForm(), state)
    assert "student certificate" in messages[0]["text"]
    assert slots_set(events)["requested_slot"] is None


def test_living_alone_in_the_first_message_skips_the_question_which_discount():
    state = tracker(text="my partner moved out and I live alone now", intent="council_tax_discount",
                    active_loop="council_tax_discount_form")  # fmt: skip
    _, events = run(ValidateCouncilTaxDiscountForm(), state)
    assert slots_set(events)["ctax_discount_kind"] == "single_person"


def test_when_the_database_fails_nothing_is_sent_and_the_phone_number_is_given(
    database_url, monkeypatch
):
    from sqlalchemy.exc import OperationalError

    def broken(*args, **kwargs):
        raise OperationalError("insert", {}, Exception("down"))

    monkeypatch.setattr(ServiceRequestStore, "create", broken)
    messages, _ = _submit()
    assert "Nothing has been sent" in messages[0]["text"] and "01632 960000" in messages[0]["text"]


@pytest.mark.parametrize("said", ["17 Citadel Mews, PL1 2JT", "PL1 2JT", "its 4 harbour view road"])
def test_an_address_given_for_the_number_of_adults_is_asked_again_not_read_as_a_count(said):
    messages, events = _validate("ctax_adults", said, ctax_discount_kind="single_person")
    assert "how many adults live there" in messages[0]["text"]
    assert slots_set(events) == {"ctax_adults": None}
