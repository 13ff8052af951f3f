"""SMS input channel (Twilio): signed webhooks, idempotent receipts, opt-outs, GSM-7 replies."""

from __future__ import annotations

import logging
import re
from typing import Any
from urllib.parse import parse_qs

from sanic import Blueprint, response
from sanic.request import Request, RequestParameters
from sanic.response import HTTPResponse
from sqlalchemy.exc import SQLAlchemyError
from twilio.request_validator import RequestValidator

from bot.council import get_council
from bot.records import insight_events
from bot.records.outbound import Outbound
from bot.sensitive_numbers import mask
from bot.settings import Settings
from channels.delivery import DeliveryError
from channels.outbound_sender import SendResult
from channels.resident_text import channel_texts
from channels.sms_providers import SmsProvider, make_sms_provider
from channels.sms_render import render_plain, render_sms
from channels.text import clean_text
from channels.text_pipeline import Inbound, Reply, TextChannelInput

logger = logging.getLogger(__name__)

CHANNEL = "twilio_sms"
EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>'
E164 = re.compile(r"^\+[1-9]\d{6,14}$")
# Twilio's ids: two letters and 32 hex digits. Strict, because the signature joins names and
# values with nothing between them: "MessageSid=SM…NumMedia0" without NumMedia signs the same
# as the genuine request, and a looser check let that replay through as a new message.
MESSAGE_SID = re.compile(r"^(SM|MM)[0-9a-f]{32}$")
ACCOUNT_SID = re.compile(r"^AC[0-9a-f]{32}$")
STOP_WORDS = frozenset({"STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT"})
START_WORDS = frozenset({"START", "YES", "UNSTOP"})
HELP_WORDS = frozenset({"HELP"})
REQUIRED_INBOUND = ("MessageSid", "AccountSid", "From", "To", "Body", "NumMedia")
MAX_SMS_CHARS = 1600  # Twilio's own limit for one inbound message


def keyword(text: str) -> str:
    """The message as an opt-out/help keyword: upper case, surrounding spaces and dots removed."""
    return text.strip().strip(".!").strip().upper()


def signed_form(request: Request) -> RequestParameters:
    """The form exactly as Twilio signed it: empty values kept (Sanic's request.form drops them)."""
    form = getattr(request.ctx, "twilio_form", None)
    if form is None:
        form = RequestParameters(
            parse_qs(request.body.decode("utf-8", "replace"), keep_blank_values=True)
        )
        request.ctx.twilio_form = form
    return form


def twiml(status: int = 200) -> HTTPResponse:
    return response.text(EMPTY_TWIML, status=status, content_type="text/xml; charset=utf-8")


def _refuse(status: int, message: str) -> HTTPResponse:
    return response.text(message, status=status)


