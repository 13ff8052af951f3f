"""One way to send a message to a resident on their own channel (used by the advisor console)."""

from __future__ import annotations

import abc
from typing import Any


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


def register_delivery(app: Any, delivery: Delivery) -> None:
    """Called by each resident channel when the server starts: the app's channels, not a global."""
    deliveries = getattr(app.ctx, "deliveries", None)
    if deliveries is None:
        deliveries = app.ctx.deliveries = {}
    deliveries[delivery.channel] = delivery


def delivery_for(app: Any, channel: str) -> Delivery:
    """The delivery of a channel served by this app (the Sanic app of the request)."""
    try:
        return getattr(app.ctx, "deliveries", {})[channel]  # type: ignore[no-any-return]
    except KeyError:
        raise DeliveryError(
            f"The '{channel}' channel is not switched on in this server, so the reply cannot be sent."
        ) from None
