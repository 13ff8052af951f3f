"""Telegram input channel: secret-token webhook, update_id dedupe, inline keyboards, paced sending."""

from __future__ import annotations

import asyncio
import hmac
import logging
import time
from collections import defaultdict
from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Any

from sanic import response
from sanic.request import Request
from sanic.response import HTTPResponse
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import BadRequest, Forbidden, RetryAfter, TelegramError

from bot.intents import INTENT_ROUTES
from bot.records.outbound import Outbound
from bot.settings import TELEGRAM_API_URL, Environment, Settings, SettingsError
from channels.outbound_sender import SendError, SendResult
from channels.resident_text import channel_texts
from channels.text import clean_text, is_intent_payload
from channels.text_pipeline import Inbound, Reply, TextChannelInput

logger = logging.getLogger(__name__)

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
        cut = max(
            text.rfind("\n\n", 0, limit), text.rfind("\n", 0, limit), text.rfind(" ", 0, limit)
        )
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


def _chat_ok(message: Any) -> bool:
    chat = message.get("chat") if isinstance(message, dict) else None
    chat_id = chat.get("id") if isinstance(chat, dict) else None
    return isinstance(chat_id, int) and not isinstance(chat_id, bool)


def malformed(update: dict[str, Any]) -> str | None:
    """Why an update cannot be answered (no chat, a chat id that is not a number, text that is
    not text), or None. Kinds of update we do not handle at all are not malformed."""
    for kind in ("message", "edited_message", "channel_post", "edited_channel_post"):
        if kind not in update:
            continue
        message = update[kind]
        if not _chat_ok(message):
            return f"{kind} without a numeric chat id"
        if not isinstance(message.get("text", ""), str):
            return f"{kind} text that is not a string"
    if "callback_query" in update:
        query = update["callback_query"]
        if not isinstance(query, dict) or not isinstance(query.get("data", ""), str):
            return "callback_query data that is not a string"
        if "message" in query and not _chat_ok(query["message"]):
            return "callback_query message without a numeric chat id"
    return None


def _bot(settings: Settings) -> Bot:
    if settings.environment is Environment.TEST and settings.telegram_api_url == TELEGRAM_API_URL:
        raise SettingsError(
            "Tests must never reach the real Telegram API: set TELEGRAM_API_URL to a local fake."
        )
    return Bot(settings.telegram_bot_token.get_secret_value(), base_url=settings.telegram_api_url)


