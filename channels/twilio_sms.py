"""SMS input channel (Twilio): signed webhooks, idempotent receipts, opt-outs, GSM-7 replies."""

from __future__ import annotations

import asyncio
import logging
import re
import uuid
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import parse_qs

from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request, RequestParameters
from sanic.response import HTTPResponse
from sqlalchemy.exc import SQLAlchemyError
from twilio.request_validator import RequestValidator

from bot.council import get_council
from bot.privacy import install_log_redaction
from bot.records.outbound import Outbound, OutboundStore
from bot.records.receipts import InboundStash, ReceiptState, ReceiptStore
from bot.settings import Settings, get_settings
from channels.delivery import Delivery, DeliveryError, register_delivery
from channels.handoff_gate import HandoffGate
from channels.outbound_sender import OutboundSender, SendResult
from channels.resident_text import channel_texts
from channels.sms_providers import SmsProvider, make_sms_provider
from channels.sms_render import render_plain, render_sms
from channels.text import clean_text

logger = logging.getLogger(__name__)
MAX_CONCURRENT_TURNS = 4

CHANNEL = "twilio_sms"
EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>'
E164 = re.compile(r"^\+[1-9]\d{6,14}$")
STOP_WORDS = frozenset({"STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT"})
START_WORDS = frozenset({"START", "YES", "UNSTOP"})
HELP_WORDS = frozenset({"HELP"})
RECOVER_AFTER_S = 300.0  # far longer than any turn, so a slow turn is never answered twice
MAX_SMS_CHARS = 1600  # Twilio's own limit for one inbound message


def keyword(text: str) -> str:
    """The message as an opt-out/help keyword: upper case, surrounding spaces and dots removed."""
    return text.strip().strip(".!").strip().upper()


def signed_form(request: Request) -> RequestParameters:
    """The form exactly as Twilio signed it: empty values kept (Sanic's request.form drops them)."""
    form = getattr(request.ctx, "twilio_form", None)
    if form is None:
        form = RequestParameters(parse_qs(request.body.decode("utf-8", "replace"), keep_blank_values=True))
        request.ctx.twilio_form = form
    return form


def twiml(status: int = 200) -> HTTPResponse:
    return response.text(EMPTY_TWIML, status=status, content_type="text/xml; charset=utf-8")


def _refuse(status: int, message: str) -> HTTPResponse:
    return response.text(message, status=status)


class SmsOutput(CollectingOutputChannel):
    """Collects one turn's replies; they are rendered and sent together after Rasa finishes."""

    @classmethod
    def name(cls) -> str:
        return CHANNEL


class SmsDelivery(Delivery):
    """Advisor replies and notices, queued and sent like any other SMS (never after STOP)."""

    channel = CHANNEL

    def __init__(self, channel: TwilioSmsInput) -> None:
        self._channel = channel

    async def send(self, sender_id: str, text: str, *, sender: str = "advisor") -> None:
        if self._channel.sender is None:
            raise DeliveryError("SMS is not set up on this server, so the reply cannot be sent.")
        try:
            if self._channel.outbound.is_opted_out(sender_id):
                raise DeliveryError("This resident replied STOP, so no texts can be sent to them.")
            body = render_plain(text, self._channel.max_segments)
            ids = self._channel.outbound.enqueue(CHANNEL, f"{sender}:{uuid.uuid4().hex}", sender_id, [(body, [])])
        except SQLAlchemyError as error:
            raise DeliveryError("The text could not be queued for sending.") from error
        self._channel.sender.send_soon(ids)


