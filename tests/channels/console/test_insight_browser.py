"""The insight pages, the accounts page and the ticket page in real Chromium: 0 axe violations (WCAG 2.2 A/AA)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.intents import Priority, Route
from bot.records import insight_events as ev
from bot.records.advisor_accounts import AdvisorAccounts
from bot.records.tickets import TicketQueue
from tests.channels.test_webchat_browser import CHROMIUM, CHROMIUM_ARGS

pytestmark = [pytest.mark.browser, pytest.mark.e2e, pytest.mark.model]

PASSWORD = "a long browser password"
PAGES = ("overview", "funnels", "advisors", "channel-shift", "not-understood")
#: Set INSIGHT_SCREENSHOTS=docs to save each page as docs/insight-<page>.png for the README.
SCREENSHOTS = os.environ.get("INSIGHT_SCREENSHOTS")


@pytest.fixture(scope="module")
def browser() -> Iterator:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def _seed(url: str) -> None:
    """A few of every kind of event, some above and some below 5, so every chart has rows."""
    events = ev.InsightEvents(url)
    for n in range(7):
        sender = f"web-{uuid.uuid4().hex[:6]}"
        events.record(ev.CONVERSATION_STARTED, sender, channel="webchat")
        events.record(
            ev.TRANSACTION_STARTED, sender, channel="webchat", service="missed_bin", journey=sender
        )
        events.record(
            ev.QUESTION_ASKED,
            sender,
            channel="webchat",
            service="missed_bin",
            journey=sender,
            question="postcode",
        )
        if n < 5:
            events.record(
                ev.TRANSACTION_COMPLETED,
                sender,
                channel="webchat",
                service="missed_bin",
                journey=sender,
                question="postcode",  # the question it was completed after
            )
        events.record(
            ev.NOT_UNDERSTOOD, sender, channel="webchat", masked_text="can u do my thing at PL1 2AB"
        )
    events.record(
        ev.HANDOFF, "sms-1", channel="twilio_sms", reason="asked for a person", priority="normal"
    )
    events.record(
        ev.ADVISOR_CLAIMED,
        "sms-1",
        channel="twilio_sms",
        wait_seconds=95,
        reason="asked for a person",
    )


def _axe(page) -> list[tuple[str, str]]:
    from axe_playwright_python.sync_playwright import Axe

    result = Axe().run(
        page,
        options={
            "runOnly": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
        },
    )
    return [(v["id"], v["impact"]) for v in result.response["violations"]]


def _sign_in(page, base: str, username: str) -> None:
    page.goto(f"{base}/webhooks/console/login")
    page.get_by_test_id("username").fill(username)
    page.get_by_test_id("password").fill(PASSWORD)
    page.get_by_test_id("sign-in").click()
    page.get_by_test_id("queue").wait_for()


def test_every_insight_page_and_the_accounts_page_have_no_axe_violations(browser, live_servers):
    _seed(live_servers.database_url)
    manager = f"mgr{uuid.uuid4().hex[:8]}"
    AdvisorAccounts(live_servers.database_url).create(
        manager, "Morgan Manager", PASSWORD, role="manager"
    )
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    _sign_in(page, live_servers.base_url, manager)
    page.get_by_role("link", name="Insight").click()
    for name in PAGES:
        page.goto(f"{live_servers.base_url}/webhooks/console/insight/{name}")
        page.get_by_test_id("insight-filters").wait_for()
        assert _axe(page) == [], name
        if SCREENSHOTS:
            Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(Path(SCREENSHOTS) / f"insight-{name}.png"), full_page=True)
    page.goto(f"{live_servers.base_url}/webhooks/console/accounts")
    assert _axe(page) == []


def test_the_ticket_page_transcript_is_reached_by_keyboard_with_no_axe_violations(
    browser, live_servers
):
    advisor = f"adv{uuid.uuid4().hex[:8]}"
    AdvisorAccounts(live_servers.database_url).create(advisor, "Robin Advisor", PASSWORD)
    raised = TicketQueue(live_servers.database_url).raise_ticket(
        channel="webchat", sender_id=f"web-{uuid.uuid4().hex}", intent="request_human",
        route=Route.ADVISOR, priority=Priority.NORMAL, reason="Resident asked for a person",
        summary="- hello", form_values={},
    )  # fmt: skip
    page = browser.new_context().new_page()
    _sign_in(page, live_servers.base_url, advisor)
    page.goto(f"{live_servers.base_url}/webhooks/console/tickets/{raised.reference}")
    page.get_by_test_id("transcript").wait_for()
    assert _axe(page) == []
    for _ in range(12):  # Tab through the page until the transcript has the focus
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.dataset.testid") == "transcript":
            break
    assert page.evaluate("document.activeElement.dataset.testid") == "transcript"