class TwilioSmsInput(TextChannelInput):
    """`/webhooks/twilio_sms/webhook` (messages) and `/status` (delivery reports)."""

    title = "SMS"
    message_word = "text"

    @classmethod
    def name(cls) -> str:
        return CHANNEL

    def __init__(self, settings: Settings, provider: SmsProvider | None = None) -> None:
        super().__init__(settings)
        self.max_segments = settings.sms_max_segments
        self.public_base_url = settings.public_base_url.rstrip("/")
        self.validator: RequestValidator | None = None
        if settings.sms_configured:
            self.validator = RequestValidator(settings.twilio_auth_token.get_secret_value())
            status_url = (
                f"{self.public_base_url}/webhooks/{CHANNEL}/status"
                if self.public_base_url
                else None
            )
            self.provider = provider or make_sms_provider(settings, status_url)
            self.start_sending()

    # Sending

    async def send(self, message: Outbound) -> SendResult:
        return await self.provider.send(message.recipient, message.body)

    def blocked(self, message: Outbound) -> bool:
        return self.outbound.is_opted_out_key(message.recipient_key)

    def delivery_parts(self, recipient: str, text: str) -> list[Reply]:
        """Advisor replies and notices, sent like any other SMS (never after STOP)."""
        if self.outbound.is_opted_out(recipient):
            raise DeliveryError("This resident replied STOP, so no texts can be sent to them.")
        return [(render_plain(text, self.max_segments), [])]

    def render_notice(self, text: str) -> list[Reply]:
        return [(render_plain(text, self.max_segments), [])]

    def render_unavailable(self) -> list[Reply]:
        return [(render_plain(channel_texts().unavailable, self.max_segments), [])]

    # Receiving

    def add_routes(self, blueprint: Blueprint) -> None:
        @blueprint.route("/status", methods=["POST"])
        async def status(request: Request) -> HTTPResponse:
            return await self._status(request)

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
            return self.validator.validate(
                self.signed_url(request), signed_form(request), signature
            )
        except Exception:  # malformed input is simply not a valid signature
            return False

    def verify(self, request: Request) -> HTTPResponse | None:
        if self.sender is None:
            return _refuse(503, "SMS is not set up on this server.")
        if not self._verified(request):
            return _refuse(403, "This request was not signed by Twilio.")
        return None

    def genuine_shape(self, form: RequestParameters) -> bool:
        """Every parameter Twilio always sends is there, once, in Twilio's own format.

        A signed request rearranged at the joins between parameters fails this: the ids no
        longer look like ids, a parameter goes missing, or the account is not ours.
        """
        if any(len(form.getlist(name) or []) != 1 for name in REQUIRED_INBOUND):
            return False
        sid = form.get("MessageSid") or ""
        return (
            MESSAGE_SID.match(sid) is not None
            and all(form.get(alias, sid) == sid for alias in ("SmsSid", "SmsMessageSid"))
            and ACCOUNT_SID.match(form.get("AccountSid") or "") is not None
            and form.get("AccountSid") == self.settings.twilio_account_sid
            and E164.match(form.get("From") or "") is not None
            and (form.get("NumMedia") or "").isdigit()
        )

    def parse(self, request: Request) -> Inbound | HTTPResponse:
        form = signed_form(request)
        if not self.genuine_shape(form):
            return _refuse(
                400, "A MessageSid, our AccountSid, an E.164 From number and NumMedia are needed."
            )
        sid = form.get("MessageSid") or ""
        number = form.get("From") or ""
        body = form.get("Body") or ""
        # Acknowledged at once; Rasa and sending happen after the response (Twilio allows 15s).
        # Masked before it is cut, so the cut never leaves half a card number behind.
        return Inbound(sid, {"sender": number, "text": mask(body)[:MAX_SMS_CHARS]})

    def acknowledge(self) -> HTTPResponse:
        return twiml()

    def recipient_of(self, pending: dict[str, Any]) -> str | None:
        return str(pending.get("sender") or "") or None

    async def _status(self, request: Request) -> HTTPResponse:
        refusal = self.verify(request)
        if refusal is not None:
            return refusal
        form = signed_form(request)
        sid = form.get("MessageSid") or ""
        status = form.get("MessageStatus") or form.get("SmsStatus") or ""
        if not MESSAGE_SID.match(sid) or not status:
            return _refuse(400, "MessageSid and MessageStatus are needed.")
        try:
            self.outbound.apply_status(sid, status[:20], form.get("ErrorCode"))
        except SQLAlchemyError:
            logger.exception("sms: could not store a delivery status")
            return _refuse(503, "Please try again shortly.")
        return response.empty(status=204)

    async def answer(self, inbound: Inbound) -> tuple[str | None, list[Reply]]:
        """Keywords (STOP, START, HELP), numbered options, then the gate and Rasa."""
        number = str(inbound.pending.get("sender", ""))
        text = clean_text(str(inbound.pending.get("text", "")))
        word = keyword(text)
        if word in STOP_WORDS:
            self.outbound.set_opted_out(number, True)
            logger.info("sms: a resident opted out")
            insight_events.record(insight_events.SMS_OPT_OUT, number, channel=self.name())
            return number, []
        opted_out = self.outbound.is_opted_out(number)
        if word in START_WORDS and opted_out:
            self.outbound.set_opted_out(number, False)
            council = get_council(self.settings.council_dir)
            return number, [
                (
                    render_plain(
                        f"You'll get texts from {council.name} again. Reply STOP to stop.", 1
                    ),
                    [],
                )
            ]
        if opted_out:
            return number, []  # nothing is sent until they reply START
        if word in HELP_WORDS:
            return number, [(self.help_text(), [])]
        if not text:
            return number, []

        options = self.outbound.options(number)
        text_for_bot = text
        if word.isdigit() and options and 1 <= int(word) <= len(options):
            text_for_bot = options[int(word) - 1]
        messages = await self.converse(number, text_for_bot)
        if not messages:
            self.outbound.set_options(number, [])
            return number, [(render_plain(channel_texts().no_reply, self.max_segments), [])]
        reply = render_sms(messages, self.max_segments)
        self.outbound.set_options(number, reply.options)
        return number, [(reply.body, [])] if reply.body else []

    def help_text(self) -> str:
        council = get_council(self.settings.council_dir)
        return render_plain(
            f"{council.name} assistant. Text your question, e.g. 'my bin wasn't collected'. "
            f"Reply STOP to stop texts. To talk to someone call {council.config.contact.phone}.",
            1,
        )
