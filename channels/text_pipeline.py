"""The one inbound pipeline for text channels (SMS, Telegram): verify, dedupe, gate, Rasa, render, send.

Card numbers, bank details, National Insurance numbers and passwords are removed from what
`parse` returns before anything is stored (bot.sensitive_numbers), and the resident is told
why in a message of its own before the answer.

A webhook is acknowledged as soon as the message is verified and its id is claimed; the rest
(the handoff gate, Rasa, rendering, queuing, sending) runs after the response. An
acknowledged message is stashed on its receipt until answered, so one left unanswered (the
server stopped mid-turn) is answered by the recovery hook on the next run.

A text channel is one module with a `TextChannelInput` subclass plus one line in
`bot/credentials.yml`. It provides only its protocol:

- `name()`: the URL slug (`/webhooks/<name>/webhook`) and the channel stored on receipts,
  tickets and the outbound queue;
- nothing for its configuration: `from_credentials` (here) builds it with the settings object,
  the only place secrets come from (never credentials.yml);
- `__init__(settings)`: calls `super().__init__(settings)`, sets up its client, and calls
  `self.start_sending()` once it is configured (until then the webhook answers 503);
- `title` and `message_word`, for the advisor's error messages ("SMS", "text");
- `verify(request)`: None for a genuine request to a configured channel, else the refusal
  (503 until it is configured, 403 if the provider did not send it);
- `parse(request)`: an `Inbound` (its id and what `answer` needs, as JSON), or a refusal;
- `acknowledge()`: the response the provider expects once a message is accepted;
- `answer(inbound)`: the recipient and the replies to queue, using `self.converse` for the
  handoff gate and Rasa, and rendering the replies for the channel;
- `recipient_of(pending)`: who gets the "something went wrong" reply if `answer` failed;
- `render_unavailable()` and `delivery_parts(recipient, text)`: the channel's rendering of the
  "something went wrong" text and of an advisor's reply (raise DeliveryError to refuse);
- optionally `render_notice(text)`: the channel's rendering of a notice sent before the replies;
- `send(message)`: hand one queued message to the provider (SendResult or SendError);
- optionally `blocked(message)` (never send, e.g. after STOP), `source_id(external_id)` and
  `add_routes(blueprint)` for extra routes (e.g. delivery reports).
"""

from __future__ import annotations

import abc
import asyncio
import contextlib
import contextvars
import functools
import logging
import uuid
from collections.abc import Awaitable, Callable
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from typing import Any

from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from sqlalchemy.exc import SQLAlchemyError

from bot.privacy import install_log_redaction
from bot.records.outbound import Outbound, OutboundStore
from bot.records.receipts import InboundStash, ReceiptState, ReceiptStore
from bot.sensitive_numbers import mask_json, removal_notice, removed_from_json
from bot.settings import Settings, get_settings
from channels import metrics
from channels.delivery import Delivery, DeliveryError, register_delivery
from channels.handoff_gate import HandoffGate
from channels.outbound_sender import OutboundSender, SendResult
from channels.turns import TurnLimit

logger = logging.getLogger(__name__)

MAX_CONCURRENT_TURNS = 4
# A message being answered is marked as such every HOLD_EVERY_S; one left unmarked for
# RECOVER_AFTER_S was left by a process that died (or by a database failure) and is answered by
# whichever process's recovery loop finds it first. A slow turn keeps its mark, so it is never
# answered twice.
HOLD_EVERY_S = 5.0
RECOVER_AFTER_S = 30.0
FINISH_ON_STOP_S = 10.0

OnNewMessage = Callable[[UserMessage], Awaitable[Any]]
Reply = tuple[str, list[dict[str, str]]]  # text and its buttons


@dataclass(frozen=True)
class Inbound:
    """A verified inbound message: the provider's id for it, and what `answer` needs (JSON)."""

    external_id: str
    pending: dict[str, Any]


def database_trouble(error: BaseException) -> bool:
    """True if the error, or one it came from, is the database (or Rasa's lock in it) failing."""
    from rasa.core.lock_store import LockError

    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        if isinstance(current, SQLAlchemyError | LockError):
            return True
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return False


# The inbound message the current turn answers (set by `process`, read by `converse`).
_message_id: contextvars.ContextVar[str | None] = contextvars.ContextVar("message_id", default=None)


@functools.cache
def output_channel_class(channel: str) -> type[CollectingOutputChannel]:
    """A collecting output channel named after the channel (Rasa picks channel-specific responses by it)."""

    class TurnOutput(CollectingOutputChannel):
        """Collects one turn's replies; they are rendered and sent together after Rasa finishes."""

        @classmethod
        def name(cls) -> str:
            return channel

    return TurnOutput


