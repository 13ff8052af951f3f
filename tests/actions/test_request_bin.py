"""Ordering a bin in conversation: which one and why, the price before confirming, one stored order."""

from __future__ import annotations

import asyncio
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.exc import OperationalError

from actions.request_bin import (
    ActionAskBinConfirm,
    ActionAskBinReason,
    ActionSubmitRequestBin,
    ValidateRequestBinForm,
    read_household,
)
from actions.request_status import ActionSubmitRequestStatus
from bot.records.service_requests import ServiceRequestStore
from tests.actions.trackers import answer, domain, run, slots_set, tracker

UK = ZoneInfo("Europe/London")
TUESDAY = datetime(2026, 12, 1, 10, 0, tzinfo=UK)
ADDRESS = {"postcode": "PL1 2JT", "street": "Citadel Mews", "house": "3"}


pytestmark = pytest.mark.clock(TUESDAY)


def _validate(slot: str, value, **slots):
    return answer(ValidateRequestBinForm(), "request_bin_form", slot, value, "request_bin", **slots)


def _answers(events) -> dict:
    """Slots the validation set, without the next question (the form asks it)."""
    return {k: v for k, v in slots_set(events).items() if k != "requested_slot" or v is None}


def _order(container: str = "general", reason: str = "stolen", **extra) -> dict:
    return {
        **ADDRESS,
        "bin_container": container,
        "bin_reason": reason,
        "bin_confirm": True,
        **extra,
    }


def _submit(sender: str = "webchat-1", **order):
    return run(ActionSubmitRequestBin(), tracker(slots=_order(**order), sender_id=sender))


def _reference(messages) -> str:
    return messages[0]["text"].split("Your reference is ")[1].split(".")[0]


def test_the_opening_message_gives_the_container_and_the_reason():
    validator = ValidateRequestBinForm()
    state = tracker(
        text="someone nicked my green recycling bin",
        intent="request_bin",
        active_loop="request_bin_form",
    )
    dispatcher = CollectingDispatcher()
    events = asyncio.run(validator.run(dispatcher, state, domain()))
    assert slots_set(events)["bin_container"] == "recycling"
    assert slots_set(events)["bin_reason"] == "stolen"


def test_a_container_in_residents_words_is_matched():
    messages, events = _validate("bin_container", "the blue box for bottles")
    assert _answers(events) == {"bin_container": "glass"} and messages == []


def test_a_reason_in_residents_words_is_matched_and_crew_damage_beats_plain_damage():
    _, events = _validate("bin_reason", "the bin lorry crushed it", bin_container="general")
    assert _answers(events) == {"bin_reason": "crew_damaged"}
    _, events = _validate("bin_reason", "the lid has snapped off", bin_container="general")
    assert _answers(events) == {"bin_reason": "damaged"}


def test_an_extra_black_bin_is_refused_and_a_larger_one_suggested():
    messages, events = _validate("bin_reason", "I want an extra one", bin_container="general")
    assert _answers(events) == {"bin_reason": None}
    assert "larger bin" in messages[0]["text"]


def test_only_the_reasons_a_container_is_offered_for_are_buttons():
    messages, _ = run(ActionAskBinReason(), tracker(slots={"bin_container": "general"}))
    titles = [b["title"] for b in messages[0]["buttons"]]
    assert "An extra one" not in titles and "Stolen" in titles and "A larger bin" in titles


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("there are 7 of us", "6_or_more"),
        ("6 or more", "6_or_more"),
        ("my son uses continence products", "medical_need"),
        ("just the two of us", "neither"),
        ("neither", "neither"),
        ("purple", None),
    ],
)
def test_the_household_answer_is_read_from_residents_words(text: str, answer):
    assert read_household(text, 6, True) == answer


def test_a_household_that_cannot_have_a_larger_bin_is_told_why_and_nothing_is_ordered():
    messages, events = _validate(
        "bin_household", "there are 3 of us", bin_container="general", bin_reason="larger"
    )
    assert "6 or more people" in messages[0]["text"]
    assert slots_set(events) == {"bin_household": None, "requested_slot": None}


def test_the_household_question_is_only_asked_for_a_larger_bin():
    validator = ValidateRequestBinForm()
    slots = list(domain()["forms"]["request_bin_form"]["required_slots"])
    ask = asyncio.run(
        validator.required_slots(
            slots, CollectingDispatcher(), tracker(slots={"bin_reason": "larger"}), domain()
        )
    )
    skip = asyncio.run(
        validator.required_slots(
            slots, CollectingDispatcher(), tracker(slots={"bin_reason": "stolen"}), domain()
        )
    )
    assert "bin_household" in ask and "bin_household" not in skip


def test_the_confirmation_shows_the_price_and_how_to_pay_before_ordering():
    messages, _ = run(ActionAskBinConfirm(), tracker(slots={**_order(), "bin_confirm": None}))
    text = messages[0]["text"]
    assert "180 litre black wheelie bin (stolen)" in text
    assert "delivered to 3, Citadel Mews, PL1 2JT" in text
    assert (
        "Price: £25.00" in text
        and "Pay by card at https://www.example-borough.gov.uk/pay/bins" in text
    )
    assert "text" not in text  # on webchat we have no number to text a payment link to
    assert [b["payload"] for b in messages[0]["buttons"]] == ["/affirm", "/deny"]