class TwilioSmsInput(InputChannel):
    """`/webhooks/twilio_sms/webhook` (messages) and `/status` (delivery reports)."""

    @classmethod
    def name(cls) -> str:
        return CHANNEL

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        return cls()

    def __init__(self, settings: Settings | None = None, provider: SmsProvider | None = None) -> None:
        settings = settings or get_settings()
        install_log_redaction()
        self.settings = settings
        self.max_segments = settings.sms_max_segments
        self.public_base_url = settings.public_base_url.rstrip("/")
        self.receipts = ReceiptStore()
        self.outbound = OutboundStore()
        self.gate = HandoffGate()
        # Few turns at once per process: Rasa's own work blocks the event loop, and webhook
        # acknowledgements must not wait behind a crowd of turns.
        self.turns = asyncio.Semaphore(MAX_CONCURRENT_TURNS)
        self.validator: RequestValidator | None = None
        self.sender: OutboundSender | None = None
        if settings.sms_configured:
            self.validator = RequestValidator(settings.twilio_auth_token.get_secret_value())
            status_url = f"{self.public_base_url}/webhooks/{CHANNEL}/status" if self.public_base_url else None
            self.provider = provider or make_sms_provider(settings, status_url)
            self.sender = OutboundSender(self.outbound, CHANNEL, self._send, self._blocked, self.recover)
        self.stash = InboundStash(CHANNEL)
        self._agent: Any = None
        self._on_new_message: Callable[[UserMessage], Awaitable[Any]] | None = None
        register_delivery(SmsDelivery(self))

    # Sending

    async def _send(self, message: Outbound) -> SendResult:
        return await self.provider.send(message.recipient, message.body)

    def _blocked(self, message: Outbound) -> bool:
        return self.outbound.is_opted_out_key(message.recipient_key)

    # Receiving

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        sms = Blueprint("twilio_sms_webhook", __name__)

        @sms.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok" if self.sender else "not configured"})

        @sms.listener("after_server_start")
        async def started(app: Any, _loop: Any) -> None:
            self._agent, self._on_new_message = app.ctx.agent, on_new_message
            if self.sender is not None:
                self.sender.start_retry_loop()

        @sms.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            return await self._receive(request, on_new_message)

        @sms.route("/status", methods=["POST"])
        async def status(request: Request) -> HTTPResponse:
            return await self._status(request)

        return sms

    def signed_url(self, request: Request) -> str:
        """The URL Twilio signed: the public base URL (behind a proxy) plus the path and query."""
        if not self.public_base_url:
            return request.url
        query = f"?{request.query_string}" if request.query_string else ""
        return f"{self.public_base_url}{request.path}{query}"

    def _verified(self, request: Request) -> bool:
        signature = request.headers.get("X-Twilio-Signature", "")
        if not signature or self.validator is None:
            return False
        content_type = request.headers.get("content-type", "")
        if not content_type.startswith("application/x-www-form-urlencoded"):
            return False
        try:
            return self.validator.validate(self.signed_url(request), signed_form(request), signature)
        except Exception:  # malformed input is simply not a valid signature
            return False

    async def _receive(
        self, request: Request, on_new_message: Callable[[UserMessage], Awaitable[Any]]
    ) -> HTTPResponse:
        if self.sender is None:
            return _refuse(503, "SMS is not set up on this server.")
        if not self._verified(request):
            return _refuse(403, "This request was not signed by Twilio.")
        form = signed_form(request)
        sid = form.get("MessageSid") or form.get("SmsSid") or ""
        number = form.get("From") or ""
        body = form.get("Body") or ""
        if not sid or len(sid) > 64 or not E164.match(number):
            return _refuse(400, "A MessageSid and an E.164 From number are needed.")
        try:
            state, _ = self.receipts.claim_receipt(CHANNEL, sid)
            if state == ReceiptState.NEW:
                self.stash.stash(sid, {"sender": number, "text": body[:MAX_SMS_CHARS]})
        except SQLAlchemyError:
            logger.exception("sms: database unavailable")
            return _refuse(503, "Please try again shortly.")  # Twilio retries on errors
        if state != ReceiptState.NEW:
            return twiml()  # a retry: already being handled or answered
        self.sender.start_retry_loop()
        # Acknowledge now; Rasa and sending happen after the response (Twilio allows 15s).
        self.sender.spawn(self.process(request.app.ctx.agent, on_new_message, sid, number, body[:MAX_SMS_CHARS]))
        return twiml()

    async def _status(self, request: Request) -> HTTPResponse:
        if self.sender is None:
            return _refuse(503, "SMS is not set up on this server.")
        if not self._verified(request):
            return _refuse(403, "This request was not signed by Twilio.")
        form = signed_form(request)
        sid = form.get("MessageSid") or ""
        status = form.get("MessageStatus") or form.get("SmsStatus") or ""
        if not sid or not status:
            return _refuse(400, "MessageSid and MessageStatus are needed.")
        try:
            self.outbound.apply_status(sid[:64], status[:20], form.get("ErrorCode"))
        except SQLAlchemyError:
            logger.exception("sms: could not store a delivery status")
            return _refuse(503, "Please try again shortly.")
        return response.empty(status=204)

    async def recover(self) -> None:
        """Answer messages acknowledged but never answered (e.g. the server stopped mid-turn)."""
        if self._agent is None or self._on_new_message is None or self.sender is None:
            return
        for sid, pending in self.stash.take_stale(RECOVER_AFTER_S):
            number, text = str(pending.get("sender", "")), str(pending.get("text", ""))
            logger.warning("sms: answering a message left unanswered by an earlier run")
            await self.process(self._agent, self._on_new_message, sid, number, text)

    async def process(
        self,
        agent: Any,
        on_new_message: Callable[[UserMessage], Awaitable[Any]],
        sid: str,
        number: str,
        raw: str,
    ) -> None:
        """Everything after the acknowledgement: keywords, Rasa, rendering, queuing, sending."""
        assert self.sender is not None
        try:
            async with self.turns:
                texts = await self._answer(agent, on_new_message, number, clean_text(raw))
        except Exception:
            logger.exception("sms: handling a message failed")
            texts = [render_plain(channel_texts().unavailable, self.max_segments)]
        try:
            ids = self.outbound.enqueue(CHANNEL, sid, number, [(text, []) for text in texts])
            self.receipts.complete_receipt(CHANNEL, sid, ids)
        except SQLAlchemyError:
            logger.exception("sms: could not queue a reply")
            return
        await self.sender.send_in_order(ids)

    async def _answer(
        self, agent: Any, on_new_message: Callable[[UserMessage], Awaitable[Any]], number: str, text: str
    ) -> list[str]:
        word = keyword(text)
        if word in STOP_WORDS:
            self.outbound.set_opted_out(number, True)
            logger.info("sms: a resident opted out")
            return []
        opted_out = self.outbound.is_opted_out(number)
        if word in START_WORDS and opted_out:
            self.outbound.set_opted_out(number, False)
            council = get_council(self.settings.council_dir)
            return [render_plain(f"You'll get texts from {council.name} again. Reply STOP to stop.", 1)]
        if opted_out:
            return []  # nothing is sent until they reply START
        if word in HELP_WORDS:
            return [self.help_text()]
        if not text:
            return []

        options = self.outbound.options(number)
        text_for_bot = text
        if word.isdigit() and options and 1 <= int(word) <= len(options):
            text_for_bot = options[int(word) - 1]
        output = SmsOutput()
        held = await self.gate.handle(
            agent,
            on_new_message,
            UserMessage(
                text_for_bot, output, number, input_channel=CHANNEL, metadata={"channel": CHANNEL}
            ),
        )
        messages = [{"text": t} for t in held] if held is not None else output.messages
        if not messages:
            self.outbound.set_options(number, [])
            return [render_plain(channel_texts().no_reply, self.max_segments)]
        reply = render_sms(messages, self.max_segments)
        self.outbound.set_options(number, reply.options)
        return [reply.body] if reply.body else []

    def help_text(self) -> str:
        council = get_council(self.settings.council_dir)
        return render_plain(
            f"{council.name} assistant. Text your question, e.g. 'my bin wasn't collected'. "
            f"Reply STOP to stop texts. To talk to someone call {council.config.contact.phone}.",
            1,
        )