class TextDelivery(Delivery):
    """Advisor replies and notices, queued and sent like any other message on the channel."""

    def __init__(self, channel: TextChannelInput) -> None:
        self.channel = channel.name()
        self._input = channel

    async def send(self, sender_id: str, text: str, *, sender: str = "advisor") -> None:
        channel = self._input
        if channel.sender is None:
            raise DeliveryError(
                f"{channel.title} is not set up on this server, so the reply cannot be sent."
            )
        try:
            parts = channel.delivery_parts(sender_id, text)
            ids = channel.outbound.enqueue(
                self.channel, f"{sender}:{uuid.uuid4().hex}", sender_id, parts
            )
        except SQLAlchemyError as error:
            raise DeliveryError(
                f"The {channel.message_word} could not be queued for sending."
            ) from error
        channel.sender.send_soon(ids)


class TextChannelInput(InputChannel, abc.ABC):
    """The shared pipeline; a subclass adds only its protocol (see the module docstring)."""

    title = "This channel"
    message_word = "message"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        return cls(get_settings())

    def __init__(self, settings: Settings) -> None:
        install_log_redaction()
        self.settings = settings
        self.receipts = ReceiptStore()
        self.outbound = OutboundStore()
        self.gate = HandoffGate()
        # Few turns at once per process: Rasa's own work blocks the event loop, and webhook
        # acknowledgements must not wait behind a crowd of turns. No time limit, unlike
        # webchat: the provider already has its acknowledgement, nobody waits on the turn.
        self.turns = TurnLimit(MAX_CONCURRENT_TURNS)
        self.stash = InboundStash(self.name())
        self.sender: OutboundSender | None = None
        self._agent: Any = None
        self._on_new_message: OnNewMessage | None = None
        self.delivery = TextDelivery(self)

    def start_sending(self) -> None:
        """Called by the channel's __init__ once it is configured: from here it answers."""
        self.sender = OutboundSender(
            self.outbound, self.name(), self.send, self.blocked, self.recover, self.pace
        )

    # What each channel provides

    @abc.abstractmethod
    def verify(self, request: Request) -> HTTPResponse | None:
        """None if the request really comes from the provider; otherwise the refusal."""

    @abc.abstractmethod
    def parse(self, request: Request) -> Inbound | HTTPResponse:
        """The message's id and what `answer` needs, or a refusal (400)."""

    @abc.abstractmethod
    def acknowledge(self) -> HTTPResponse:
        """The response once a message is accepted (or is a retry of one)."""

    @abc.abstractmethod
    async def answer(self, inbound: Inbound) -> tuple[str | None, list[Reply]]:
        """Who to reply to (None: nobody) and the replies, rendered for the channel."""

    @abc.abstractmethod
    def recipient_of(self, pending: dict[str, Any]) -> str | None:
        """Who gets the "something went wrong" reply when `answer` failed."""

    @abc.abstractmethod
    def render_unavailable(self) -> list[Reply]:
        """The "something went wrong" reply, rendered for the channel."""

    @abc.abstractmethod
    def delivery_parts(self, recipient: str, text: str) -> list[Reply]:
        """An advisor's text as the channel's messages; raise DeliveryError to refuse."""

    @abc.abstractmethod
    async def send(self, message: Outbound) -> SendResult:
        """Hand one queued message to the provider (raise SendError on failure)."""

    def blocked(self, message: Outbound) -> bool:
        """True if the message must never be sent (e.g. the resident replied STOP)."""
        return False

    def pace(self, recipient: str) -> AbstractAsyncContextManager[None]:
        """The wait for this channel's turn to send to one recipient (none by default)."""
        return contextlib.nullcontext()

    def source_id(self, external_id: str) -> str:
        """The outbound queue's id for the replies to one inbound message."""
        return external_id

    def add_routes(self, blueprint: Blueprint) -> None:
        """Extra routes besides `/` and `/webhook` (e.g. delivery reports)."""

    def render_notice(self, text: str) -> list[Reply]:
        """A notice sent before the replies (e.g. that a card number was removed)."""
        return [(text, [])]

    # The pipeline

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        channel = Blueprint(f"{self.name()}_webhook", __name__)

        @channel.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok" if self.sender else "not configured"})

        @channel.listener("before_server_start")
        async def register(app: Any, _loop: Any) -> None:
            register_delivery(app, self.delivery)

        @channel.listener("after_server_start")
        async def started(app: Any, _loop: Any) -> None:
            self._agent, self._on_new_message = app.ctx.agent, on_new_message
            if self.sender is not None:
                self.sender.start_retry_loop()

        @channel.listener("before_server_stop")
        async def finish(_app: Any, _loop: Any) -> None:
            """Stopping (SIGTERM, or the server's main process gone): finish the turns and sends
            under way, so a restart neither leaves them unanswered nor sends them twice."""
            if self.sender is not None:
                try:
                    await asyncio.wait_for(self.sender.drain(), FINISH_ON_STOP_S)
                except asyncio.TimeoutError:
                    logger.warning("%s: stopped with messages still being answered", self.name())

        @channel.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            return await self.receive(request, on_new_message)

        self.add_routes(channel)
        return channel

    async def receive(self, request: Request, on_new_message: OnNewMessage) -> HTTPResponse:
        """Verify, claim the id (a retry is acknowledged and dropped), acknowledge, answer later."""
        refusal = self.verify(request)
        if refusal is not None:
            return refusal
        assert self.sender is not None  # verify refuses while the channel is not set up
        inbound = self.parse(request)
        if isinstance(inbound, HTTPResponse):
            return inbound
        # The one place a text channel's message enters: nothing below ever sees a card number.
        inbound = Inbound(inbound.external_id, mask_json(inbound.pending))
        try:
            state = self.stash.claim(inbound.external_id, inbound.pending)
        except SQLAlchemyError:
            logger.exception("%s: database unavailable", self.name())
            return response.text("Please try again shortly.", status=503)  # the provider retries
        if state != ReceiptState.NEW:
            return self.acknowledge()  # a retry: already being handled or answered
        self._agent, self._on_new_message = request.app.ctx.agent, on_new_message
        self.sender.start_retry_loop()
        self.sender.spawn(self.process(inbound))
        return self.acknowledge()

    async def recover(self) -> None:
        """Answer messages acknowledged but never answered (e.g. the server stopped mid-turn)."""
        if self._agent is None or self._on_new_message is None or self.sender is None:
            return
        for external_id, pending in self.stash.take_stale(RECOVER_AFTER_S):
            logger.warning("%s: answering a message left unanswered by an earlier run", self.name())
            await self.process(Inbound(external_id, pending))

    async def process(self, inbound: Inbound) -> None:
        """Everything after the acknowledgement: the channel's answer, queuing and sending.

        If the database fails mid-turn the message is kept, unanswered, and answered once the
        database is back (by `recover`); any other failure gets the "something went wrong" reply.
        """
        assert self.sender is not None
        holding = asyncio.ensure_future(self._hold(inbound.external_id))
        _message_id.set(inbound.external_id)
        try:
            try:
                async with self.turns.turn():
                    recipient, replies = await self.answer(inbound)
                notice = removal_notice(removed_from_json(inbound.pending))
                if notice and recipient and replies:
                    replies = [*self.render_notice(notice), *replies]
            except Exception as error:
                if database_trouble(error):
                    logger.warning(
                        "%s: the database failed mid-turn; answering the message later", self.name()
                    )
                    return
                logger.exception("%s: handling a message failed", self.name())
                metrics.count_error(self.name())
                recipient, replies = self.recipient_of(inbound.pending), self.render_unavailable()
            try:
                source = self.source_id(inbound.external_id)
                ids = (
                    self.outbound.enqueue(self.name(), source, recipient, replies)
                    if recipient
                    else []
                )
                self.receipts.complete_receipt(self.name(), inbound.external_id, ids)
            except SQLAlchemyError:
                logger.exception("%s: could not queue a reply", self.name())
                return
        finally:
            holding.cancel()
        await self.sender.send_in_order(ids)

    async def _hold(self, external_id: str) -> None:
        """Keep marking the message as being answered until the turn ends."""
        while True:
            await asyncio.sleep(HOLD_EVERY_S)
            try:
                self.stash.renew(external_id)
            except SQLAlchemyError:
                logger.warning("%s: could not mark a message as still being answered", self.name())

    async def converse(self, sender_id: str, text: str) -> list[dict[str, Any]]:
        """The handoff gate, then Rasa: the turn's messages (text, buttons), not yet rendered."""
        output = output_channel_class(self.name())()
        held = await self.gate.handle(
            self._agent,
            self._on_new_message,  # type: ignore[arg-type]
            UserMessage(
                text,
                output,
                sender_id,
                input_channel=self.name(),
                # The provider's id: a message answered before a crash is not answered twice.
                message_id=_message_id.get(),
                metadata={"channel": self.name()},
            ),
        )
        return [{"text": t} for t in held] if held is not None else output.messages
