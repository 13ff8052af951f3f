"""Housing repairs in conversation: tenancy, triage, validation, one stored report, emergency call backs."""

from __future__ import annotations

import asyncio
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError

from actions.housing_repair import (
    ActionSubmitHousingRepair,
    ValidateHousingRepairForm,
    uk_phone,
)
from actions.housing_repair_questions import (
    ActionAskRepairCheck,
)
from actions.request_status import ActionSubmitRequestStatus
from bot.records.service_requests import ServiceRequestStore
from bot.records.tickets import TicketQueue
from bot.storage.engine import session_scope
from bot.storage.models import ServiceRequest
from channels.sms_render import render_sms
from tests.actions.trackers import answer, fix_clock, run, slots_set, tracker

UK = ZoneInfo("Europe/London")
TUESDAY_MORNING = datetime(2026, 12, 1, 10, 0, tzinfo=UK)
SATURDAY_NIGHT = datetime(2026, 12, 5, 22, 0, tzinfo=UK)
ADDRESS = {"postcode": "PL1 2JT", "street": "Citadel Mews", "house": "3"}
ROUTINE_REPORT = {
    **ADDRESS,
    "repair_tenancy": "council",
    "repair_kind": "damp_mould",
    "repair_room": "Bedroom",
    "repair_description": "Black mould on the wall behind the bed",
    "repair_check": "routine",
    "repair_access": "mornings",
    "repair_phone": "07700 900123",
    "repair_confirm": True,
}
EMERGENCY_REPORT = {
    **ROUTINE_REPORT,
    "repair_kind": "leak",
    "repair_room": "Kitchen",
    "repair_description": "Water pouring from under the sink",
    "repair_check": "emergency",
    "repair_access": "any",
}


pytestmark = pytest.mark.clock(TUESDAY_MORNING)


def _validate(
    slot: str, value, intent: str = "report_housing_repair", channel: str = "webchat", **slots
):
    return answer(
        ValidateHousingRepairForm(), "housing_repair_form", slot, value, intent, channel, **slots
    )


def _submit(slots: dict, sender: str = "webchat-1"):
    return run(ActionSubmitHousingRepair(), tracker(slots=slots, sender_id=sender))


def _stored_count() -> int:
    with session_scope() as session:
        return session.execute(select(func.count(ServiceRequest.id))).scalar_one()


def _reference(text: str) -> str:
    return text.split("Your reference is ")[1].split(".")[0]


def test_a_private_tenant_is_told_to_contact_their_landlord_and_the_form_stops(database_url):
    messages, events = _validate("repair_tenancy", "I rent from a private landlord")
    assert "landlord or letting agent must do repairs" in messages[0]["text"]
    assert "01632 960320" in messages[0]["text"]
    assert slots_set(events)["requested_slot"] is None
    _, events = _submit({**ROUTINE_REPORT, "repair_tenancy": "private"})
    assert _stored_count() == 0
    assert events and all(e["value"] is None for e in events)


def test_a_council_tenant_goes_on_and_on_sms_is_not_asked_for_a_phone_number(database_url):
    messages, events = _validate("repair_tenancy", "I rent from the council")
    assert messages == [] and slots_set(events) == {"repair_tenancy": "council"}
    _, events = _validate("repair_tenancy", "council", channel="twilio_sms")
    assert slots_set(events) == {"repair_tenancy": "council", "repair_phone": "from sms"}


def test_the_repair_is_read_from_the_opening_message():
    validator = ValidateHousingRepairForm()
    state = tracker(
        text="my boiler has packed up",
        intent="report_housing_repair",
        active_loop="housing_repair_form",
    )
    found = asyncio.run(validator.extract_repair_kind(CollectingDispatcher(), state, {}))
    assert found == {"repair_kind": "boiler"}


def test_a_repair_in_residents_words_is_matched_and_nonsense_asked_again():
    _, events = _validate("repair_kind", "the radiators are freezing")
    assert slots_set(events) == {"repair_kind": "no_heating"}
    messages, events = _validate("repair_kind", "asdf qwerty")
    assert slots_set(events) == {"repair_kind": None}
    assert "Something else" in messages[0]["text"]


