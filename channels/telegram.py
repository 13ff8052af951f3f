"""Telegram input channel: secret-token webhook, update_id dedupe, inline keyboards, paced sending."""

from __future__ import annotations

import asyncio
import hmac
import logging
import time
from collections import defaultdict
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from sqlalchemy.exc import SQLAlchemyError
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import BadRequest, Forbidden, RetryAfter, TelegramError

from bot.intents import INTENT_ROUTES
from bot.privacy import install_log_redaction
from bot.records.outbound import Outbound, OutboundStore
from bot.records.receipts import ReceiptState, ReceiptStore
from bot.settings import TELEGRAM_API_URL, Environment, Settings, SettingsError, get_settings
from channels.delivery import Delivery, DeliveryError, register_delivery
from channels.handoff_gate import HandoffGate
from channels.outbound_sender import OutboundSender, SendError, SendResult
from channels.resident_text import channel_texts
from channels.text import clean_text, is_intent_payload

logger = logging.getLogger(__name__)
MAX_CONCURRENT_TURNS = 4

CHANNEL = "telegram"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
MAX_TEXT = 4096  # Telegram's limit for one message
MAX_CALLBACK_BYTES = 64  # Telegram's limit for callback_data
PER_CHAT_INTERVAL_S = 1.0  # "about one message a second" to the same chat
KNOWN_PAYLOAD_INTENTS = set(INTENT_ROUTES)
ONLY_TEXT = "Sorry, I can only read text messages. Please type your question."


class ChatPacer:
    """Keeps sends to each chat at least `interval` seconds apart (within this process)."""

    def __init__(self, interval: float = PER_CHAT_INTERVAL_S) -> None:
        self.interval = interval
        self._locks: dict[str, asyncio.Lock] = defaultdict(asyncio.Lock)
        self._last: dict[str, float] = {}

    @asynccontextmanager
    async def turn(self, chat_id: str) -> AsyncIterator[None]:
        """Hold the chat's turn while sending; the next send waits `interval` after this one ends."""
        async with self._locks[chat_id]:
            wait = self._last.get(chat_id, 0.0) + self.interval - time.monotonic()
            if wait > 0:
                await asyncio.sleep(wait)
            try:
                yield
            finally:
                self._last[chat_id] = time.monotonic()


def split_text(text: str, limit: int = MAX_TEXT) -> list[str]:
    """Split at paragraph or line breaks so no part exceeds Telegram's limit."""
    parts: list[str] = []
    while len(text) > limit:
        cut = max(text.rfind("\n\n", 0, limit), text.rfind("\n", 0, limit), text.rfind(" ", 0, limit))
        cut = cut if cut > limit // 2 else limit
        parts.append(text[:cut].rstrip())
        text = text[cut:].lstrip()
    return [*parts, text] if text else parts


def keyboard(buttons: list[dict[str, str]]) -> InlineKeyboardMarkup | None:
    """One inline button per row; payloads too long for callback_data are left out."""
    rows = [
        [InlineKeyboardButton(b["title"][:64], callback_data=b["payload"])]
        for b in buttons
        if b.get("title") and b.get("payload") and len(b["payload"].encode()) <= MAX_CALLBACK_BYTES
    ]
    return InlineKeyboardMarkup(rows) if rows else None


class TelegramOutput(CollectingOutputChannel):
    """Collects one turn's replies; they are queued and sent after Rasa finishes."""

    @classmethod
    def name(cls) -> str:
        return CHANNEL


class TelegramDelivery(Delivery):
    """Advisor replies and notices, queued and paced like every other Telegram message."""

    channel = CHANNEL

    def __init__(self, channel: TelegramInput) -> None:
        self._channel = channel

    async def send(self, sender_id: str, text: str, *, sender: str = "advisor") -> None:
        if self._channel.sender is None:
            raise DeliveryError("Telegram is not set up on this server, so the reply cannot be sent.")
        try:
            ids = self._channel.outbound.enqueue(
                CHANNEL, f"{sender}:{time.time_ns()}", sender_id, [(part, []) for part in split_text(text)]
            )
        except SQLAlchemyError as error:
            raise DeliveryError("The message could not be queued for sending.") from error
        self._channel.sender.send_soon(ids)


