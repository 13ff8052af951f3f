"""Local development without a public URL: Telegram updates are fetched and posted to our webhook (channels/telegram_polling.py)."""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from telegram import Bot

from tests.support.fake_providers import FakeApi

SECRET = "test-secret-token_0123456789"


class Webhook:
    """Our webhook as the poller sees it: records each post and answers with `status`."""

    def __init__(self) -> None:
        self.posts: list[tuple[dict[str, Any], str | None]] = []
        self.status = 200
        hook = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *_: Any) -> None:
                pass

            def do_POST(self) -> None:  # noqa: N802 - http.server API
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                hook.posts.append(
                    (json.loads(body), self.headers.get("X-Telegram-Bot-Api-Secret-Token"))
                )
                self.send_response(hook.status)
                self.send_header("Content-Length", "0")
                self.end_headers()

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/webhooks/telegram/webhook"

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def update(update_id: int, text: str) -> dict[str, Any]:
    return {
        "update_id": update_id,
        "message": {
            "message_id": update_id,
            "from": {"id": 42, "is_bot": False, "first_name": "Sam"},
            "chat": {"id": 42, "first_name": "Sam", "type": "private"},
            "date": 1763790000,
            "text": text,
        },
    }


@pytest.fixture
def telegram_api() -> Iterator[FakeApi]:
    api = FakeApi("telegram").start()
    yield api
    api.stop()


@pytest.fixture
def webhook() -> Iterator[Webhook]:
    hook = Webhook()
    yield hook
    hook.stop()


def _forward(telegram_api: FakeApi, webhook: Webhook) -> int:
    from channels.telegram_polling import forward_updates

    bot = Bot("123456:TEST-token", base_url=f"{telegram_api.url}/bot")
    return asyncio.run(forward_updates(bot, webhook.url, SECRET, once=True))


def test_each_update_is_posted_to_the_webhook_with_the_secret_as_telegram_would(
    telegram_api, webhook
):
    telegram_api.pending_updates = [update(20, "my bin was missed"), update(21, "on Tuesday")]

    assert _forward(telegram_api, webhook) == 2

    assert [(body["message"]["text"], secret) for body, secret in webhook.posts] == [
        ("my bin was missed", SECRET),
        ("on Tuesday", SECRET),
    ]
    assert webhook.posts[0][0]["update_id"] == 20


def test_an_update_the_webhook_did_not_acknowledge_is_not_counted_as_forwarded(
    telegram_api, webhook
):
    webhook.status = 503
    telegram_api.pending_updates = [update(30, "hello"), update(31, "anyone there?")]

    assert _forward(telegram_api, webhook) == 0
    assert len(webhook.posts) == 1  # it stops at the first failure, to fetch it again


def test_polling_is_refused_in_production(monkeypatch):
    from bot.settings import get_settings
    from channels import telegram_polling

    monkeypatch.setattr(telegram_polling, "get_settings", lambda: _production(get_settings()))
    with pytest.raises(SystemExit, match="Polling is for local development"):
        telegram_polling.main()


def _production(settings: Any) -> Any:
    from bot.settings import Environment

    return settings.copy(update={"environment": Environment.PRODUCTION})
