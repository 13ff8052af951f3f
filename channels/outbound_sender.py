"""Sends queued messages off the request path: claim, check opt-out, send, record, retry with backoff.

A channel's send function returns a SendResult or raises SendError (defined here, for every channel).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass

from sqlalchemy.exc import SQLAlchemyError

from bot.records.outbound import Outbound, OutboundStore
from channels import metrics

logger = logging.getLogger(__name__)
RETRY_POLL_S = 2.0
RECOVER_EVERY_TICKS = 5  # look for unanswered inbound messages every 10 s


@dataclass(frozen=True)
class SendResult:
    """The provider's id for the message and its first status."""

    provider_id: str | None
    status: str = "sent"


class SendError(RuntimeError):
    """A send failed; `retry` says whether trying again may help."""

    def __init__(self, message: str, *, retry: bool) -> None:
        super().__init__(message)
        self.retry = retry


SendFunction = Callable[[Outbound], Awaitable[SendResult]]
BlockedCheck = Callable[[Outbound], bool]
# A channel's wait for its turn to send to one recipient (e.g. Telegram's one a second per chat).
Pacing = Callable[[str], AbstractAsyncContextManager[None]]


def _no_pacing(_: str) -> AbstractAsyncContextManager[None]:
    return contextlib.nullcontext()


class OutboundSender:
    """One per channel and server process; any process may pick up another's retries."""

    def __init__(
        self,
        store: OutboundStore,
        channel: str,
        send: SendFunction,
        blocked: BlockedCheck | None = None,
        recover: Callable[[], Awaitable[None]] | None = None,
        pace: Pacing | None = None,
    ) -> None:
        self.store = store
        self._pace = pace or _no_pacing
        self.channel = channel
        self._send = send
        self._blocked = blocked or (lambda _: False)
        self._tasks: set[asyncio.Task] = set()
        self._retry_loop: asyncio.Task | None = None
        self._recover = recover

    def send_soon(self, message_ids: list[int]) -> None:
        """Start sending in the background (in order), without waiting."""
        if message_ids:
            self.spawn(self.send_in_order(message_ids))

    def spawn(self, work: Awaitable[None]) -> asyncio.Task:
        task = asyncio.ensure_future(work)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    async def send_in_order(self, message_ids: list[int]) -> None:
        for message_id in message_ids:
            await self.send_one(message_id)

    async def send_one(self, message_id: int) -> str | None:
        """Send a queued message if nobody else has claimed it; returns its new status.

        The channel's pacing wait comes before the claim: a message claimed (`sending`) is
        never sent again, so a process killed between the claim and the provider's answer
        loses it. Waiting first keeps that window to the send itself.
        """
        try:
            recipient = self.store.queued_recipient(message_id)
        except SQLAlchemyError:
            logger.exception("%s: could not read an outbound message", self.channel)
            return None
        if recipient is None:
            return None
        async with self._pace(recipient):
            return await self._claim_and_send(message_id)

    async def _claim_and_send(self, message_id: int) -> str | None:
        try:
            message = self.store.claim(message_id)
            if message is None:
                return None
            if self._blocked(message):  # opted out since it was queued
                self.store.suppress(message.id)
                return "suppressed"
        except SQLAlchemyError:
            logger.exception("%s: could not claim an outbound message", self.channel)
            return None
        try:
            result = await self._send(message)
        except SendError as error:
            logger.warning(
                "%s: send failed (attempt %d): %s", self.channel, message.attempts, error
            )
            metrics.count_send_failure(self.channel)
            return self._record(self.store.mark_failed, message.id, str(error), retry=error.retry)
        except Exception as error:  # an unexpected error must not lose the message
            logger.exception("%s: send failed unexpectedly", self.channel)
            metrics.count_send_failure(self.channel)
            return self._record(
                self.store.mark_failed,
                message.id,
                f"Unexpected error ({type(error).__name__})",
                retry=True,
            )
        self._record(
            self.store.mark_sent, message.id, result.provider_id, _our_status(result.status)
        )
        return "sent"

    def _record(self, mark: Callable[..., None], *args: object, **kwargs: object) -> str:
        """Record a send's outcome; with the database down it stays `sending` and is never
        sent again (a text sent twice is worse than a status not recorded)."""
        try:
            mark(*args, **kwargs)
        except SQLAlchemyError:
            logger.exception("%s: could not record a send", self.channel)
        return "failed" if mark == self.store.mark_failed else "sent"

    async def retry_due(self) -> int:
        """Send every queued message whose retry time has come; returns how many were tried."""
        ids = self.store.due(self.channel)
        for message_id in ids:
            await self.send_one(message_id)
        return len(ids)

    def start_retry_loop(self) -> None:
        if self._retry_loop is None or self._retry_loop.done():
            self._retry_loop = asyncio.ensure_future(self._loop())

    async def _loop(self) -> None:
        ticks = 0
        while True:
            await asyncio.sleep(RETRY_POLL_S)
            ticks += 1
            try:
                await self.retry_due()
                if self._recover is not None and ticks % RECOVER_EVERY_TICKS == 1:
                    await self._recover()
            except SQLAlchemyError:
                logger.exception("%s: the retry loop could not read the queue", self.channel)

    async def drain(self) -> None:
        """Wait for background sends to finish (tests and shutdown)."""
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)


def _our_status(provider_status: str) -> str:
    status = provider_status.lower()
    if status in {"failed", "undelivered"}:
        return status
    if status == "delivered":
        return "delivered"
    return "sent"