def _bot(settings: Settings) -> Bot:
    if settings.environment is Environment.TEST and settings.telegram_api_url == TELEGRAM_API_URL:
        raise SettingsError("Tests must never reach the real Telegram API: set TELEGRAM_API_URL to a local fake.")
    return Bot(settings.telegram_bot_token.get_secret_value(), base_url=settings.telegram_api_url)


class TelegramInput(InputChannel):
    """`/webhooks/telegram/webhook`, called by Telegram (or by the polling forwarder)."""

    @classmethod
    def name(cls) -> str:
        return CHANNEL

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        return cls()

    def __init__(self, settings: Settings | None = None) -> None:
        settings = settings or get_settings()
        if settings.environment is Environment.PRODUCTION and not settings.telegram_secret_configured:
            raise SettingsError(
                "TELEGRAM_SECRET_TOKEN must be set in production (or remove the Telegram channel "
                "from bot/credentials.yml)."
            )
        install_log_redaction()
        self.settings = settings
        self.secret = settings.telegram_secret_token.get_secret_value()
        self.receipts = ReceiptStore()
        self.outbound = OutboundStore()
        self.gate = HandoffGate()
        # Few turns at once per process: Rasa's own work blocks the event loop, and webhook
        # acknowledgements must not wait behind a crowd of turns.
        self.turns = asyncio.Semaphore(MAX_CONCURRENT_TURNS)
        self.pacer = ChatPacer()
        self.bot: Bot | None = None
        self.sender: OutboundSender | None = None
        if settings.telegram_configured:
            self.bot = _bot(settings)
            self.sender = OutboundSender(self.outbound, CHANNEL, self._send)
        register_delivery(TelegramDelivery(self))

    async def _send(self, message: Outbound) -> SendResult:
        assert self.bot is not None
        try:
            async with self.pacer.turn(message.recipient):
                sent = await self.bot.send_message(
                    chat_id=int(message.recipient), text=message.body, reply_markup=keyboard(message.buttons)
                )
        except RetryAfter as error:
            raise SendError("Telegram asked us to slow down", retry=True) from error
        except (Forbidden, BadRequest) as error:  # blocked by the resident, or a bad chat id
            raise SendError(f"Telegram refused the message ({type(error).__name__})", retry=False) from None
        except TelegramError as error:
            raise SendError(f"Telegram could not be reached ({type(error).__name__})", retry=True) from None
        return SendResult(provider_id=f"tg:{message.recipient}:{sent.message_id}", status="sent")

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        telegram = Blueprint("telegram_webhook", __name__)

        @telegram.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok" if self.sender else "not configured"})

        @telegram.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            return await self._receive(request, on_new_message)

        return telegram

    def _secret_ok(self, request: Request) -> bool:
        given = request.headers.get(SECRET_HEADER, "")
        return bool(given) and hmac.compare_digest(given.encode(), self.secret.encode())

    async def _receive(
        self, request: Request, on_new_message: Callable[[UserMessage], Awaitable[Any]]
    ) -> HTTPResponse:
        if self.sender is None or self.bot is None or not self.settings.telegram_secret_configured:
            return response.text("Telegram is not set up on this server.", status=503)
        if not self._secret_ok(request):
            return response.text("This request did not come from Telegram.", status=403)
        try:
            data = request.json
            update = Update.de_json(data, self.bot) if isinstance(data, dict) else None
        except Exception:  # noqa: BLE001 - any malformed update is a bad request
            update = None
        if update is None:
            return response.text("Send a Telegram update as JSON.", status=400)
        try:
            state, _ = self.receipts.claim_receipt(CHANNEL, str(update.update_id))
        except SQLAlchemyError:
            logger.exception("telegram: database unavailable")
            return response.text("Please try again shortly.", status=503)  # Telegram retries
        if state != ReceiptState.NEW:
            return response.empty(status=200)
        self.sender.start_retry_loop()
        self.sender.spawn(self.process(request.app.ctx.agent, on_new_message, update))
        return response.empty(status=200)

    async def process(
        self, agent: Any, on_new_message: Callable[[UserMessage], Awaitable[Any]], update: Update
    ) -> None:
        """Everything after the acknowledgement: Rasa, queuing and paced sending."""
        assert self.sender is not None
        source = f"update:{update.update_id}"
        chat_id: str | None = None
        replies: list[tuple[str, list[dict[str, str]]]] = []
        try:
            async with self.turns:
                chat_id, replies = await self._answer(agent, on_new_message, update)
        except Exception:
            logger.exception("telegram: handling an update failed")
            chat_id = str(update.effective_chat.id) if update.effective_chat else None
            replies = [(channel_texts().unavailable, [])]
        try:
            ids = self.outbound.enqueue(CHANNEL, source, chat_id, replies) if chat_id else []
            self.receipts.complete_receipt(CHANNEL, str(update.update_id), ids)
        except SQLAlchemyError:
            logger.exception("telegram: could not queue a reply")
            return
        await self.sender.send_in_order(ids)

    async def _answer(
        self, agent: Any, on_new_message: Callable[[UserMessage], Awaitable[Any]], update: Update
    ) -> tuple[str | None, list[tuple[str, list[dict[str, str]]]]]:
        if update.edited_message or update.edited_channel_post:
            return None, []  # an edit is not a new request; the original was already answered
        if update.callback_query is not None:
            query = update.callback_query
            if self.sender is not None:
                self.sender.spawn(self._answer_callback(query.id))
            message = query.message
            payload = query.data or ""
            if message is None or message.chat.type != "private" or not payload:
                return None, []
            chat_id = str(message.chat.id)
            if payload.startswith("/") and not is_intent_payload(payload, KNOWN_PAYLOAD_INTENTS):
                return chat_id, [("That button is not recognised. Please type your message instead.", [])]
            text = payload if payload.startswith("/") else clean_text(payload)
        elif update.message is not None:
            if update.message.chat.type != "private":
                return None, []  # groups are not residents' conversations
            chat_id = str(update.message.chat.id)
            if not update.message.text:
                return chat_id, [(ONLY_TEXT, [])]
            text = clean_text(update.message.text[: self.settings.max_message_chars])
            if not text:
                return chat_id, [(ONLY_TEXT, [])]
        else:
            return None, []

        output = TelegramOutput()
        held = await self.gate.handle(
            agent,
            on_new_message,
            UserMessage(text, output, chat_id, input_channel=CHANNEL, metadata={"channel": CHANNEL}),
        )
        messages: list[dict[str, Any]] = (
            [{"text": t} for t in held] if held is not None else output.messages
        )
        replies: list[tuple[str, list[dict[str, str]]]] = []
        for reply in messages:
            buttons = [
                {"title": str(b.get("title", "")), "payload": str(b.get("payload", ""))}
                for b in (reply.get("buttons") or [])
            ]
            parts = split_text(str(reply.get("text") or "")) or (["Please choose:"] if buttons else [])
            replies.extend((part, buttons if i == len(parts) - 1 else []) for i, part in enumerate(parts))
        return chat_id, replies or [(channel_texts().no_reply, [])]

    async def _answer_callback(self, query_id: str) -> None:
        """Stops the button's loading spinner; failure only affects the spinner."""
        try:
            await self.bot.answer_callback_query(query_id)  # type: ignore[union-attr]
        except TelegramError:
            logger.warning("telegram: could not answer a button press")
