"""Who actually sends an SMS: Twilio, or a stub that only logs (chosen by SMS_PROVIDER)."""

from __future__ import annotations

import abc
import asyncio
import logging
from typing import Any

from twilio.base.exceptions import TwilioException, TwilioRestException
from twilio.http.http_client import TwilioHttpClient
from twilio.http.response import Response
from twilio.rest import Client

from bot.settings import Environment, Settings, SettingsError
from channels.outbound_sender import SendError, SendResult

logger = logging.getLogger(__name__)
TWILIO_API = "https://api.twilio.com"
SEND_TIMEOUT_S = 10.0


class SmsProvider(abc.ABC):
    """Sends one SMS body to one E.164 number."""

    @abc.abstractmethod
    async def send(self, to: str, body: str) -> SendResult: ...


class LogSmsProvider(SmsProvider):
    """Development stub: records the send in the log (number redacted), sends nothing."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, str]] = []

    async def send(self, to: str, body: str) -> SendResult:
        self.sent.append((to, body))
        logger.info("sms (log provider): would send %d characters", len(body))
        return SendResult(provider_id=None, status="sent")


class RedirectingHttpClient(TwilioHttpClient):
    """Twilio's own HTTP client, with api.twilio.com swapped for another base URL (tests)."""

    def __init__(self, base_url: str, timeout: float = SEND_TIMEOUT_S) -> None:
        super().__init__(timeout=timeout)
        self.base_url = base_url.rstrip("/")

    def request(self, method: str, url: str, *args: Any, **kwargs: Any) -> Response:
        if url.startswith(TWILIO_API):
            url = self.base_url + url[len(TWILIO_API) :]
        return super().request(method, url, *args, **kwargs)


class TwilioSmsProvider(SmsProvider):
    """Sends with the twilio library's REST client, off the event loop."""

    def __init__(self, settings: Settings, status_callback: str | None) -> None:
        if settings.environment is Environment.TEST and not settings.twilio_api_url:
            raise SettingsError(
                "Tests must never reach the real Twilio API: set TWILIO_API_URL to a local fake."
            )
        http_client = (
            RedirectingHttpClient(settings.twilio_api_url)
            if settings.twilio_api_url
            else TwilioHttpClient(timeout=SEND_TIMEOUT_S)
        )
        self._client = Client(
            settings.twilio_account_sid,
            settings.twilio_auth_token.get_secret_value(),
            http_client=http_client,
        )
        self._from = settings.twilio_from_number
        self._status_callback = status_callback

    def _create(self, to: str, body: str) -> SendResult:
        extra = {"status_callback": self._status_callback} if self._status_callback else {}
        message = self._client.messages.create(to=to, from_=self._from, body=body, **extra)
        return SendResult(provider_id=message.sid, status=str(message.status or "queued"))

    async def send(self, to: str, body: str) -> SendResult:
        try:
            return await asyncio.to_thread(self._create, to, body)
        except TwilioRestException as error:
            # 4xx other than rate limiting will fail the same way again (bad number, blocked).
            retry = error.status == 429 or error.status >= 500
            if error.code == 21610:  # the number has replied STOP to Twilio itself
                retry = False
            raise SendError(
                f"Twilio refused the message (HTTP {error.status}, code {error.code})", retry=retry
            ) from None
        except (TwilioException, OSError) as error:
            raise SendError(
                f"Twilio could not be reached ({type(error).__name__})", retry=True
            ) from None


def make_sms_provider(settings: Settings, status_callback: str | None) -> SmsProvider:
    if settings.sms_provider == "log":
        return LogSmsProvider()
    return TwilioSmsProvider(settings, status_callback)
