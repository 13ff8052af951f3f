"""Limits and lockouts hold across server processes: two processes share one database (SQLite
file or PostgreSQL), every request is a new connection, and requests alternate between them."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from bot.records.advisor_accounts import AdvisorAccounts
from bot.settings import PROJECT_ROOT
from tests.support.channel_server import ChannelServers
from tests.support.sign_in import sign_in as browser_sign_in

PASSWORD = "correct horse battery"


@pytest.fixture
def servers(database_url: str, tmp_path: Path) -> Iterator[ChannelServers]:
    AdvisorAccounts().create("sam", "Sam", PASSWORD)
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "ENVIRONMENT": "test",
        "PYTHONPATH": str(PROJECT_ROOT),
        # The test client is the proxy here: it says which resident each request is from.
        "TRUSTED_PROXIES": "127.0.0.1",
    }
    with ChannelServers(env, tmp_path) as running:
        yield running


def new_session(servers: ChannelServers, n: int, address: str = "203.0.113.7") -> requests.Response:
    return requests.post(
        f"{servers.url(n)}/webchat/session",
        json={},
        headers={"X-Forwarded-For": address},
        timeout=30,
    )


def sign_in(servers: ChannelServers, n: int, username: str, password: str) -> requests.Response:
    return browser_sign_in(f"{servers.url(n)}/console", username, password)


def test_the_31st_webchat_message_in_a_minute_is_refused_whichever_process_it_reaches(servers):
    session_id = new_session(servers, 0).json()["session_id"]

    def say(n: int) -> int:
        return requests.post(
            f"{servers.url(n)}/webchat/webhook",
            json={"session_id": session_id, "message": f"message {n}"},
            timeout=30,
        ).status_code

    accepted = [say(n) for n in range(30)]
    refused = [say(30), say(31)]

    assert accepted == [200] * 30
    assert refused == [429, 429]


def test_new_chats_from_one_address_are_capped_on_every_process(servers):
    started = [new_session(servers, n).status_code for n in range(20)]
    refused = [new_session(servers, 20), new_session(servers, 21)]
    elsewhere = new_session(servers, 22, address="198.51.100.9")

    assert started == [201] * 20
    assert [r.status_code for r in refused] == [429, 429]
    assert "999" in refused[0].json()["error"]
    assert elsewhere.status_code == 201


def test_the_sixth_wrong_password_and_a_right_one_during_the_lockout_are_refused(servers):
    wrong = [sign_in(servers, n, "sam", f"guess {n}").status_code for n in range(5)]
    sixth = sign_in(servers, 5, "Sam", "guess 5")
    right = [sign_in(servers, n, "sam", PASSWORD).status_code for n in (6, 7)]

    assert wrong == [401] * 5
    assert sixth.status_code == 429
    assert "Too many attempts" in sixth.text
    assert right == [429, 429]


def test_failures_from_one_address_lock_out_every_username_it_tries(servers):
    wrong = [sign_in(servers, n, f"user{n}", "guess").status_code for n in range(20)]

    assert wrong == [401] * 20
    assert sign_in(servers, 20, "sam", PASSWORD).status_code == 429


def test_a_right_password_clears_the_usernames_failures(servers):
    wrong = [sign_in(servers, n, "sam", "guess").status_code for n in range(4)]
    right = sign_in(servers, 4, "sam", PASSWORD)
    again = [sign_in(servers, n, "sam", "guess").status_code for n in range(5)]

    assert wrong == [401] * 4
    assert right.status_code == 303
    assert again == [401] * 5
