"""Webchat sessions and transcript behave the same on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from bot.records.receipts import ReceiptState, ReceiptStore
from channels.webchat.store import ArrivalState, WebchatStore


def test_session_ids_are_long_random_and_unique(database_url):
    store = WebchatStore()
    ids = {store.create_session() for _ in range(20)}
    assert len(ids) == 20
    assert all(len(i) >= 40 for i in ids)


def test_polling_returns_only_messages_after_the_last_one_seen(database_url):
    store = WebchatStore()
    session = store.create_session()
    first = store.add_message(session, "bot", "Hello")
    second = store.add_message(
        session, "advisor", "Hi, I'm Sam", [{"title": "OK", "payload": "/affirm"}]
    )
    assert [m.id for m in store.messages_after(session, 0)] == [first.id, second.id]
    later = store.messages_after(session, first.id)
    assert [(m.sender, m.text, m.buttons) for m in later] == [
        ("advisor", "Hi, I'm Sam", [{"title": "OK", "payload": "/affirm"}])
    ]


def test_one_session_never_sees_another_sessions_messages(database_url):
    store = WebchatStore()
    mine, theirs = store.create_session(), store.create_session()
    store.add_message(theirs, "resident", "my private message")
    assert store.messages_after(mine, 0) == []
    assert store.messages_by_id(mine, [1, 2, 3]) == []


def test_an_unknown_session_is_refused(database_url):
    arrival = WebchatStore().receive(
        "not-a-session", "hi", channel="webchat", receipt_id=None, allow=lambda _: True
    )
    assert arrival.state == ArrivalState.UNKNOWN_SESSION


def test_a_session_idle_for_too_long_is_refused(database_url):
    from datetime import timedelta

    from bot.storage.engine import session_scope
    from bot.storage.models import WebchatSession, utcnow

    store = WebchatStore(idle_hours=1)
    session_id = store.create_session()
    with session_scope() as session:
        session.get(WebchatSession, session_id).last_active_at = utcnow() - timedelta(hours=2)
    arrival = store.receive(
        session_id, "hi", channel="webchat", receipt_id=None, allow=lambda _: True
    )
    assert arrival.state == ArrivalState.UNKNOWN_SESSION
    assert store.messages_after(session_id, 0) == []


def test_an_inbound_message_is_claimed_and_stored_in_one_step_and_a_repeat_adds_nothing(
    database_url,
):
    store = WebchatStore()
    session = store.create_session()
    first = store.receive(
        session,
        "my bin was missed",
        channel="webchat",
        receipt_id=f"{session}:1",
        allow=lambda _: True,
    )
    assert first.state == ReceiptState.NEW
    again = store.receive(
        session,
        "my bin was missed",
        channel="webchat",
        receipt_id=f"{session}:1",
        allow=lambda _: True,
    )
    assert again.state == ReceiptState.PROCESSING
    replies = store.answer(
        session,
        [("bot", "Sorry about that.", []), ("bot", "Which street?", [])],
        channel="webchat",
        receipt_id=f"{session}:1",
    )
    repeat = store.receive(
        session,
        "my bin was missed",
        channel="webchat",
        receipt_id=f"{session}:1",
        allow=lambda _: True,
    )
    assert repeat.state == ReceiptState.DONE
    assert [m.text for m in repeat.replies] == ["Sorry about that.", "Which street?"]
    assert [m.id for m in repeat.replies] == [m.id for m in replies]
    transcript = store.messages_after(session, 0)
    assert [(m.sender, m.text) for m in transcript] == [
        ("resident", "my bin was missed"),
        ("bot", "Sorry about that."),
        ("bot", "Which street?"),
    ]


def test_an_unknown_or_rate_limited_session_stores_nothing(database_url):
    store = WebchatStore()
    assert store.receive(
        "nope", "hi", channel="webchat", receipt_id="nope:1", allow=lambda _: True
    ).state == (ArrivalState.UNKNOWN_SESSION)
    session = store.create_session()
    limited = store.receive(
        session, "hi", channel="webchat", receipt_id=f"{session}:1", allow=lambda _: False
    )
    assert limited.state == ArrivalState.RATE_LIMITED
    assert store.messages_after(session, 0) == []
    assert ReceiptStore().claim_receipt("webchat", f"{session}:1") == (ReceiptState.NEW, [])


def test_the_transcript_never_keeps_a_card_number(database_url):
    store = WebchatStore()
    session = store.create_session()
    store.add_message(session, "advisor", "Your card 4111 1111 1111 1111 is not needed")
    assert [m.text for m in store.messages_after(session)] == [
        "Your card [card number removed] is not needed"
    ]


def _lease_runs_out(receipt_id: str) -> None:
    """What a crash mid-turn leaves: a `processing` receipt nobody renews any more."""
    from datetime import timedelta

    from sqlalchemy import update

    from bot.records.receipts import LEASE_S
    from bot.storage.engine import session_scope
    from bot.storage.models import MessageReceipt, utcnow

    with session_scope() as session:
        session.execute(
            update(MessageReceipt)
            .where(MessageReceipt.external_id == receipt_id)
            .values(received_at=utcnow() - timedelta(seconds=LEASE_S + 5))
        )


def test_a_message_whose_turn_was_cut_off_is_taken_over_once_and_not_stored_twice(database_url):
    from bot.records.receipts import LeaseLost

    store = WebchatStore()
    session = store.create_session()
    receipt = f"{session}:1"

    def arrive():
        return store.receive(
            session,
            "my bin was missed",
            channel="webchat",
            receipt_id=receipt,
            allow=lambda _: True,
        )

    crashed = arrive()
    assert crashed.state == ReceiptState.NEW and crashed.lease is not None
    assert arrive().state == ReceiptState.PROCESSING  # its turn may still be running
    _lease_runs_out(receipt)
    retry = arrive()
    assert retry.state == ReceiptState.TAKEN_OVER and retry.lease is not None
    assert arrive().state == ReceiptState.PROCESSING  # the retry now holds it
    with pytest.raises(LeaseLost):  # the first attempt, had it only stalled, stores nothing
        store.answer(session, [("bot", "late", [])], channel="webchat", receipt_id=receipt,
                     lease=crashed.lease)  # fmt: skip
    store.answer(session, [("bot", "Which street?", [])], channel="webchat", receipt_id=receipt,
                 lease=retry.lease)  # fmt: skip
    assert [(m.sender, m.text) for m in store.messages_after(session, 0)] == [
        ("resident", "my bin was missed"),
        ("bot", "Which street?"),
    ]
    assert [m.text for m in arrive().replies] == ["Which street?"]