def test_a_description_over_the_limit_is_refused_with_the_limit():
    messages, events = _validate("repair_description", "drip " * 80, repair_kind="leak")
    assert slots_set(events) == {"repair_description": None}
    assert "under 300" in messages[0]["text"]


def test_sparks_in_the_description_make_it_an_emergency_without_asking():
    messages, events = _validate(
        "repair_description", "The socket in the hall is sparking", repair_kind="electrics"
    )
    assert slots_set(events)["repair_check"] == "emergency"
    assert slots_set(events)["repair_access"] == "any"
    assert "emergency repair: we aim to make it safe within 24 hours" in messages[0]["text"]


def test_a_repair_with_no_emergency_question_is_routine():
    _, events = _validate("repair_description", "Mould round the window", repair_kind="damp_mould")
    assert slots_set(events) == {
        "repair_description": "Mould round the window",
        "repair_check": "routine",
    }


def test_no_heating_with_a_baby_at_home_is_an_emergency():
    messages, _ = run(ActionAskRepairCheck(), tracker(slots={"repair_kind": "no_heating"}))
    assert "over 70, disabled, unwell, or a baby" in messages[0]["text"]
    messages, events = _validate(
        "repair_check", "yes, my baby is 3 months", repair_kind="no_heating"
    )
    assert slots_set(events)["repair_check"] == "emergency"
    _, events = _validate("repair_check", "no", intent="deny", repair_kind="no_heating")
    assert slots_set(events) == {"repair_check": "routine"}


def test_a_leak_that_cannot_be_stopped_is_an_emergency_and_out_of_hours_the_line_comes_first(
    monkeypatch,
):
    fix_clock(monkeypatch, SATURDAY_NIGHT)
    messages, events = _validate("repair_check", "No", intent="deny", repair_kind="leak")
    assert slots_set(events)["repair_check"] == "emergency"
    text = messages[0]["text"]
    assert text.index("0808 157 0100") < text.index("within 24 hours")
    assert "office is closed now" in text


def test_a_door_that_will_not_lock_is_an_emergency():
    _, events = _validate("repair_check", "no it won't", intent="deny", repair_kind="lock_door")
    assert slots_set(events)["repair_check"] == "emergency"


def test_phone_numbers_are_checked_and_can_be_skipped():
    assert uk_phone("+44 7700 900123") == "07700 900123"
    assert uk_phone("01632 960123") == "01632 960123"
    assert uk_phone("12345") is None
    _, events = _validate("repair_phone", "07700900123")
    assert slots_set(events) == {"repair_phone": "07700 900123"}
    _, events = _validate("repair_phone", "skip")
    assert slots_set(events) == {"repair_phone": "none"}
    messages, events = _validate("repair_phone", "0770")
    assert slots_set(events) == {"repair_phone": None}
    assert "07700 900123" in messages[0]["text"]


def test_a_routine_repair_is_stored_once_with_a_reference_and_the_date_for_its_kind(database_url):
    messages, _ = _submit(ROUTINE_REPORT)
    text = messages[0]["text"]
    reference = _reference(text)
    assert reference.startswith("HR-")
    assert "Tuesday 15 December" in text  # damp and mould: 10 working days
    stored = ServiceRequestStore().find(reference, "PL1 2JT")
    assert stored.due_by == date(2026, 12, 15)
    assert stored.details["priority"] == "routine"
    assert stored.details["contact_phone"] == "07700 900123"
    again, _ = _submit(ROUTINE_REPORT)
    assert "already been reported" in again[0]["text"] and reference in again[0]["text"]
    assert TicketQueue().open_tickets() == []


def test_an_emergency_repair_is_stored_as_an_emergency_and_raises_an_urgent_ticket(database_url):
    messages, events = _submit(EMERGENCY_REPORT, sender="webchat-emergency")
    text = messages[0]["text"]
    reference = _reference(text)
    assert "within 24 hours" in text and "contact you as soon as possible" in text
    stored = ServiceRequestStore().find(reference, "PL1 2JT")
    assert stored.details["priority"] == "emergency"
    assert stored.due_by == date(2026, 12, 2)
    ticket = TicketQueue().open_tickets()[0]
    assert ticket.priority == "urgent" and ticket.sender_id == "webchat-emergency"
    assert reference in ticket.reason
    assert ticket.form_values["phone"] == "07700 900123"
    assert any(e["event"] == "pause" for e in events)


