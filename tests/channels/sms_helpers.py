"""Signing and sending Twilio-style webhooks at a running SMS channel, for tests and benchmarks."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest
from twilio.request_validator import RequestValidator

AUTH_TOKEN = "test-auth-token-0123456789abcdef"
ACCOUNT_SID = "AC" + "0" * 32
FROM_NUMBER = "+447700900000"
PUBLIC_BASE = "https://council.example.gov.uk"
RESIDENT = "+447700900123"


def sms_env(monkeypatch: pytest.MonkeyPatch, twilio_api_url: str, **extra: str) -> None:
    """Settings for the SMS channel pointed at a local fake Twilio API."""
    from tests.conftest import reset_cached_state

    values = {
        "TWILIO_ACCOUNT_SID": ACCOUNT_SID,
        "TWILIO_AUTH_TOKEN": AUTH_TOKEN,
        "TWILIO_FROM_NUMBER": FROM_NUMBER,
        "TWILIO_API_URL": twilio_api_url,
        "PUBLIC_BASE_URL": PUBLIC_BASE,
        **extra,
    }
    for name, value in values.items():
        monkeypatch.setenv(name, value)
    reset_cached_state()


def sign(path: str, params: dict[str, str], token: str = AUTH_TOKEN) -> str:
    """X-Twilio-Signature exactly as Twilio computes it (the library's own algorithm)."""
    return RequestValidator(token).compute_signature(f"{PUBLIC_BASE}{path}", params)


def inbound(body: str, sid: str | None = None, number: str = RESIDENT) -> dict[str, str]:
    return {
        "MessageSid": sid or f"SM{uuid.uuid4().hex}",
        "AccountSid": ACCOUNT_SID,
        "From": number,
        "To": FROM_NUMBER,
        "Body": body,
        "NumMedia": "0",
    }


def post_signed(
    client: httpx.Client,
    base_url: str,
    params: dict[str, str],
    route: str = "webhook",
    **kwargs: Any,
) -> httpx.Response:
    path = f"/webhooks/twilio_sms/{route}"
    return client.post(
        f"{base_url}/{route}",
        data=params,
        headers={"X-Twilio-Signature": sign(path, params)},
        **kwargs,
    )
