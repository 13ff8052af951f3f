"""Parking permits in conversation: zone by street, permit and vehicle checks, price, one stored application."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy.exc import OperationalError

from actions.parking_permit import (
    ActionAskPermitConfirm,
    ActionAskPermitType,
    ActionParkingFine,
    ActionSubmitParkingPermit,
    ValidateParkingPermitForm,
    vehicle_registration,
)
from actions.request_status import ActionSubmitRequestStatus
from bot.records.service_requests import ServiceRequestStore
from channels.sms_render import render_sms
from tests.actions.trackers import answer, run, slots_set, tracker

UK = ZoneInfo("Europe/London")
TUESDAY = datetime(2026, 12, 1, 10, 0, tzinfo=UK)
ADDRESS = {"postcode": "PL1 2JT", "street": "Citadel Mews", "house": "3"}
RESIDENT = {**ADDRESS, "permit_type": "resident", "vehicle_reg": "AB12 CDE", "permit_confirm": True}


pytestmark = pytest.mark.clock(TUESDAY)


def _validate(slot: str, value, **slots):
    return answer(
        ValidateParkingPermitForm(), "parking_permit_form", slot, value, "parking_permit", **slots
    )


def _submit(slots: dict = RESIDENT, sender: str = "webchat-1"):
    return run(ActionSubmitParkingPermit(), tracker(slots=slots, sender_id=sender))


def _reference(text: str) -> str:
    return text.split("Your reference is ")[1].split(".")[0]


def test_a_street_outside_every_zone_is_told_plainly_that_no_permit_is_needed():
    messages, events = _validate("postcode", "PL2 1QH")  # Dockyard Road, the only street there
    assert "Dockyard Road isn't in a residents' parking zone" in messages[0]["text"]
    assert "don't need a permit" in messages[0]["text"]
    assert slots_set(events)["requested_slot"] is None


def test_a_street_in_a_zone_goes_on_to_the_permits_sold_there_with_prices():
    messages, events = _validate("postcode", "PL1 2JT")
    assert messages == [] and slots_set(events)["street"] == "Citadel Mews"
    messages, _ = run(ActionAskPermitType(), tracker(slots=ADDRESS))
    text = messages[0]["text"]
    assert "Citadel Mews is in Zone A (Barbican and Stonehouse)" in text
    assert "Resident permit (12 months): £60.00" in text and "Business permit" in text
    assert [b["payload"] for b in messages[0]["buttons"]] == ["resident", "visitor", "business"]


def test_a_street_chosen_from_several_is_checked_for_its_zone():
    messages, events = _validate("street", "Tamar Road", postcode="PL2 1DE")
    assert "isn't in a residents' parking zone" in messages[0]["text"]
    assert slots_set(events)["requested_slot"] is None


def test_a_visitor_permit_needs_no_vehicle(database_url):
    _, events = _validate("permit_type", "one for my visitors", **ADDRESS)
    assert slots_set(events) == {"permit_type": "visitor", "vehicle_reg": "not needed"}


def test_a_permit_not_sold_in_the_zone_is_not_accepted(database_url):
    address = {"postcode": "PL3 4BP", "street": "Mutley Gardens", "house": "2"}
    messages, events = _validate("permit_type", "business", **address)
    assert slots_set(events) == {"permit_type": None}


def test_uk_number_plates_are_checked_and_written_the_standard_way():
    assert vehicle_registration("ab12cde") == "AB12 CDE"
    assert vehicle_registration("A123 BCD") == "A123 BCD"
    assert vehicle_registration("ABC 123D") == "ABC 123D"
    assert vehicle_registration("hello world") is None
    _, events = _validate("vehicle_reg", "ab12 cde")
    assert slots_set(events) == {"vehicle_reg": "AB12 CDE"}
    messages, events = _validate("vehicle_reg", "my car")
    assert slots_set(events) == {"vehicle_reg": None}
    assert "AB12 CDE" in messages[0]["text"]


def test_the_read_back_shows_the_permit_vehicle_address_and_price():
    messages, _ = run(ActionAskPermitConfirm(), tracker(slots={**RESIDENT, "permit_confirm": None}))
    text = messages[0]["text"]
    assert "Resident permit for Zone A (Barbican and Stonehouse)" in text
    assert "Vehicle: AB12 CDE" in text and "Price: £60.00" in text
    assert "Address: 3, Citadel Mews, PL1 2JT" in text


def test_a_confirmed_application_is_stored_once_with_how_to_pay_evidence_and_dates(database_url):
    messages, _ = _submit()
    text = messages[0]["text"]
    reference = _reference(text)
    assert reference.startswith("PP-")
    assert "To pay £60.00" in text and "01632 960000" in text
    assert "by Tuesday 15 December" in text  # evidence: 10 working days
    assert "logbook (V5C)" in text
    assert "by Tuesday 8 December" in text  # the service's 5 working days
    stored = ServiceRequestStore().find(reference, "PL1 2JT")
    assert stored.details["zone"] == "A" and stored.details["vehicle_reg"] == "AB12 CDE"
    assert stored.details["price"] == "60.00" and stored.details["paid"] is False
    again, _ = _submit()
    assert "already applied" in again[0]["text"] and reference in again[0]["text"]


def test_a_household_at_its_limit_cannot_apply_for_another(database_url):
    _submit({**RESIDENT, "vehicle_reg": "AB12 CDE"})
    _submit({**RESIDENT, "vehicle_reg": "XY34 ZZZ"})
    messages, events = _validate("permit_type", "resident", **ADDRESS)
    assert "already has 2 resident permits" in messages[0]["text"]
    assert slots_set(events)["requested_slot"] is None


def test_a_status_check_of_a_permit_reads_well(database_url):
    messages, _ = _submit()
    reference = _reference(messages[0]["text"])
    messages, _ = run(
        ActionSubmitRequestStatus(),
        tracker(
            intent="check_request_status", slots={"reference": reference, "postcode": "PL1 2JT"}
        ),
    )
    text = messages[0]["text"]
    assert "Apply for a parking permit" in text
    assert "Resident permit for AB12 CDE in Zone A (Barbican and Stonehouse)." in text
    assert "We need your payment (£60.00) and evidence by Tuesday 15 December" in text


def test_when_the_database_fails_nothing_is_applied_for_and_the_phone_number_is_given(
    database_url, monkeypatch
):
    def broken(*args, **kwargs):
        raise OperationalError("insert", {}, Exception("database is down"))

    monkeypatch.setattr(ServiceRequestStore, "create", broken)
    messages, _ = _submit()
    assert "Nothing has been sent" in messages[0]["text"] and "01632 960000" in messages[0]["text"]


def test_a_parking_fine_question_gets_the_rates_discount_and_deadlines():
    messages, _ = run(
        ActionParkingFine(), tracker(text="how do i pay a parking ticket", intent="parking_fine")
    )
    text = messages[0]["text"]
    assert "£70.00 or £50.00" in text and "within 14 days" in text and "£35.00 or £25.00" in text
    assert "after 28 days" in text and "https://" in text


@pytest.mark.parametrize("permit", ["resident", "visitor", "business"])
def test_the_whole_confirmation_fits_in_three_text_messages(database_url, permit):
    slots = {
        **RESIDENT,
        "permit_type": permit,
        "vehicle_reg": "AB12 CDE" if permit != "visitor" else "not needed",
    }
    messages, _ = _submit(slots, sender="+447700900321")
    body = render_sms(messages, max_segments=3).body
    assert "Your reference is PP-" in body and "We aim to post your permit by" in body
