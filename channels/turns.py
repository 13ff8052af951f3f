"""How many messages one server worker lets into Rasa at a time (every resident channel)."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator


class TurnLimit:
    """At most `at_once` turns in Rasa per worker; the rest wait their turn in arrival order.

    Rasa's work is CPU on one event loop, so letting every message in at once only
    interleaves them: each takes as long as all of them together. With `wait_s`, a message
    that has waited that long goes in anyway, so stuck turns never hold up the rest.
    The semaphore is made on first use, on the worker's own event loop.
    """

    def __init__(self, at_once: int, wait_s: float | None = None) -> None:
        self.at_once = at_once
        self.wait_s = wait_s
        self._turns: asyncio.Semaphore | None = None

    @contextlib.asynccontextmanager
    async def turn(self) -> AsyncIterator[None]:
        """Hold one of the turns while the message is in Rasa."""
        if self._turns is None:
            self._turns = asyncio.Semaphore(self.at_once)
        try:
            await asyncio.wait_for(self._turns.acquire(), self.wait_s)
        except asyncio.TimeoutError:
            yield  # waited long enough: in without a turn
            return
        try:
            yield
        finally:
            self._turns.release()
