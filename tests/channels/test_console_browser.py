"""The advisor console and the webchat together in real headless Chromium, against the real servers."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator

import pytest

from channels.console_auth import AdvisorAccounts
from tests.channels.test_webchat_browser import CHROMIUM, CHROMIUM_ARGS

pytestmark = [pytest.mark.browser, pytest.mark.e2e, pytest.mark.model]

PASSWORD = "a long browser password"
BOT = '[data-testid="message"][data-sender="bot"]'


@pytest.fixture(scope="module")
def browser() -> Iterator:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def advisor_login(live_servers) -> tuple[str, str]:
    username = f"adv{uuid.uuid4().hex[:8]}"
    AdvisorAccounts(live_servers.database_url).create(username, "Robin Advisor", PASSWORD)
    return username, PASSWORD


def _wait_for_text(page, selector: str, pattern: str, timeout: int = 30_000) -> None:
    page.wait_for_function(
        "([sel, pat]) => [...document.querySelectorAll(sel)].some(m => new RegExp(pat).test(m.textContent))",
        arg=[selector, pattern],
        timeout=timeout,
    )


def _sign_in(page, base: str, username: str, password: str) -> None:
    page.goto(f"{base}/webhooks/console/login")
    page.get_by_test_id("username").fill(username)
    page.get_by_test_id("password").fill(password)
    page.get_by_test_id("sign-in").click()
    page.get_by_test_id("queue").wait_for()


def test_a_resident_is_helped_by_an_advisor_in_the_console_and_then_by_the_bot_again(
    browser, live_servers, advisor_login
):
    resident = browser.new_context().new_page()
    resident.goto(f"{live_servers.webchat}/chat")
    resident.get_by_test_id("message").first.wait_for()
    resident.get_by_test_id("talk-to-person").click()
    _wait_for_text(resident, BOT, r"AD-[A-Z0-9]{6}")
    reference = re.search(r"AD-[A-Z0-9]{6}", resident.locator(BOT).last.inner_text()).group(0)
    resident.get_by_test_id("message-input").fill("<b>my</b> bin was left behind again")
    resident.get_by_test_id("message-input").press("Enter")
    _wait_for_text(resident, BOT, "added that for the advisor")

    advisor = browser.new_context().new_page()
    _sign_in(advisor, live_servers.base_url, *advisor_login)
    row = advisor.locator(f'[data-testid="queue-row"][data-reference="{reference}"]')
    row.get_by_test_id("claim").click()
    advisor.get_by_test_id("transcript").wait_for()
    assert advisor.get_by_test_id("ticket-reason").inner_text() == "Resident asked for a person"
    # What the resident wrote is shown as text, never as HTML.
    assert advisor.locator('[data-testid="transcript"] b').count() == 0
    assert (
        "<b>my</b> bin was left behind again" in advisor.get_by_test_id("transcript").inner_text()
    )

    advisor.get_by_test_id("canned").select_option(label="Introduce yourself")
    assert (
        "I'm an advisor at Example Borough Council"
        in advisor.get_by_test_id("reply-text").input_value()
    )
    advisor.get_by_test_id("reply-text").fill("Hello, I'm Robin. I'll send the crew back.")
    advisor.get_by_test_id("send-reply").click()
    _wait_for_text(
        resident, '[data-testid="message"][data-sender="advisor"]', "I'll send the crew back"
    )

    resident.get_by_test_id("message-input").fill("thank you so much")
    resident.get_by_test_id("message-input").press("Enter")
    _wait_for_text(
        advisor, '[data-testid="transcript-line"][data-sender="resident"]', "thank you so much"
    )

    advisor.get_by_test_id("outcome").select_option("Booked or reported for the resident")
    advisor.get_by_test_id("close-ticket").click()
    advisor.get_by_test_id("queue").wait_for()
    assert advisor.locator(f'[data-testid="queue-row"][data-reference="{reference}"]').count() == 0

    _wait_for_text(resident, '[data-testid="message"]', "automated assistant again")
    resident.get_by_test_id("message-input").fill("my bin wasn't collected")
    resident.get_by_test_id("message-input").press("Enter")
    _wait_for_text(resident, BOT, "postcode")


def test_the_queue_updates_by_itself_when_a_resident_asks_for_a_person(
    browser, live_servers, advisor_login
):
    advisor = browser.new_context().new_page()
    _sign_in(advisor, live_servers.base_url, *advisor_login)
    resident = browser.new_context().new_page()
    resident.goto(f"{live_servers.webchat}/chat")
    resident.get_by_test_id("message").first.wait_for()
    resident.get_by_test_id("talk-to-person").click()
    _wait_for_text(resident, BOT, r"AD-[A-Z0-9]{6}")
    reference = re.search(r"AD-[A-Z0-9]{6}", resident.locator(BOT).last.inner_text()).group(0)
    advisor.locator(f'[data-testid="queue-row"][data-reference="{reference}"]').wait_for(
        timeout=15_000
    )


def test_console_pages_have_no_accessibility_violations(browser, live_servers, advisor_login):
    from axe_playwright_python.sync_playwright import Axe

    page = browser.new_context().new_page()
    page.goto(f"{live_servers.base_url}/webhooks/console/login")
    assert Axe().run(page).response["violations"] == []
    _sign_in(page, live_servers.base_url, *advisor_login)
    violations = [(v["id"], v["impact"]) for v in Axe().run(page).response["violations"]]
    assert violations == []
    page.goto(f"{live_servers.base_url}/webhooks/console/register")
    violations = [(v["id"], v["impact"]) for v in Axe().run(page).response["violations"]]
    assert violations == []
