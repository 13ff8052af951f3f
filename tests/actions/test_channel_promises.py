"""What the assistant may promise on each channel, from what it really knows about the resident."""

from __future__ import annotations

from types import SimpleNamespace

from actions.channel_promises import how_to_pay, known_mobile, payment_text_details
from tests.actions.trackers import tracker

PAYMENT = SimpleNamespace(by_text="We'll text you a link.", otherwise="Pay at the link.")


def _on(channel: str, sender_id: str):  # type: ignore[no-untyped-def]
    state = tracker(sender_id=sender_id)
    state.events[-1]["input_channel"] = channel
    return state


def test_only_a_resident_texting_us_has_a_number_we_can_text():
    assert known_mobile(_on("twilio_sms", "+447700900123")) == "+447700900123"
    assert (
        known_mobile(_on("twilio_sms", "+447700912345")) == "+447700912345"
    )  # we reply to it already
    assert known_mobile(_on("telegram", "447700900123")) is None  # a chat id, not a number
    assert (
        known_mobile(_on("webchat", "07700900123")) is None
    )  # a session id, whatever it looks like


def test_the_payment_words_promise_a_text_only_where_the_number_is_known_and_kept():
    sms, webchat = _on("twilio_sms", "+447700900123"), _on("webchat", "session-1")
    assert how_to_pay(PAYMENT, sms) == "We'll text you a link."
    assert payment_text_details(sms) == {"payment_link_text_to": "+447700900123"}
    assert how_to_pay(PAYMENT, webchat) == "Pay at the link."
    assert payment_text_details(webchat) == {}
