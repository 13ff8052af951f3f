"""A resident's request is stored once, or they are told plainly that nothing was sent (actions/request_store.py)."""

from __future__ import annotations

from datetime import date

from rasa_sdk.executor import CollectingDispatcher

from actions import context
from actions.request_store import channel_of, store_request
from bot.records.service_requests import ServiceRequestStore
from tests.actions.trackers import tracker


def _store(state, dispatcher: CollectingDispatcher, job: str = "general"):
    return store_request(
        dispatcher,
        state,
        context.council().service("missed_bin"),
        postcode="PL1 2JT",
        address="12, Example Street, PL1 2JT",
        due_by=date(2026, 12, 4),
        details={"bin_type": job},
        same_job=["12, Example Street, PL1 2JT", job, "2026-12-01"],
    )


def test_a_request_is_stored_with_the_services_reference_and_the_residents_channel(database_url):
    dispatcher = CollectingDispatcher()
    stored = _store(tracker(sender_id="chat-1"), dispatcher)

    assert stored is not None and stored.reference.startswith("MB-")
    found = ServiceRequestStore().find(stored.reference, "PL1 2JT")
    assert found is not None and found.address == "12, Example Street, PL1 2JT"
    assert dispatcher.messages == []


def test_the_same_job_reported_twice_keeps_the_first_reference(database_url):
    first = _store(tracker(sender_id="chat-1"), CollectingDispatcher())
    again = _store(tracker(sender_id="chat-2"), CollectingDispatcher())

    assert first is not None and again is not None
    assert again.reference == first.reference and not again.created_now


def test_when_storing_fails_the_resident_is_told_nothing_was_sent_and_given_the_phone(
    monkeypatch, tmp_path
):
    from tests.conftest import reset_cached_state

    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path}/never-migrated.db")
    reset_cached_state()
    dispatcher = CollectingDispatcher()

    assert _store(tracker(), dispatcher) is None

    [message] = dispatcher.messages
    assert "Sorry, I couldn't save your report" in message["text"]
    assert "Nothing has been sent." in message["text"]
    assert context.council().config.contact.phone in message["text"]
    assert [b["payload"] for b in message["buttons"]] == ["/request_human"]
    reset_cached_state()


def test_the_channel_stored_is_the_one_the_resident_wrote_from():
    assert channel_of(tracker()) == "webchat"