def test_a_status_check_of_an_emergency_repair_reads_well(database_url):
    messages, _ = _submit(EMERGENCY_REPORT)
    reference = _reference(messages[0]["text"])
    messages, _ = run(
        ActionSubmitRequestStatus(),
        tracker(
            intent="check_request_status", slots={"reference": reference, "postcode": "PL1 2JT"}
        ),
    )
    text = messages[0]["text"]
    assert "Report a repair to your council home" in text
    assert "Repair: Leak or flooding, kitchen." in text
    assert "emergency repair: we aim to make it safe within 24 hours" in text


def test_when_the_database_fails_nothing_is_stored_and_the_emergency_line_is_given(
    database_url, monkeypatch
):
    def broken(*args, **kwargs):
        raise OperationalError("insert", {}, Exception("database is down"))

    monkeypatch.setattr(ServiceRequestStore, "create", broken)
    messages, _ = _submit(EMERGENCY_REPORT)
    text = messages[0]["text"]
    assert "Nothing has been sent" in text and "0808 157 0100" in text
    assert messages[0]["buttons"][0]["payload"] == "/request_human"


def test_a_local_postcode_without_streets_in_our_records_is_asked_again_without_mentioning_bins():
    messages, events = _validate("postcode", "PL4 8AA")
    assert slots_set(events) == {"postcode": None}
    assert "address records" in messages[0]["text"] and "collection" not in messages[0]["text"]


def test_on_sms_the_number_texting_us_is_kept_for_the_call_back(database_url):
    state = tracker(slots={**ROUTINE_REPORT, "repair_phone": "from sms"}, sender_id="+447700900555")
    for event in state.events:
        if event.get("event") == "user":
            event["input_channel"] = "twilio_sms"
    messages, _ = run(ActionSubmitHousingRepair(), state)
    stored = ServiceRequestStore().find(_reference(messages[0]["text"]), "PL1 2JT")
    assert stored.details["contact_phone"] == "+447700900555"


def test_the_emergency_confirmation_fits_in_three_text_messages(database_url):
    messages, _ = _submit(EMERGENCY_REPORT, sender="+447700900322")
    body = render_sms(messages, max_segments=3).body
    assert "Your reference is HR-" in body and "0808 157 0100" in body


@pytest.mark.parametrize("slot", ["repair_check", "repair_phone"])
def test_cancel_stops_the_report_even_where_no_is_an_answer(slot):
    messages, events = _validate(slot, "cancel", intent="deny", repair_kind="leak")
    assert messages[0]["response"] == "utter_form_cancelled"
    assert slots_set(events) == {slot: None, "requested_slot": None}


def test_a_routine_repair_date_skips_the_christmas_bank_holidays(database_url, monkeypatch):
    fix_clock(monkeypatch, datetime(2026, 12, 21, 10, 0, tzinfo=UK))
    messages, _ = _submit(
        {**ROUTINE_REPORT, "repair_kind": "leak", "repair_description": "Tap drips"}
    )
    assert "Wednesday 30 December" in messages[0]["text"]  # 5 working days, not counting 25 and 28


def test_without_a_phone_number_the_resident_is_not_promised_a_call_but_told_how_to_agree_a_visit(
    database_url,
):
    messages, _ = _submit({**ROUTINE_REPORT, "repair_phone": "none"}, sender="webchat-no-phone")
    text = messages[0]["text"]
    assert "phone you" not in text
    assert (
        "please call us on 01632 960000" in text and "with your reference to agree a visit" in text
    )


def test_with_a_phone_number_the_resident_is_told_we_will_phone_to_agree_a_visit(database_url):
    messages, _ = _submit(ROUTINE_REPORT, sender="webchat-phone")
    assert "We'll phone you to agree a visit (weekday mornings" in messages[0]["text"]


def test_an_emergency_without_a_phone_number_is_answered_in_the_chat(database_url):
    messages, _ = _submit(
        {**EMERGENCY_REPORT, "repair_phone": "none"}, sender="webchat-emergency-2"
    )
    text = messages[0]["text"]
    assert "contact you as soon as possible, here in this chat, so please keep it open" in text
