"""The webchat page in real headless Chromium, against the real Rasa and action servers."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.e2e, pytest.mark.model]

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="module")
def browser() -> Iterator:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, live_servers):
    context = browser.new_context(viewport={"width": 420, "height": 800})
    page = context.new_page()
    page.goto(f"{live_servers.webchat}/chat")
    page.get_by_test_id("message").first.wait_for()
    yield page
    context.close()


def _bot_messages(page) -> list[str]:
    return page.locator('[data-testid="message"][data-sender="bot"]').all_inner_texts()


def _send(page, text: str) -> None:
    before = len(_bot_messages(page))
    page.get_by_test_id("message-input").fill(text)
    page.get_by_test_id("message-input").press("Enter")
    page.wait_for_function(
        'n => document.querySelectorAll(\'[data-testid="message"][data-sender="bot"]\').length > n',
        arg=before,
        timeout=30_000,
    )


def test_the_page_says_it_is_an_automated_assistant_and_offers_a_person(page):
    assert "automated assistant" in page.get_by_test_id("notice").inner_text()
    assert page.get_by_test_id("talk-to-person").is_visible()
    assert page.get_by_test_id("message-log").get_attribute("aria-live") == "polite"
    assert "Example Borough Council" in _bot_messages(page)[0]


def test_the_notice_links_to_the_councils_privacy_notice_in_a_new_tab(page):
    link = page.get_by_test_id("privacy-link")
    link.wait_for(state="visible")
    assert link.get_attribute("href") == (
        "https://www.example-borough.gov.uk/privacy/contact-assistant"
    )
    assert link.get_attribute("target") == "_blank" and "new tab" in link.inner_text()


def test_a_resident_can_start_a_missed_bin_report_with_the_keyboard_only(page):
    page.keyboard.press("Tab")
    page.get_by_test_id("message-input").focus()
    page.keyboard.type("my bin wasn't collected")
    page.keyboard.press("Enter")
    page.wait_for_function(
        '() => [...document.querySelectorAll(\'[data-testid="message"][data-sender="bot"]\')]'
        ".some(m => m.textContent.includes('postcode'))",
        timeout=30_000,
    )


def test_quick_replies_send_their_payload_and_talk_to_a_person_raises_a_ticket(page):
    page.get_by_test_id("talk-to-person").click()
    page.wait_for_function(
        '() => [...document.querySelectorAll(\'[data-testid="message"][data-sender="bot"]\')]'
        ".some(m => /AD-[A-Z0-9]{6}/.test(m.textContent))",
        timeout=30_000,
    )
    you = page.locator('[data-testid="message"][data-sender="resident"]').all_inner_texts()
    assert any("Talk to a person" in t for t in you)


def test_resident_text_is_shown_as_text_never_as_html(page):
    _send(page, '<img src=x onerror="window.hacked=1"><b>bold</b>')
    assert page.evaluate("window.hacked") is None
    assert page.locator('[data-testid="message-log"] img').count() == 0
    resident = page.locator('[data-testid="message"][data-sender="resident"]').last.inner_text()
    assert "<b>bold</b>" in resident


def test_an_empty_message_is_not_sent(page):
    count = page.get_by_test_id("message").count()
    page.get_by_test_id("message-input").fill("   ")
    page.get_by_test_id("send-button").click()
    assert "Type a message first" in page.content()
    assert page.get_by_test_id("message").count() == count


def test_the_page_has_no_accessibility_violations(page):
    from axe_playwright_python.sync_playwright import Axe

    _send(page, "hello")
    results = Axe().run(page)
    violations = [(v["id"], v["impact"]) for v in results.response["violations"]]
    assert violations == []
