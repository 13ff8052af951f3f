"""The embeddable widget in real headless Chromium: a council site on another origin carries the tag,
the real Rasa and action servers answer (channels/webchat/static/widget.js and panel.html)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.support.widget_page import (
    BOT,
    FRAME,
    LAUNCHER,
    Widget,
    bot_texts,
    open_panel,
    panel_frame,
    send,
)

pytestmark = [pytest.mark.browser, pytest.mark.e2e, pytest.mark.model]

# ---- the tag, the panel, the council's own sites -------------------------------------------------


def test_one_tag_adds_a_launcher_whose_panel_is_an_iframe_of_the_assistants_origin(widget, context):
    page = context.new_page()
    page.goto(f"{widget.allowed.origin}/news")

    launcher = page.locator(LAUNCHER)
    assert launcher.inner_text().strip() == "Chat with us"
    assert launcher.get_attribute("aria-expanded") == "false"
    frame = open_panel(page)

    src = page.locator(FRAME).get_attribute("src") or ""
    assert src.startswith(f"{widget.assistant}/webhooks/webchat/panel")
    assert launcher.get_attribute("aria-expanded") == "true"
    # The council's page can't reach into the conversation, nor the conversation into the page.
    assert page.evaluate(
        "() => document.querySelector('[data-council-chat]').shadowRoot"
        ".querySelector('iframe').contentDocument === null"
    )
    assert "Example Borough Council" in bot_texts(frame)[0]
    send(frame, "when is my bin day")
    assert "postcode" in bot_texts(frame)[-1].lower()


def test_a_site_that_is_not_listed_gets_no_launcher_no_panel_and_no_api(widget, context):
    page = context.new_page()
    page.goto(f"{widget.refused.origin}/bins")
    page.wait_for_load_state("networkidle")
    assert page.locator(LAUNCHER).count() == 0

    # Framing the panel by hand is stopped by the browser (CSP frame-ancestors).
    page.evaluate(
        "(src) => { const f = document.createElement('iframe'); f.src = src; f.id = 'sneaky';"
        " document.body.appendChild(f); }",
        f"{widget.assistant}/webhooks/webchat/panel",
    )
    page.wait_for_timeout(1500)
    sneaky = page.locator("#sneaky").element_handle().content_frame()
    assert sneaky is not None
    assert sneaky.locator('[data-testid="message-input"]').count() == 0

    # The page's own scripts calling the API are refused with a plain JSON error.
    with page.expect_response(lambda r: r.url.endswith("/webhooks/webchat/session")) as seen:
        page.evaluate(
            "(u) => fetch(u, {method: 'POST', mode: 'no-cors', body: '{}'}).catch(() => null)",
            f"{widget.assistant}/webhooks/webchat/session",
        )
    assert seen.value.status == 403


def test_the_api_checks_origin_and_the_panel_names_only_the_councils_sites(widget):
    base = f"{widget.assistant}/webhooks/webchat"
    with httpx.Client(timeout=30) as client:
        refused = client.post(f"{base}/session", json={}, headers={"Origin": widget.refused.origin})
        listed = client.post(f"{base}/session", json={}, headers={"Origin": widget.allowed.origin})
        no_origin = client.post(f"{base}/session", json={})
        panel = client.get(f"{base}/panel")

    assert refused.status_code == 403
    assert "council's own website" in refused.json()["error"]
    assert listed.status_code == 201 and no_origin.status_code == 201
    policy = panel.headers["Content-Security-Policy"]
    assert f"frame-ancestors 'self' {widget.allowed.origin}" in policy
    assert widget.refused.origin not in policy
    assert panel.headers["X-Content-Type-Options"] == "nosniff"
    assert panel.headers["Referrer-Policy"] == "no-referrer"


def test_the_page_path_chooses_the_openings_and_the_query_string_never_leaves_the_page(
    widget, context
):
    page = context.new_page()
    seen: list[str] = []
    page.on(
        "request",
        lambda request: seen.append(
            f"{request.url} {request.post_data or ''} {request.headers.get('referer', '')}"
        ),
    )
    page.goto(f"{widget.allowed.origin}/bins/missed-collection?postcode=SE17PB&name=Jo#top")

    frame = open_panel(page)

    buttons = frame.locator('[data-testid="quick-reply"]').all_inner_texts()
    assert buttons == ["Report a missed bin", "When is my bin day?", "Book a bulky collection"]
    to_assistant = [s for s in seen if s.startswith(widget.assistant)]
    assert to_assistant, seen
    assert not [s for s in to_assistant if "SE17PB" in s or "name=Jo" in s or "#top" in s]
    assert "/bins/missed-collection" in (page.locator(FRAME).get_attribute("src") or "")


def test_the_conversation_continues_across_the_sites_pages_and_reloads(widget, context):
    page = context.new_page()
    page.goto(f"{widget.allowed.origin}/bins")
    frame = open_panel(page)
    send(frame, "when is my bin day")

    page.goto(f"{widget.allowed.origin}/council-tax")
    frame = page.frame_locator(FRAME)
    frame.get_by_text("when is my bin day", exact=True).wait_for(timeout=15_000)
    assert page.locator(LAUNCHER).get_attribute("aria-expanded") == "true"

    page.reload()
    frame = page.frame_locator(FRAME)
    frame.get_by_text("when is my bin day", exact=True).wait_for(timeout=15_000)
    assert frame.locator('[data-testid="message"][data-sender="resident"]').count() == 1


def test_a_minimised_panel_counts_unread_messages_including_an_advisors_reply(widget, context):
    page = context.new_page()
    page.goto(f"{widget.allowed.origin}/contact")
    frame = open_panel(page)
    session_id = panel_frame(page).evaluate("sessionStorage.getItem('councilWebchat.sessionId')")

    frame.get_by_test_id("minimise-button").click()
    page.locator('[data-testid="chat-panel"]').wait_for(state="hidden")
    _advisor_says(widget, session_id, "Hello, this is Sam from the council. How can I help?")

    badge = page.locator('[data-testid="unread-count"]')
    badge.wait_for(state="visible", timeout=15_000)
    assert badge.inner_text() == "1"
    assert "1 unread message" in (page.locator(LAUNCHER).text_content() or "")

    page.goto(f"{widget.allowed.origin}/contact/other")  # still counted on the next page
    page.locator('[data-testid="unread-count"]').wait_for(state="visible", timeout=15_000)

    frame = open_panel(page)
    frame.get_by_text("this is Sam from the council").wait_for()
    assert page.locator('[data-testid="unread-count"]').is_hidden()


def _advisor_says(widget: Widget, session_id: str, text: str) -> None:
    """An advisor's reply, stored in the transcript as the console's WebchatDelivery stores it."""
    from channels.webchat.store import WebchatStore

    WebchatStore(widget.servers.database_url).add_message(session_id, "advisor", text)


def test_on_a_phone_the_panel_fills_the_screen_and_the_conversation_most_of_it(
    widget, widget_browser
):
    context = widget_browser.new_context(
        viewport={"width": 375, "height": 667}, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    page.goto(f"{widget.allowed.origin}/bins")
    frame = open_panel(page)

    panel = page.locator('[data-testid="chat-panel"]').bounding_box()
    assert panel == {"x": 0, "y": 0, "width": 375, "height": 667}
    log = frame.get_by_test_id("message-log").bounding_box()
    assert log["height"] >= 0.5 * 667, log
    context.close()


# ---- resilience -----------------------------------------------------------------------------------


def _transcript(widget: Widget, session_id: str) -> list[dict[str, Any]]:
    reply = httpx.get(
        f"{widget.assistant}/webhooks/webchat/messages",
        params={"session_id": session_id, "after": 0},
        timeout=30,
    )
    messages: list[dict[str, Any]] = reply.json()["messages"]
    return messages


def test_a_message_sent_offline_is_kept_shown_as_not_sent_and_sent_once_when_back(widget, context):
    page = context.new_page()
    page.goto(f"{widget.allowed.origin}/bins")
    frame = open_panel(page)
    session_id = panel_frame(page).evaluate("sessionStorage.getItem('councilWebchat.sessionId')")

    context.set_offline(True)
    frame.get_by_test_id("message-input").fill("when is my bin day")
    frame.get_by_test_id("message-input").press("Enter")
    frame.get_by_test_id("not-sent").wait_for(timeout=10_000)
    assert "Not sent yet" in frame.get_by_test_id("not-sent").inner_text()

    context.set_offline(False)
    frame.locator(BOT).nth(1).wait_for(timeout=30_000)
    assert frame.get_by_test_id("not-sent").count() == 0
    said = [m for m in _transcript(widget, session_id) if m["sender"] == "resident"]
    assert [m["text"] for m in said] == ["when is my bin day"]
    on_screen = frame.locator('[data-testid="message"][data-sender="resident"]').all_inner_texts()
    assert len(on_screen) == 1


def test_a_reply_lost_on_the_way_back_is_fetched_again_without_doubling_the_message(
    widget, context
):
    page = context.new_page()
    page.goto(f"{widget.allowed.origin}/bins")
    frame = open_panel(page)
    session_id = panel_frame(page).evaluate("sessionStorage.getItem('councilWebchat.sessionId')")
    sent: list[str] = []

    def lose_first_answer(route, request) -> None:  # type: ignore[no-untyped-def]
        sent.append(request.post_data or "")
        if len(sent) == 1:
            route.fetch()  # the server gets it and answers; the answer never arrives
            route.abort("connectionreset")
        else:
            route.continue_()

    context.route("**/webhooks/webchat/webhook", lose_first_answer)
    send(frame, "when is my bin day")
    for _ in range(60):  # sent again within seconds (the server may be slow to answer)
        if len(sent) == 2 and frame.get_by_test_id("not-sent").count() == 0:
            break
        page.wait_for_timeout(500)

    assert len(sent) == 2 and sent[0] == sent[1]  # the same client_message_id both times
    transcript = _transcript(widget, session_id)
    assert [m["text"] for m in transcript if m["sender"] == "resident"] == ["when is my bin day"]
    assert len([m for m in transcript if m["sender"] == "bot"]) == len(bot_texts(frame))


def test_a_message_not_sent_yet_survives_a_reload_and_is_sent_once_afterwards(widget, context):
    page = context.new_page()
    page.goto(f"{widget.allowed.origin}/bins")
    frame = open_panel(page)
    session_id = panel_frame(page).evaluate("sessionStorage.getItem('councilWebchat.sessionId')")
    context.route("**/webhooks/webchat/webhook", lambda route: route.abort("internetdisconnected"))

    send_box = frame.get_by_test_id("message-input")
    send_box.fill("my bin was not collected")
    send_box.press("Enter")
    frame.get_by_test_id("not-sent").wait_for(timeout=10_000)
    page.reload()
    frame = page.frame_locator(FRAME)
    frame.get_by_test_id("not-sent").wait_for(timeout=15_000)
    assert (
        "my bin was not collected"
        in frame.locator('[data-testid="message"][data-sender="resident"]').last.inner_text()
    )

    context.unroute("**/webhooks/webchat/webhook")
    frame.get_by_test_id("retry-button").click()
    frame.locator(BOT).nth(1).wait_for(timeout=30_000)
    frame.get_by_test_id("not-sent").wait_for(state="detached", timeout=30_000)
    said = [m["text"] for m in _transcript(widget, session_id) if m["sender"] == "resident"]
    assert said == ["my bin was not collected"]
