"""Who sends an SMS: Twilio's own client (pointed at a local fake API here) or the log stub (channels/sms_providers.py)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest

from bot.settings import SettingsError, get_settings
from channels.outbound_sender import SendError
from channels.sms_providers import LogSmsProvider, TwilioSmsProvider, make_sms_provider
from tests.channels.sms_helpers import FROM_NUMBER, RESIDENT, sms_env
from tests.support.fake_providers import FakeApi
from tests.support.ports import free_port

CALLBACK = "https://council.example.gov.uk/webhooks/twilio_sms/status"


@pytest.fixture
def twilio_api() -> Iterator[FakeApi]:
    api = FakeApi("twilio").start()
    yield api
    api.stop()


@pytest.fixture
def provider(sqlite_url, twilio_api, monkeypatch) -> TwilioSmsProvider:
    sms_env(monkeypatch, twilio_api.url)
    made = make_sms_provider(get_settings(), CALLBACK)
    assert isinstance(made, TwilioSmsProvider)
    return made


def test_the_log_provider_is_chosen_by_setting_and_sends_nothing(
    sqlite_url, twilio_api, monkeypatch
):
    sms_env(monkeypatch, twilio_api.url, SMS_PROVIDER="log")
    made = make_sms_provider(get_settings(), CALLBACK)
    assert isinstance(made, LogSmsProvider)

    result = asyncio.run(made.send(RESIDENT, "Your bin will be collected tomorrow."))

    assert result.status == "sent" and result.provider_id is None
    assert made.sent == [(RESIDENT, "Your bin will be collected tomorrow.")]
    assert twilio_api.requests == []


def test_a_text_goes_from_the_councils_number_to_the_resident_with_a_status_callback(
    provider, twilio_api
):
    result = asyncio.run(provider.send(RESIDENT, "Your reference is MB-7K3F9Q."))

    assert result.status == "queued" and (result.provider_id or "").startswith("SM")
    [sent] = twilio_api.requests
    assert sent.params["To"] == RESIDENT
    assert sent.params["From"] == FROM_NUMBER
    assert sent.params["Body"] == "Your reference is MB-7K3F9Q."
    assert sent.params["StatusCallback"] == CALLBACK


@pytest.mark.parametrize(("status", "retry"), [(500, True), (503, True), (429, True), (400, False)])
def test_a_refused_text_is_retried_only_when_trying_again_may_help(
    provider, twilio_api, status, retry
):
    twilio_api.fail_next, twilio_api.fail_status = 1, status

    with pytest.raises(SendError, match=f"HTTP {status}") as refused:
        asyncio.run(provider.send(RESIDENT, "Hello"))

    assert refused.value.retry is retry


def test_an_unreachable_twilio_is_tried_again_later(sqlite_url, monkeypatch):
    sms_env(monkeypatch, f"http://127.0.0.1:{free_port()}")
    provider = make_sms_provider(get_settings(), None)

    with pytest.raises(SendError, match="could not be reached") as failed:
        asyncio.run(provider.send(RESIDENT, "Hello"))

    assert failed.value.retry is True


def test_tests_are_refused_the_real_twilio_api(sqlite_url, twilio_api, monkeypatch):
    sms_env(monkeypatch, twilio_api.url)
    settings = get_settings().copy(update={"twilio_api_url": ""})

    with pytest.raises(SettingsError, match="never reach the real Twilio API"):
        TwilioSmsProvider(settings, None)
