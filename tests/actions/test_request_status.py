"""Status checks need the reference and the postcode, and say what happens next."""

from __future__ import annotations

from datetime import date

from actions.request_status import ActionSubmitRequestStatus, ValidateRequestStatusForm
from bot.records.service_requests import ServiceRequestStore
from tests.actions.trackers import run, slots_set, tracker


def _stored_reference() -> str:
    return (
        ServiceRequestStore()
        .create(
            service="missed_bin",
            reference_prefix="MB",
            channel="sms",
            sender_id="someone",
            postcode="PL1 2JT",
            address="3, Citadel Mews, PL1 2JT",
            due_by=date(2026, 11, 26),
            details={},
            same_job=["3 citadel mews", "general", "2026-11-23"],
        )
        .reference
    )


def test_a_reference_in_the_opening_message_is_picked_up(database_url):
    state = tracker(
        text="any news on mb 7k3f9q?",
        intent="check_request_status",
        active_loop="request_status_form",
    )
    _, events = run(ValidateRequestStatusForm(), state)
    assert slots_set(events).get("reference") == "MB-7K3F9Q"


def test_a_request_made_on_another_channel_can_be_checked_with_reference_and_postcode(database_url):
    reference = _stored_reference()
    state = tracker(
        slots={"reference": reference, "postcode": "PL1 2JT"}, sender_id="webchat-session"
    )
    messages, _ = run(ActionSubmitRequestStatus(), state)
    text = messages[0]["text"]
    assert reference in text and "received" in text
    assert "Thursday 26 November" in text


def test_the_wrong_postcode_reveals_nothing_about_the_request(database_url):
    reference = _stored_reference()
    state = tracker(slots={"reference": reference, "postcode": "PL4 8AA"})
    messages, _ = run(ActionSubmitRequestStatus(), state)
    assert "couldn't find a request" in messages[0]["text"]
    assert "Citadel" not in messages[0]["text"]


def _store(service: str, prefix: str, details: dict) -> str:
    return (
        ServiceRequestStore()
        .create(
            service=service,
            reference_prefix=prefix,
            channel="webchat",
            sender_id="someone",
            postcode="PL1 2JT",
            address="3, Citadel Mews, PL1 2JT",
            due_by=date(2026, 11, 26),
            details=details,
            same_job=[service, "3 citadel mews"],
        )
        .reference
    )


def _status(reference: str) -> str:
    state = tracker(slots={"reference": reference, "postcode": "PL1 2JT"})
    messages, _ = run(ActionSubmitRequestStatus(), state)
    return messages[0]["text"]


def test_a_missed_bin_status_says_which_bin_we_will_come_back_for_and_by_when(database_url):
    text = _status(_store("missed_bin", "MB", {"bin_type": "general"}))
    assert "We'll collect your black general waste bin by Thursday 26 November." in text


def test_a_parking_permit_status_says_the_permit_waits_for_payment_and_evidence(database_url):
    text = _status(_store("parking_permit", "PP", {"paid": False}))
    assert "We aim to post your permit by Thursday 26 November once we have your payment" in text


def test_every_service_reads_as_a_plain_status_reply_with_its_reference(database_url):
    from bot.council import get_council

    for service in get_council().services.values():
        reference = _store(service.key, service.reference_prefix, {})
        text = _status(reference)
        assert reference in text, service.key
        assert "None" not in text and "Status:" not in text, (service.key, text)
        assert "received it" in text or "booked" in text, (service.key, text)
