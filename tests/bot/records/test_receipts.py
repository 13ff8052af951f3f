"""Inbound message receipts (every channel) and the stash that lets an unanswered message be answered later."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import update

from bot.records.receipts import LEASE_S, InboundStash, ReceiptState, ReceiptStore
from bot.storage.engine import session_scope
from bot.storage.models import MessageReceipt, utcnow


def test_a_repeated_message_id_is_answered_from_the_first_receipt(database_url):
    store = ReceiptStore()
    assert store.claim_receipt("webchat", "s:1") == (ReceiptState.NEW, [])
    assert store.claim_receipt("webchat", "s:1") == (ReceiptState.PROCESSING, [])
    store.complete_receipt("webchat", "s:1", [5, 6])
    assert store.claim_receipt("webchat", "s:1") == (ReceiptState.DONE, [5, 6])


def test_a_failed_message_can_be_retried_after_its_receipt_is_released(database_url):
    store = ReceiptStore()
    store.claim_receipt("webchat", "s:2")
    store.release_receipt("webchat", "s:2")
    assert store.claim_receipt("webchat", "s:2") == (ReceiptState.NEW, [])


def _age(channel: str, external_id: str, seconds: float) -> None:
    with session_scope() as session:
        session.execute(
            update(MessageReceipt)
            .where(MessageReceipt.channel == channel, MessageReceipt.external_id == external_id)
            .values(received_at=utcnow() - timedelta(seconds=seconds))
        )


def test_a_stashed_message_is_taken_once_when_stale_and_never_after_it_is_answered(database_url):
    receipts, stash = ReceiptStore(), InboundStash("telegram")
    receipts.claim_receipt("telegram", "41")
    stash.stash("41", {"update_id": 41, "message": {"text": "hello"}})
    assert stash.take_stale(300) == []  # fresh: its own turn may still be running
    _age("telegram", "41", 600)
    assert stash.take_stale(300) == [("41", {"update_id": 41, "message": {"text": "hello"}})]
    assert stash.take_stale(300) == []  # claimed by this process: not taken twice
    _age("telegram", "41", 600)
    receipts.complete_receipt("telegram", "41", [7])
    assert stash.take_stale(300) == []


def test_the_stash_of_one_channel_is_not_taken_by_another(database_url):
    ReceiptStore().claim_receipt("twilio_sms", "SM1")
    InboundStash("twilio_sms").stash("SM1", {"sender": "+447700900123", "text": "hi"})
    _age("twilio_sms", "SM1", 600)
    assert InboundStash("telegram").take_stale(300) == []
    assert InboundStash("twilio_sms").take_stale(300) == [
        ("SM1", {"sender": "+447700900123", "text": "hi"})
    ]


def test_a_stashed_message_never_keeps_a_card_number(database_url):
    receipts, stash = ReceiptStore(), InboundStash("twilio_sms")
    receipts.claim_receipt("twilio_sms", "SM1")
    stash.stash("SM1", {"sender": "+447700900123", "text": "pwd: hunter2, card 4111111111111111"})
    _age("twilio_sms", "SM1", 600)
    assert stash.take_stale(300) == [
        (
            "SM1",
            {
                "sender": "+447700900123",
                "text": "pwd: [password removed] card [card number removed]",
            },
        )
    ]


def test_a_lease_renewed_in_time_is_never_taken_over_and_one_run_out_is_taken_once(database_url):
    store = ReceiptStore()
    store.claim_receipt("webchat", "s:3")
    assert store.take_over("webchat", "s:3") is None  # a live turn holds it
    _age("webchat", "s:3", LEASE_S + 5)  # its process died: nobody renewed the lease
    lease = store.take_over("webchat", "s:3")
    assert lease is not None
    assert store.take_over("webchat", "s:3") is None  # taken once, by one attempt
    renewed = store.renew_lease("webchat", "s:3", lease)
    assert renewed is not None
    store.complete_receipt("webchat", "s:3", [9])
    _age("webchat", "s:3", LEASE_S + 5)
    assert store.take_over("webchat", "s:3") is None  # answered: never run again
    assert store.answered("webchat", "s:3") == [9]


def test_a_turn_whose_lease_was_taken_over_cannot_renew_it(database_url):
    store = ReceiptStore()
    store.claim_receipt("webchat", "s:4")
    _age("webchat", "s:4", LEASE_S + 5)
    first = store.take_over("webchat", "s:4")
    _age("webchat", "s:4", LEASE_S + 5)
    second = store.take_over("webchat", "s:4")
    assert first is not None and second is not None
    assert store.renew_lease("webchat", "s:4", first) is None
    assert store.renew_lease("webchat", "s:4", second) is not None


def test_a_failed_turn_gives_its_lease_up_for_the_retry_at_once(database_url):
    store = ReceiptStore()
    store.claim_receipt("webchat", "s:5")
    _age("webchat", "s:5", LEASE_S + 5)
    lease = store.take_over("webchat", "s:5")
    assert lease is not None
    store.give_up_lease("webchat", "s:5", lease)
    assert store.take_over("webchat", "s:5") is not None


def test_a_held_lease_is_renewed_while_its_turn_runs_and_stops_once_taken_over(
    database_url, monkeypatch
):
    import asyncio

    from bot.records import receipts as module

    monkeypatch.setattr(module, "LEASE_RENEW_S", 0.05)
    store = ReceiptStore()
    store.claim_receipt("webchat", "s:6")
    _age("webchat", "s:6", LEASE_S + 5)
    lease = store.take_over("webchat", "s:6")

    async def turn() -> module.HeldLease:
        async with module.HeldLease(store, "webchat", "s:6", lease) as held:
            await asyncio.sleep(0.3)
            assert store.take_over("webchat", "s:6") is None  # renewed: still held
            _age("webchat", "s:6", LEASE_S + 5)  # the process stalls; a retry takes over
            assert store.take_over("webchat", "s:6") is not None
            await asyncio.sleep(0.2)
        return held

    held = asyncio.run(turn())
    assert held.lease is not None and held.lease != lease  # it was renewed at least once
    assert store.renew_lease("webchat", "s:6", held.lease) is None  # and then lost


def test_a_claimed_message_always_has_what_is_needed_to_answer_it(database_url):
    """Claim and stash in one transaction: a crash between them would leave nothing to answer from."""
    stash = InboundStash("twilio_sms")
    pending = {"sender": "+447700900123", "text": "hi"}
    assert stash.claim("SM9", pending) == ReceiptState.NEW
    assert stash.claim("SM9", pending) == ReceiptState.PROCESSING
    _age("twilio_sms", "SM9", 600)
    assert stash.take_stale(300) == [("SM9", pending)]
    ReceiptStore().complete_receipt("twilio_sms", "SM9", [3])
    assert stash.claim("SM9", pending) == ReceiptState.DONE


def test_a_message_still_being_answered_is_not_taken_by_recovery(database_url):
    stash = InboundStash("telegram")
    stash.claim("77", {"update_id": 77})
    _age("telegram", "77", 600)
    stash.renew("77")  # its turn is still running somewhere
    assert stash.take_stale(30) == []
    _age("telegram", "77", 31)
    assert stash.take_stale(30) == [("77", {"update_id": 77})]
