"""The Telegram channel on a real Sanic server: Bot API JSON updates in, a local fake Bot API out."""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from telegram import Bot

from tests.support.channel_app import RunningChannel, ScriptedBot
from tests.support.fake_providers import FakeApi

SECRET = "test-secret-token_0123456789"
CHAT_ID = 987654321
BUTTONS = [{"title": "Report a missed bin", "payload": "/report_missed_bin"}]


def message_update(
    update_id: int, text: str, *, edited: bool = False, chat_type: str = "private"
) -> dict:
    """An update exactly as the Bot API sends it."""
    message = {
        "message_id": update_id,
        "from": {"id": CHAT_ID, "is_bot": False, "first_name": "Sam", "language_code": "en"},
        "chat": {"id": CHAT_ID, "first_name": "Sam", "type": chat_type},
        "date": 1763790000,
        "text": text,
    }
    if edited:
        message["edit_date"] = 1763790060
    return {"update_id": update_id, ("edited_message" if edited else "message"): message}


def button_update(update_id: int, data: str) -> dict:
    return {
        "update_id": update_id,
        "callback_query": {
            "id": f"cb{update_id}",
            "from": {"id": CHAT_ID, "is_bot": False, "first_name": "Sam"},
            "chat_instance": "-1234",
            "data": data,
            "message": {
                "message_id": 1,
                "from": {"id": 1, "is_bot": True, "first_name": "Council"},
                "chat": {"id": CHAT_ID, "type": "private"},
                "date": 1763790000,
                "text": "What do you need help with?",
            },
        },
    }


def scripted(text: str) -> list[dict[str, Any]]:
    if text == "hello":
        return [{"text": "Hello! What do you need?", "buttons": BUTTONS}]
    return [{"text": f"You said: {text}"}]


@pytest.fixture
def telegram_api() -> Iterator[FakeApi]:
    api = FakeApi("telegram").start()
    yield api
    api.stop()


def telegram_env(monkeypatch: pytest.MonkeyPatch, api_url: str, secret: str = SECRET) -> None:
    from tests.conftest import reset_cached_state

    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "123456:TEST-token")
    monkeypatch.setenv("TELEGRAM_SECRET_TOKEN", secret)
    monkeypatch.setenv("TELEGRAM_API_URL", f"{api_url}/bot")
    reset_cached_state()


@pytest.fixture
def telegram(sqlite_url, telegram_api, monkeypatch) -> Iterator[tuple]:
    from channels.telegram import TelegramInput

    telegram_env(monkeypatch, telegram_api.url)
    channel = TelegramInput.from_credentials(None)
    channel.pacer.interval = 0.2  # the real 1 s pace, scaled down to keep tests quick
    bot = ScriptedBot(scripted)
    with RunningChannel(channel, bot) as running, httpx.Client(timeout=30) as client:
        yield running, client, bot


def post(
    client: httpx.Client, running: RunningChannel, update: dict, secret: str | None = SECRET
) -> httpx.Response:
    headers = {"X-Telegram-Bot-Api-Secret-Token": secret} if secret is not None else {}
    return client.post(f"{running.base_url}/webhook", content=json.dumps(update), headers={
        "Content-Type": "application/json", **headers})  # fmt: skip


def settle(running: RunningChannel) -> None:
    time.sleep(0.05)
    running.run(running.channel.sender.drain())


def test_a_message_is_answered_with_an_inline_keyboard(telegram, telegram_api):
    running, client, bot = telegram
    assert post(client, running, message_update(1, "hello")).status_code == 200
    settle(running)
    assert bot.received[0].sender_id == str(CHAT_ID)
    [sent] = telegram_api.requests
    assert sent.path.endswith("/sendMessage")
    assert sent.params["chat_id"] == str(CHAT_ID)
    markup = json.loads(sent.params["reply_markup"])
    assert markup == {
        "inline_keyboard": [
            [{"callback_data": "/report_missed_bin", "text": "Report a missed bin"}]
        ]
    }


def test_a_national_insurance_number_is_removed_and_the_resident_told_why(telegram, telegram_api):
    from sqlalchemy import select

    from bot.storage.engine import session_scope
    from bot.storage.models import MessageReceipt, OutboundMessage

    running, client, bot = telegram
    post(client, running, message_update(7, "my NI number is AB 12 34 56 C, claim help"))
    settle(running)
    said = "my NI number is [National Insurance number removed], claim help"
    assert [m.text for m in bot.received] == [said]
    notice, answer = [r.params["text"] for r in telegram_api.requests if "text" in r.params]
    assert notice.startswith("I've removed what looked like a National Insurance number")
    assert answer == f"You said: {said}"
    with session_scope() as session:
        stored = repr(session.execute(select(MessageReceipt.response)).scalars().all())
        stored += repr(session.execute(select(OutboundMessage.body)).scalars().all())
    assert "12 34 56" not in stored


