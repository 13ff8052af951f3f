"""One way to send a message to a resident on their own channel (used by the advisor console)."""

from __future__ import annotations

import abc


class DeliveryError(RuntimeError):
    """The message could not be handed to the resident's channel; the advisor is told."""


class Delivery(abc.ABC):
    """Sends text to one conversation on one channel. Each channel registers its own."""

    channel: str

    @abc.abstractmethod
    async def send(self, sender_id: str, text: str, *, sender: str = "advisor") -> None:
        """Deliver (or durably queue) the text; raise DeliveryError if that is impossible.

        sender is "advisor" for an advisor's reply and "system" for automatic notices.
        """


_DELIVERIES: dict[str, Delivery] = {}


def register_delivery(delivery: Delivery) -> None:
    """Called by each input channel when the server loads it."""
    _DELIVERIES[delivery.channel] = delivery


def delivery_for(channel: str) -> Delivery:
    try:
        return _DELIVERIES[channel]
    except KeyError:
        raise DeliveryError(
            f"The '{channel}' channel is not switched on in this server, so the reply cannot be sent."
        ) from None
