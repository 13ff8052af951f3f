"""Managers manage advisors' accounts in the console; advisors cannot."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.records.advisor_accounts import AdvisorAccounts
from channels.console.channel import ConsoleInput
from tests.e2e.console_client import ConsoleClient
from tests.support.channel_app import RunningChannel, ScriptedBot

PASSWORD = "correct horse battery"


@pytest.fixture
def console(sqlite_url) -> Iterator[RunningChannel]:
    accounts = AdvisorAccounts()
    accounts.create("sam", "Sam", PASSWORD)
    accounts.create("morgan", "Morgan", PASSWORD, role="manager")
    with RunningChannel(ConsoleInput.from_credentials(None), ScriptedBot()) as running:
        yield running


def test_a_manager_adds_an_advisor_who_can_then_sign_in_and_switches_them_off(console):
    morgan = ConsoleClient(console.base_url, "morgan", PASSWORD)
    added = morgan.post("/accounts", username="jo", display_name="Jo", password=PASSWORD)
    assert added.status_code == 200 and "can now sign in" in added.text
    jo = ConsoleClient(console.base_url, "jo", PASSWORD)
    assert jo.queue() == []
    assert jo.http.get(f"{console.base_url}/insight/overview", timeout=30).status_code == 403
    morgan.post("/accounts/jo/off")
    assert jo.http.get(f"{console.base_url}/queue.json", timeout=30).status_code == 401


def test_a_short_password_is_refused_with_a_plain_reason(console):
    morgan = ConsoleClient(console.base_url, "morgan", PASSWORD)
    refused = morgan.post("/accounts", username="jo", display_name="Jo", password="short")
    assert refused.status_code == 400 and "at least 12 characters" in refused.text


def test_an_advisor_cannot_manage_accounts(console):
    sam = ConsoleClient(console.base_url, "sam", PASSWORD)
    assert sam.http.get(f"{console.base_url}/accounts", timeout=30).status_code == 403
    assert (
        sam.post("/accounts", username="x1", display_name="X", password=PASSWORD).status_code == 403
    )
    assert [a["username"] for a in AdvisorAccounts().roster()] == ["morgan", "sam"]