def test_a_button_press_sends_its_callback_data_to_the_assistant(telegram, telegram_api):
    running, client, bot = telegram
    post(client, running, button_update(2, "/report_missed_bin"))
    settle(running)
    assert bot.received[0].text == "/report_missed_bin"


def test_an_unknown_intent_in_callback_data_never_reaches_the_assistant(telegram, telegram_api):
    running, client, bot = telegram
    post(client, running, button_update(3, '/restart{"x": 1}'))
    settle(running)
    assert bot.received == []
    assert "not recognised" in telegram_api.sent_bodies()[0]


@pytest.mark.parametrize("secret", [None, "", "wrong-secret", SECRET + "x"])
def test_updates_without_the_right_secret_token_are_refused(telegram, telegram_api, secret):
    running, client, bot = telegram
    assert post(client, running, message_update(4, "hello"), secret=secret).status_code == 403
    settle(running)
    assert bot.received == [] and telegram_api.requests == []


def test_an_update_replayed_five_times_is_answered_once(telegram, telegram_api):
    running, client, bot = telegram
    for _ in range(5):
        assert post(client, running, message_update(5, "hi there")).status_code == 200
    settle(running)
    assert len(bot.received) == 1 and len(telegram_api.requests) == 1


def test_an_edited_message_is_not_treated_as_a_new_request(telegram, telegram_api):
    running, client, bot = telegram
    post(client, running, message_update(6, "hi there"))
    post(client, running, message_update(7, "hi there, edited", edited=True))
    settle(running)
    assert [m.text for m in bot.received] == ["hi there"]


def test_group_chats_are_ignored(telegram, telegram_api):
    running, client, bot = telegram
    post(client, running, message_update(8, "hello", chat_type="group"))
    settle(running)
    assert bot.received == [] and telegram_api.requests == []


def test_sends_to_one_chat_are_paced(telegram, telegram_api):
    running, client, bot = telegram
    for update_id in range(10, 14):
        post(client, running, message_update(update_id, f"message {update_id}"))
    settle(running)
    times = [r.at for r in telegram_api.requests]
    assert len(times) == 4
    gaps = [round(b - a, 3) for a, b in zip(times, times[1:], strict=False)]
    assert min(gaps) >= 0.15, gaps


def test_an_advisor_reply_reaches_the_chat_through_the_shared_delivery(telegram, telegram_api):
    running, _, _ = telegram
    from channels.delivery import delivery_for

    running.run(
        delivery_for(running.app, "telegram").send(
            str(CHAT_ID), "Hello, I'm Priya from the council."
        )
    )
    settle(running)
    assert telegram_api.sent_bodies() == ["Hello, I'm Priya from the council."]


def test_the_server_refuses_to_start_in_production_without_a_secret_token(
    sqlite_url, telegram_api, monkeypatch
):
    from bot.settings import SettingsError, get_settings
    from channels.telegram import TelegramInput

    telegram_env(monkeypatch, telegram_api.url, secret="")
    monkeypatch.setenv("ENVIRONMENT", "production")
    monkeypatch.setenv("SECRET_KEY", "a" * 40)
    with pytest.raises(SettingsError, match="TELEGRAM_SECRET_TOKEN"):
        get_settings()
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN")
    get_settings.cache_clear()
    with pytest.raises(SettingsError, match="TELEGRAM_SECRET_TOKEN"):
        TelegramInput.from_credentials(None)


def test_tests_cannot_reach_the_real_telegram_api(sqlite_url, monkeypatch):
    from bot.settings import SettingsError
    from channels.telegram import TelegramInput
    from tests.conftest import reset_cached_state

    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "123456:TEST-token")
    monkeypatch.delenv("TELEGRAM_API_URL", raising=False)
    reset_cached_state()
    with pytest.raises(SettingsError, match="real Telegram"):
        TelegramInput.from_credentials(None)


