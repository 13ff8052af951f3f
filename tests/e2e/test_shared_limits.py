"""End to end: the limits hold on the real Rasa server with two workers (RASA_WORKERS=2), a new
connection for every request, as in the probe that found 60 of 70 messages accepted."""

from __future__ import annotations

import uuid

import pytest
import requests

from bot.records.advisor_accounts import AdvisorAccounts
from tests.e2e.webchat_client import WebchatClient, resident_address
from tests.support.sign_in import sign_in as browser_sign_in

pytestmark = [pytest.mark.e2e, pytest.mark.model]

PASSWORD = "a long test password"


def test_the_servers_run_more_than_one_worker(live_servers):
    assert live_servers.settings.rasa_workers >= 2


def test_one_chat_gets_30_messages_a_minute_whichever_worker_answers(live_servers):
    chat = WebchatClient(live_servers.webchat)
    codes = [
        requests.post(  # a new connection each time, so the workers share the requests
            f"{live_servers.webchat}/webhook",
            json={"session_id": chat.session_id, "message": "hello", "client_message_id": f"m{n}"},
            headers={**chat.headers, "Connection": "close"},
            timeout=60,
        ).status_code
        for n in range(36)
    ]

    assert codes[:30] == [200] * 30
    assert codes[30:] == [429] * 6


def test_the_lockout_holds_on_every_worker_and_refuses_the_right_password(live_servers):
    username = f"adv{uuid.uuid4().hex[:8]}"
    AdvisorAccounts(live_servers.database_url).create(username, "Sam Patel", PASSWORD)
    address = {"X-Forwarded-For": resident_address()}

    def sign_in(password: str) -> int:
        console = f"{live_servers.base_url}/webhooks/console"
        return browser_sign_in(console, username, password, address).status_code

    wrong = [sign_in(f"guess {n}") for n in range(10)]
    right = [sign_in(PASSWORD) for _ in range(4)]

    assert wrong == [401] * 5 + [429] * 5
    assert right == [429] * 4
