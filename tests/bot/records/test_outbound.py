"""The outbound queue and SMS contacts on SQLite and PostgreSQL."""

from __future__ import annotations

from bot.records.outbound import OutboundStore, phone_key

NUMBER = "+447700900123"


def test_queuing_the_same_answer_twice_adds_nothing(database_url):
    store = OutboundStore()
    first = store.enqueue("twilio_sms", "SM1", NUMBER, [("One", []), ("Two", [])])
    again = store.enqueue("twilio_sms", "SM1", NUMBER, [("One", []), ("Two", [])])
    assert first == again and len(first) == 2


def test_a_message_can_be_claimed_for_sending_only_once(database_url):
    store = OutboundStore()
    [message_id] = store.enqueue(
        "telegram", "update:1", "42", [("Hi", [{"title": "A", "payload": "/a"}])]
    )
    claimed = store.claim(message_id)
    assert claimed is not None and claimed.buttons == [{"title": "A", "payload": "/a"}]
    assert store.claim(message_id) is None


def test_statuses_never_go_backwards_and_final_ones_forget_the_number(database_url):
    store = OutboundStore()
    [message_id] = store.enqueue("twilio_sms", "SM2", NUMBER, [("Hi", [])])
    store.claim(message_id)
    store.mark_sent(message_id, "SMabc")
    assert store.apply_status("SMabc", "delivered")
    assert store.apply_status("SMabc", "sent")
    assert store.apply_status("SMabc", "undelivered")
    assert store.status_of(message_id) == "delivered"
    assert not store.apply_status("SMunknown", "delivered")


def test_a_failed_send_is_retried_with_backoff_then_given_up(database_url):
    store = OutboundStore()
    [message_id] = store.enqueue("twilio_sms", "SM3", NUMBER, [("Hi", [])])
    for _ in range(5):
        store.claim(message_id)
        store.mark_failed(message_id, "HTTP 500", retry=True)
        assert store.due("twilio_sms") == []  # not before its backoff has passed
    assert store.status_of(message_id) == "failed"


def test_opt_outs_are_stored_by_keyed_hash_only(database_url):
    store = OutboundStore()
    store.set_options(NUMBER, ["/a", "/b"])
    assert store.options(NUMBER) == ["/a", "/b"]
    store.set_opted_out(NUMBER, True)
    assert store.is_opted_out(NUMBER) and store.options(NUMBER) == []
    assert NUMBER not in phone_key(NUMBER)
    store.set_opted_out(NUMBER, False)
    assert not store.is_opted_out(NUMBER)


def test_a_queued_text_never_carries_a_card_number(database_url):
    store = OutboundStore()
    [message_id] = store.enqueue("twilio_sms", "SM9", NUMBER, [("Card 4111111111111111?", [])])
    claimed = store.claim(message_id)
    assert claimed is not None and claimed.body == "Card [card number removed]?"