def test_polling_mode_forwards_updates_to_the_webhook_with_the_secret(telegram, telegram_api):
    running, _, bot = telegram
    from channels.telegram_polling import forward_updates

    telegram_api.pending_updates = [message_update(20, "from polling")]
    tg = Bot("123456:TEST-token", base_url=f"{telegram_api.url}/bot")
    forwarded = asyncio.run(forward_updates(tg, f"{running.base_url}/webhook", SECRET, once=True))
    settle(running)
    assert forwarded == 1
    assert [m.text for m in bot.received] == ["from polling"]


def test_an_update_acknowledged_before_a_crash_is_answered_after_a_restart(telegram, telegram_api):
    from datetime import timedelta

    from sqlalchemy import select

    from bot.storage.engine import session_scope
    from bot.storage.models import MessageReceipt, utcnow

    running, _, bot = telegram
    channel = running.channel
    channel.receipts.claim_receipt("telegram", "77")
    channel.stash.stash("77", message_update(77, "hello from before the crash"))
    assert channel.stash.take_stale(300) == []  # too recent: it may still be in progress
    with session_scope() as session:
        receipt = session.execute(select(MessageReceipt)).scalar_one()
        receipt.received_at = utcnow() - timedelta(minutes=10)
    running.run(channel.recover())
    settle(running)
    assert [m.text for m in bot.received] == ["hello from before the crash"]
    assert telegram_api.sent_bodies() == ["You said: hello from before the crash"]
    running.run(channel.recover())  # answered now: never again
    settle(running)
    assert len(telegram_api.requests) == 1


def test_a_lone_surrogate_in_a_message_is_answered_not_a_crash(telegram, telegram_api):
    running, client, bot = telegram
    body = json.dumps(message_update(90, "bin day")).replace("bin day", "bin \\ud800 day")

    reply = client.post(f"{running.base_url}/webhook", content=body, headers={
        "Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": SECRET})  # fmt: skip
    settle(running)

    assert reply.status_code == 200
    assert [m.text for m in bot.received] == ["bin \ufffd day"]
    assert telegram_api.sent_bodies() == ["You said: bin \ufffd day"]


def test_a_real_send_logs_no_bot_token(telegram, telegram_api, caplog):
    from bot.privacy import install_log_redaction

    running, client, _ = telegram
    with caplog.at_level(logging.INFO):
        install_log_redaction()  # what the channel did at start, for pytest's handler of this test
        assert post(client, running, message_update(91, "hello")).status_code == 200
        settle(running)
        # A developer who turns the HTTP client's logging back on still sees no token.
        logging.getLogger("httpx").setLevel(logging.INFO)
        running.run(running.channel.bot.get_me())

    assert telegram_api.sent_bodies() == ["Hello! What do you need?"]
    [request_line] = [r.getMessage() for r in caplog.records if r.name == "httpx"]
    assert "/getMe" in request_line
    assert "TEST-token" not in caplog.text and "123456:" not in caplog.text


def _weird(update_id: int, **message: Any) -> dict:
    update = message_update(update_id, "hello")
    for key, value in message.items():
        if value is None:
            update["message"].pop(key)
        else:
            update["message"][key] = value
    return update


@pytest.mark.parametrize(
    "update",
    [
        _weird(101, chat={"id": "abc", "type": "private"}),
        _weird(102, chat=None),
        _weird(103, text=12345),
        _weird(104, text=["a", "list"]),
        _weird(105, chat={"id": True, "type": "private"}),
        {"update_id": 106, "message": "not an object"},
        {"update_id": 107, "callback_query": {"id": "cb", "data": 5, "from": {"id": 1}}},
    ],
)
def test_a_malformed_update_is_acknowledged_once_ignored_and_logged_without_a_traceback(
    telegram, telegram_api, caplog, update
):
    running, client, bot = telegram
    with caplog.at_level(logging.INFO):
        first = post(client, running, update)
        again = post(client, running, update)  # Telegram would retry anything but a 200
        settle(running)

    assert first.status_code == 200 and again.status_code == 200
    assert bot.received == [] and telegram_api.requests == []
    assert not [r for r in caplog.records if r.exc_info or r.levelno >= logging.ERROR]
    assert len([r for r in caplog.records if "ignored" in r.getMessage()]) == 2


def test_a_message_of_digits_is_still_a_message(telegram, telegram_api):
    running, client, bot = telegram
    post(client, running, message_update(108, "12"))
    settle(running)
    assert [m.text for m in bot.received] == ["12"]
    assert telegram_api.sent_bodies() == ["You said: 12"]
