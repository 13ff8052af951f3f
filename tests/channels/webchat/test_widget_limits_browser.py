"""The widget in real headless Chromium when the connection has started too many chats: the
resident reads the council's number and 999, not a vague error (channels/webchat/static/chat.js)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.settings import PROJECT_ROOT
from tests.channels.test_webchat_browser import CHROMIUM, CHROMIUM_ARGS
from tests.support.channel_server import ChannelServers

pytestmark = [pytest.mark.browser]


@pytest.fixture
def server(sqlite_url: str, tmp_path: Path) -> Iterator[ChannelServers]:
    env = {
        **os.environ,
        "DATABASE_URL": sqlite_url,
        "ENVIRONMENT": "test",
        "PYTHONPATH": str(PROJECT_ROOT),
        "WEBCHAT_SESSIONS_PER_ADDRESS": "1",
    }
    with ChannelServers(env, tmp_path, count=1) as running:
        yield running


def test_a_second_chat_from_a_capped_connection_shows_the_number_to_call_and_999(server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        first = browser.new_context().new_page()
        first.goto(f"{server.url(0)}/webchat/chat")
        first.get_by_test_id("message").first.wait_for()

        second = browser.new_context().new_page()
        second.goto(f"{server.url(0)}/webchat/chat")
        second.get_by_test_id("message").first.wait_for()
        shown = second.locator('[data-testid="message"]').all_inner_texts()
        browser.close()

    assert any("Too many chats" in text and "999" in text for text in shown), shown
