"""Webchat input channel: server-made sessions, messages and buttons, polling for replies."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Mapping
from datetime import datetime
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeGuard

from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from sqlalchemy.exc import SQLAlchemyError

from bot.council import get_council
from bot.intents import INTENT_ROUTES
from bot.privacy import install_log_redaction
from bot.records.rate_limits import CLIENT_KEY, Limit, RateLimits, client_key
from bot.records.receipts import HeldLease, LeaseLost, ReceiptState, ReceiptStore
from bot.sensitive_numbers import removal_notice, removed_from
from bot.settings import Settings, get_settings
from channels import metrics
from channels.client_address import request_client_address
from channels.delivery import Delivery, DeliveryError, register_delivery
from channels.handoff_gate import HandoffGate
from channels.resident_text import channel_texts
from channels.security_headers import fresh, install_fallback_headers
from channels.text import clean_text, is_intent_payload, readable
from channels.turns import TurnLimit
from channels.webchat.embed import add_widget_routes, look_config, opening_buttons
from channels.webchat.render import message_json
from channels.webchat.store import ArrivalState, ChatMessage, WebchatStore

logger = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).resolve().parent / "static"
STATIC_FILES = {"chat.js": "text/javascript; charset=utf-8", "chat.css": "text/css; charset=utf-8"}
SECURITY_HEADERS: Mapping[str, str] = MappingProxyType(
    {
        "Content-Security-Policy": (
            "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
            "img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'"
        ),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "Cache-Control": "no-store",
    }
)
KNOWN_PAYLOAD_INTENTS = set(INTENT_ROUTES)
MAX_ID_LENGTH = 128
MAX_MESSAGE_NUMBER = 2**63 - 1
UNREADABLE = "That message has characters we can't read. Please type it again."
RETRY_WAIT_S = 10.0
# Messages one server worker lets into Rasa at a time (channels.turns.TurnLimit). Three keeps
# the action server busy while Rasa computes (measured with make bench). Unlike SMS and
# Telegram (4, no time limit), the resident's own request waits for this turn (the widget
# shows the reply from the response), so a message that has waited TURN_WAIT_S goes in
# anyway: stuck messages never hold up the rest, nor keep a resident waiting.
RASA_AT_ONCE = 3
TURN_WAIT_S = 5.0


def _error(status: int, message: str) -> HTTPResponse:
    return response.json({"error": message}, status=status, headers=fresh(SECURITY_HEADERS))


class WebchatOutput(CollectingOutputChannel):
    """Collects the bot's replies for the session's transcript (stored in one go at the end)."""

    def __init__(self) -> None:
        super().__init__()
        self.replies: list[tuple[str, str, list[dict[str, str]]]] = []

    @classmethod
    def name(cls) -> str:
        return "webchat"

    async def _persist_message(self, message: dict[str, Any]) -> None:
        await super()._persist_message(message)
        buttons = [
            {"title": str(b.get("title", "")), "payload": str(b.get("payload", ""))}
            for b in (message.get("buttons") or [])
        ]
        text = message.get("text") or ""
        if text or buttons:
            self.replies.append(("bot", text, buttons))


class WebchatDelivery(Delivery):
    """Advisor replies and notices go into the session's transcript; the widget polls for them."""

    channel = "webchat"

    def __init__(self, store: WebchatStore) -> None:
        self._store = store

    async def send(self, sender_id: str, text: str, *, sender: str = "advisor") -> None:
        try:
            if not self._store.session_exists(sender_id):
                raise DeliveryError("This webchat session no longer exists.")
            self._store.add_message(sender_id, sender, text)
        except SQLAlchemyError as error:
            raise DeliveryError("The webchat transcript could not be saved.") from error