class TelegramInput(TextChannelInput):
    """`/webhooks/telegram/webhook`, called by Telegram (or by the polling forwarder)."""

    title = "Telegram"
    message_word = "message"

    @classmethod
    def name(cls) -> str:
        return CHANNEL

    def __init__(self, settings: Settings) -> None:
        if (
            settings.environment is Environment.PRODUCTION
            and not settings.telegram_secret_configured
        ):
            raise SettingsError(
                "TELEGRAM_SECRET_TOKEN must be set in production (or remove the Telegram channel "
                "from bot/credentials.yml)."
            )
        super().__init__(settings)
        self.secret = settings.telegram_secret_token.get_secret_value()
        self.pacer = ChatPacer()
        self.bot: Bot | None = None
        if settings.telegram_configured:
            self.bot = _bot(settings)
            self.start_sending()

    # Sending

    async def send(self, message: Outbound) -> SendResult:
        assert self.bot is not None
        if not message.recipient.lstrip("-").isdigit():  # queued before updates were checked
            raise SendError("Telegram chat ids are numbers", retry=False)
        try:  # paced by the outbound sender before the claim (self.pacer.turn)
            sent = await self.bot.send_message(
                chat_id=int(message.recipient),
                text=message.body,
                reply_markup=keyboard(message.buttons),
            )
        except RetryAfter as error:
            raise SendError("Telegram asked us to slow down", retry=True) from error
        except (Forbidden, BadRequest) as error:  # blocked by the resident, or a bad chat id
            raise SendError(
                f"Telegram refused the message ({type(error).__name__})", retry=False
            ) from None
        except TelegramError as error:
            raise SendError(
                f"Telegram could not be reached ({type(error).__name__})", retry=True
            ) from None
        return SendResult(provider_id=f"tg:{message.recipient}:{sent.message_id}", status="sent")

    def pace(self, recipient: str) -> AbstractAsyncContextManager[None]:
        """One message a second per chat, as Telegram asks, waited for before the claim."""
        return self.pacer.turn(recipient)

    def delivery_parts(self, recipient: str, text: str) -> list[Reply]:
        """Advisor replies and notices, queued and paced like every other Telegram message."""
        return [(part, []) for part in split_text(text)]

    def render_unavailable(self) -> list[Reply]:
        return [(channel_texts().unavailable, [])]

    # Receiving

    def _secret_ok(self, request: Request) -> bool:
        given = request.headers.get(SECRET_HEADER, "")
        return bool(given) and hmac.compare_digest(given.encode(), self.secret.encode())

    def verify(self, request: Request) -> HTTPResponse | None:
        if self.sender is None or self.bot is None or not self.settings.telegram_secret_configured:
            return response.text("Telegram is not set up on this server.", status=503)
        if not self._secret_ok(request):
            return response.text("This request did not come from Telegram.", status=403)
        return None

    def parse(self, request: Request) -> Inbound | HTTPResponse:
        try:
            data = request.json
        except Exception:  # noqa: BLE001 - not JSON at all
            data = None
        update_id = data.get("update_id") if isinstance(data, dict) else None
        if not isinstance(update_id, int) or isinstance(update_id, bool):
            return response.text("Send a Telegram update as JSON.", status=400)
        problem = malformed(data)  # type: ignore[arg-type]
        if problem is None:
            try:
                Update.de_json(data, self.bot)
            except Exception:  # noqa: BLE001 - the library could not read it either
                problem = "unreadable"
        if problem is not None:
            # Signed with our secret, so from Telegram (or our poller), yet unusable: a 400
            # would only make Telegram send it again and again. Accepted, ignored, logged once.
            logger.warning("telegram: update %s ignored: %s", update_id, problem)
            return self.acknowledge()
        return Inbound(str(update_id), data)  # type: ignore[arg-type]

    def acknowledge(self) -> HTTPResponse:
        return response.empty(status=200)

    def source_id(self, external_id: str) -> str:
        return f"update:{external_id}"

    def recipient_of(self, pending: dict[str, Any]) -> str | None:
        try:
            update = Update.de_json(pending, self.bot)
        except Exception:  # noqa: BLE001 - it was parsed once already; nobody to tell otherwise
            return None
        return str(update.effective_chat.id) if update and update.effective_chat else None

    async def answer(self, inbound: Inbound) -> tuple[str | None, list[Reply]]:
        """Private chats only: a button press or a text message, then the gate and Rasa."""
        update = Update.de_json(inbound.pending, self.bot)
        if update is None or update.edited_message or update.edited_channel_post:
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
                return chat_id, [
                    ("That button is not recognised. Please type your message instead.", [])
                ]
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

        messages = await self.converse(chat_id, text)
        replies: list[Reply] = []
        for reply in messages:
            buttons = [
                {"title": str(b.get("title", "")), "payload": str(b.get("payload", ""))}
                for b in (reply.get("buttons") or [])
            ]
            parts = split_text(str(reply.get("text") or "")) or (
                ["Please choose:"] if buttons else []
            )
            replies.extend(
                (part, buttons if i == len(parts) - 1 else []) for i, part in enumerate(parts)
            )
        return chat_id, replies or [(channel_texts().no_reply, [])]

    async def _answer_callback(self, query_id: str) -> None:
        """Stops the button's loading spinner; failure only affects the spinner."""
        try:
            await self.bot.answer_callback_query(query_id)  # type: ignore[union-attr]
        except TelegramError:
            logger.warning("telegram: could not answer a button press")