def test_a_free_box_says_there_is_no_charge():
    messages, _ = run(
        ActionAskBinConfirm(), tracker(slots={**_order("glass", "extra"), "bin_confirm": None})
    )
    assert "There's no charge." in messages[0]["text"] and "£" not in messages[0]["text"]


def test_a_confirmed_order_is_stored_with_reference_price_and_delivery_date(database_url):
    messages, events = _submit()
    text = messages[0]["text"]
    reference = _reference(messages)
    assert reference.startswith("RB-")
    assert "by Tuesday 15 December, once you've paid" in text  # 10 working days
    assert "The price is £25.00" in text
    stored = ServiceRequestStore().find(reference, "PL1 2JT")
    assert stored.service == "request_bin" and stored.due_by == date(2026, 12, 15)
    assert stored.details["bin_type"] == "general" and stored.details["price"] == "25.00"
    assert stored.details["paid"] is False
    assert all(value is None for value in slots_set(events).values())


def test_confirming_the_same_order_twice_keeps_one_reference(database_url):
    first, _ = _submit()
    second, _ = _submit()
    assert _reference(first) in second[0]["text"] and "already ordered" in second[0]["text"]


def test_a_damaged_bin_order_says_to_leave_the_old_one_out(database_url):
    messages, _ = _submit(container="recycling", reason="crew_damaged")
    assert "Leave your old bin out" in messages[0]["text"] and "£" not in messages[0]["text"]


def test_a_status_check_says_what_is_being_delivered_and_by_when(database_url):
    messages, _ = _submit()
    status, _ = run(
        ActionSubmitRequestStatus(),
        tracker(slots={"reference": _reference(messages), "postcode": "PL1 2JT"}),
    )
    assert "a 180 litre black wheelie bin for 3, Citadel Mews, PL1 2JT" in status[0]["text"]
    assert "deliver it by Tuesday 15 December once it's paid for" in status[0]["text"]


def test_an_order_stopped_early_stores_nothing(database_url):
    messages, _ = run(ActionSubmitRequestBin(), tracker(slots={**_order(), "bin_confirm": None}))
    assert messages == []


def test_a_database_failure_is_an_apology_with_the_phone_number(database_url, monkeypatch):
    def broken(*args, **kwargs):
        raise OperationalError("insert", {}, Exception("down"))

    monkeypatch.setattr(ServiceRequestStore, "create", broken)
    messages, _ = _submit()
    assert (
        "Nothing has been ordered" in messages[0]["text"] and "01632 960000" in messages[0]["text"]
    )
    assert messages[0]["buttons"][0]["payload"] == "/request_human"


def test_a_big_family_named_in_the_opening_message_is_not_asked_again():
    state = tracker(
        text="I need a bigger black bin, we're a family of 7",
        intent="request_bin",
        active_loop="request_bin_form",
    )
    events = asyncio.run(ValidateRequestBinForm().run(CollectingDispatcher(), state, domain()))
    assert slots_set(events)["bin_reason"] == "larger"
    assert slots_set(events)["bin_household"] == "6_or_more"
    assert slots_set(events)["bin_container"] == "general"


def test_an_extra_black_bin_asked_for_in_the_first_message_is_explained_once():
    state = tracker(
        text="can I have an extra black bin", intent="request_bin", active_loop="request_bin_form"
    )
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ValidateRequestBinForm().run(dispatcher, state, domain()))
    assert (
        slots_set(events)["bin_container"] == "general" and slots_set(events)["bin_reason"] is None
    )
    assert len(dispatcher.messages) == 1 and "larger bin" in dispatcher.messages[0]["text"]


def test_a_small_household_asking_for_a_larger_bin_is_told_before_giving_the_address():
    state = tracker(
        text="I need a bigger bin, there are 3 of us",
        intent="request_bin",
        active_loop="request_bin_form",
    )
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ValidateRequestBinForm().run(dispatcher, state, domain()))
    assert "6 or more people" in dispatcher.messages[0]["text"]
    assert slots_set(events)["requested_slot"] is None


def test_a_postcode_of_another_council_names_that_council_and_asks_for_one_of_ours():
    state = tracker(
        text="PL11 2AA", intent="request_bin", slots={"postcode": "PL11 2AA"},
        active_loop="request_bin_form", just_set={"postcode": "PL11 2AA"},
    )  # fmt: skip
    state.slots["requested_slot"] = "postcode"
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ValidateRequestBinForm().run(dispatcher, state, domain()))
    assert "Cornwall Council" in dispatcher.messages[0]["text"]
    requested = [e["value"] for e in events if e.get("name") == "requested_slot"]
    assert requested and requested[-1] == "postcode"  # asked again, not stopped


def test_a_resident_texting_us_is_told_the_payment_link_comes_by_text_to_this_number():
    state = tracker(slots={**_order(), "bin_confirm": None}, sender_id="+447700900123")
    state.events[-1]["input_channel"] = "twilio_sms"
    messages, _ = run(ActionAskBinConfirm(), state)
    assert "We'll text a secure link to pay by card to this number" in messages[0]["text"]