class WebchatInput(InputChannel):
    """The `/webhooks/webchat/` endpoints the widget talks to."""

    @classmethod
    def name(cls) -> str:
        return "webchat"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        return cls(get_settings())

    def __init__(self, settings: Settings, store: WebchatStore | None = None) -> None:
        install_log_redaction()
        self.store = store or WebchatStore(idle_hours=settings.webchat_session_idle_hours)
        self.receipts = ReceiptStore()
        self.max_chars = settings.max_message_chars
        # Counted in the database, so the limits hold whichever worker or server a request reaches.
        self.limits = RateLimits()
        self.message_limit = Limit("webchat_message", settings.webchat_messages_per_minute, 60)
        self.session_limit = Limit(
            "webchat_session",
            settings.webchat_sessions_per_address,
            settings.webchat_session_window_minutes * 60,
        )
        self.trusted_proxies = settings.trusted_proxies
        self.gate = HandoffGate()
        self.turns = TurnLimit(RASA_AT_ONCE, TURN_WAIT_S)
        self.delivery = WebchatDelivery(self.store)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webchat = Blueprint("webchat_webhook", __name__)
        texts = channel_texts()
        council = get_council(get_settings().council_dir)
        add_widget_routes(webchat, council, get_settings())

        @webchat.listener("before_server_start")
        async def register(app: Any, _loop: Any) -> None:
            register_delivery(app, self.delivery)
            install_fallback_headers(app)

        @webchat.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webchat.route("/chat", methods=["GET"])
        async def page(_: Request) -> HTTPResponse:
            return await response.file(
                STATIC_DIR / "index.html",
                mime_type="text/html; charset=utf-8",
                headers=fresh(SECURITY_HEADERS),
            )

        @webchat.route("/static/<filename>", methods=["GET"])
        async def static(_: Request, filename: str) -> HTTPResponse:
            if filename not in STATIC_FILES:
                return _error(404, "Not found.")
            return await response.file(
                STATIC_DIR / filename,
                mime_type=STATIC_FILES[filename],
                headers=fresh(SECURITY_HEADERS),
            )

        @webchat.route("/config", methods=["GET"])
        async def config(_: Request) -> HTTPResponse:
            return response.json(
                {**texts.config, **look_config(council)}, headers=fresh(SECURITY_HEADERS)
            )

        @webchat.route("/session", methods=["POST"])
        async def start_session(request: Request) -> HTTPResponse:
            address = request_client_address(request, self.trusted_proxies)
            buttons = opening_buttons(council, request) or texts.greeting_buttons
            try:
                if not self.limits.take(self.session_limit, address):
                    return _error(429, texts.too_many_sessions)
                session_id = self.store.create_session()
                greeting = self.store.add_message(session_id, "bot", texts.greeting, buttons)
            except SQLAlchemyError:
                logger.exception("webchat: could not start a session")
                return _error(503, texts.unavailable)
            return response.json(
                {"session_id": session_id, "messages": [message_json(greeting)]},
                status=201,
                headers=fresh(SECURITY_HEADERS),
            )

        @webchat.route("/messages", methods=["GET"])
        async def poll(request: Request) -> HTTPResponse:
            session_id = request.args.get("session_id", "")
            try:
                after = int(request.args.get("after", "0") or 0)
            except ValueError:
                after = -1
            if not 0 <= after <= MAX_MESSAGE_NUMBER:  # the database's integers stop there
                return _error(400, "The 'after' value must be a message number.")
            try:
                if not self._valid_id(session_id) or not self.store.session_exists(session_id):
                    return _error(404, texts.unknown_session)
                messages = self.store.messages_after(session_id, after)
            except SQLAlchemyError:
                logger.exception("webchat: polling failed")
                return _error(503, texts.unavailable)
            return response.json(
                {"messages": [message_json(m) for m in messages]},
                headers=fresh(SECURITY_HEADERS),
            )

        @webchat.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            return await self._receive(request, on_new_message, texts)

        return webchat

    @staticmethod
    def _valid_id(value: Any) -> TypeGuard[str]:
        return isinstance(value, str) and 0 < len(value) <= MAX_ID_LENGTH and readable(value)

    async def _receive(
        self,
        request: Request,
        on_new_message: Callable[[UserMessage], Awaitable[Any]],
        texts: Any,
    ) -> HTTPResponse:
        body = request.json if isinstance(request.json, dict) else None
        if body is None:
            return _error(400, "Send a JSON object with session_id and message.")
        session_id = body.get("session_id")
        client_id = body.get("client_message_id")
        if not self._valid_id(session_id):
            return _error(400, "A session_id is needed. Start a chat first.")
        if client_id is not None and not self._valid_id(client_id):
            return _error(400, "client_message_id must be a short string.")

        payload = body.get("payload")
        if not all(
            readable(v)
            for v in (payload, body.get("message"), body.get("title"))
            if isinstance(v, str)
        ):
            return _error(400, UNREADABLE)
        if payload is not None:
            if not isinstance(payload, str) or not payload.strip() or len(payload) > 200:
                return _error(
                    400, "That button is not recognised. Please type your message instead."
                )
            if payload.startswith("/") and not is_intent_payload(payload, KNOWN_PAYLOAD_INTENTS):
                return _error(
                    400, "That button is not recognised. Please type your message instead."
                )
            text_for_bot = payload if payload.startswith("/") else clean_text(payload)
            title = body.get("title")
            shown = (
                clean_text(title)[:200]
                if isinstance(title, str) and title.strip()
                else text_for_bot
            )
        else:
            raw = body.get("message")
            if not isinstance(raw, str):
                return _error(400, texts.empty_message)
            if len(raw) > self.max_chars:
                return _error(
                    413,
                    f"That message is too long. Please keep it under {self.max_chars:,} characters.",
                )
            shown = text_for_bot = clean_text(raw)
            if not text_for_bot:
                return _error(400, texts.empty_message)

        receipt_id = f"{session_id}:{client_id}" if client_id else None
        try:
            arrival = self.store.receive(
                session_id,
                shown,
                channel=self.name(),
                receipt_id=receipt_id,
                allow=lambda sid: self.limits.take(self.message_limit, sid),
            )
            if arrival.state == ArrivalState.UNKNOWN_SESSION:
                return _error(404, texts.unknown_session)
            if arrival.state == ArrivalState.RATE_LIMITED:
                return _error(
                    429, "You're sending messages very quickly. Please wait a moment and try again."
                )
            if arrival.state == ReceiptState.DONE:
                return self._reply(arrival.replies)
            lease = arrival.lease
            if arrival.state == ReceiptState.PROCESSING:
                ids, lease = await self._wait_for_receipt(receipt_id or "")
                if lease is None:
                    return self._reply(self.store.messages_by_id(session_id, ids), status=202)
            if arrival.state != ReceiptState.NEW:
                logger.warning("webchat: answering a message an earlier attempt left unanswered")
        except SQLAlchemyError:
            logger.exception("webchat: database unavailable")
            return _error(503, texts.unavailable)

        output = WebchatOutput()
        replies: list[tuple[str, str, list[dict[str, str]]]]
        held = HeldLease(self.receipts, self.name(), receipt_id, lease)
        try:
            async with held, self.turns.turn():
                held_replies = await self.gate.handle(
                    request.app.ctx.agent,
                    on_new_message,
                    UserMessage(
                        text_for_bot,
                        output,
                        session_id,
                        input_channel=self.name(),
                        message_id=client_id,
                        metadata={
                            "channel": self.name(),
                            # Keyed hash of the address: caps the tickets one address can raise.
                            CLIENT_KEY: client_key(
                                request_client_address(request, self.trusted_proxies)
                            ),
                        },
                    ),
                )
            if held_replies is not None:
                # With an advisor: only the gate's own replies (queue place, safety numbers).
                replies = [("bot", reply, []) for reply in held_replies]
            elif output.replies:
                replies = output.replies
            else:
                # Rasa answered nothing (e.g. the action server is down): never leave silence.
                replies = [("system", texts.no_reply, [])]
            # clean_text removed any card number, bank details, NI number or password: say why.
            notice = removal_notice(removed_from(shown) | removed_from(text_for_bot))
            if notice:
                replies = [("bot", notice, []), *replies]
            stored = self.store.answer(
                session_id, replies, channel=self.name(), receipt_id=receipt_id, lease=held.lease
            )
        except LeaseLost:
            # Only if this process stalled past the lease: the attempt that took over answers.
            logger.warning("webchat: a turn outlived its lease; the attempt that took over answers")
            return self._reply([], status=202)
        except Exception:  # the resident gets plain words, never a stack trace
            logger.exception("webchat: handling a message failed")
            metrics.count_error(self.name())
            if receipt_id and held.lease is not None:
                try:  # their retry runs the turn at once, without repeating their message
                    self.receipts.give_up_lease(self.name(), receipt_id, held.lease)
                except SQLAlchemyError:
                    logger.exception("webchat: could not give up a receipt")
            return _error(503, texts.unavailable)
        return self._reply(stored)

    async def _wait_for_receipt(self, receipt_id: str) -> tuple[list[int], datetime | None]:
        """A retry that arrives mid-processing waits for the first attempt's replies, or takes
        the turn over (its lease) if that attempt failed or its process died meanwhile."""
        deadline = time.monotonic() + RETRY_WAIT_S
        while time.monotonic() < deadline:
            await asyncio.sleep(0.1)
            ids = self.receipts.answered(self.name(), receipt_id)
            if ids is not None:
                return ids, None
            lease = self.receipts.take_over(self.name(), receipt_id)
            if lease is not None:
                return [], lease
        return [], None

    @staticmethod
    def _reply(messages: list[ChatMessage], status: int = 200) -> HTTPResponse:
        return response.json(
            {"messages": [message_json(m) for m in messages]},
            status=status,
            headers=fresh(SECURITY_HEADERS),
        )
