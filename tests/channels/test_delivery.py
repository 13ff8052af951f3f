"""Each server app knows the deliveries of the channels it serves, and no others."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from channels.delivery import Delivery, DeliveryError, delivery_for, register_delivery


class Recorded(Delivery):
    channel = "twilio_sms"

    async def send(self, sender_id: str, text: str, *, sender: str = "advisor") -> None:
        """Nothing to send in this test."""


def _app() -> SimpleNamespace:
    return SimpleNamespace(ctx=SimpleNamespace())


def test_a_channel_registered_on_one_app_is_found_there_and_not_on_another():
    serving, other = _app(), _app()
    delivery = Recorded()
    register_delivery(serving, delivery)
    assert delivery_for(serving, "twilio_sms") is delivery
    with pytest.raises(DeliveryError, match="not switched on"):
        delivery_for(other, "twilio_sms")


def test_a_channel_that_is_not_switched_on_is_refused_in_plain_words():
    with pytest.raises(DeliveryError, match="The 'telegram' channel is not switched on"):
        delivery_for(_app(), "telegram")
