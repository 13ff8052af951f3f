"""WCAG 2.2 AA for the widget in real Chromium: axe, keyboard only, live announcements, reflow,
target sizes, reduced motion, and compact list answers (channels/webchat/static/)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.support.widget_page import (
    BOT,
    FRAME,
    LAUNCHER,
    bot_texts,
    frame_focus,
    open_panel,
    panel_frame,
    send,
    shadow_focus,
)

pytestmark = [pytest.mark.browser, pytest.mark.e2e, pytest.mark.model]


def _violations(target: Any) -> list[tuple[str, str, list[str]]]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(target)
    return [
        (v["id"], v["impact"], [str(n["target"]) for n in v["nodes"]][:3])
        for v in results.response["violations"]
    ]


def _wait_until(check, page, what: str, seconds: float = 10) -> None:  # type: ignore[no-untyped-def]
    for _ in range(int(seconds * 10)):
        if check():
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"Timed out waiting for {what}")


def test_no_axe_violations_with_the_panel_closed_open_and_mid_conversation(widget, context):
    page = context.new_page()
    page.goto(f"{widget.allowed.origin}/bins")
    page.locator(LAUNCHER).wait_for()
    assert _violations(page) == []

    frame = open_panel(page)
    assert _violations(page) == []
    assert _violations(panel_frame(page)) == []

    send(frame, "when is my bin day")
    frame.locator('[data-testid="quick-reply"]').first.wait_for()
    send(frame, "PL1 2JT")
    assert _violations(page) == []
    assert _violations(panel_frame(page)) == []


def test_keyboard_only_open_type_choose_a_button_and_close_with_focus_back_on_the_launcher(
    widget, context
):
    page = context.new_page()
    page.goto(f"{widget.allowed.origin}/bins")
    page.locator(LAUNCHER).wait_for()
    for _ in range(10):
        page.keyboard.press("Tab")
        if shadow_focus(page) == "chat-launcher":
            break
    assert shadow_focus(page) == "chat-launcher"

    page.keyboard.press("Enter")
    page.frame_locator(FRAME).locator(BOT).first.wait_for(timeout=30_000)
    _wait_until(lambda: frame_focus(page) == "message-input", page, "focus in the message box")
    frame = page.frame_locator(FRAME)

    # Choose a button: back from the message box to the greeting's buttons.
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    chosen = panel_frame(page).evaluate("document.activeElement.textContent")
    assert chosen == "When is my bin day?"
    page.keyboard.press("Enter")
    frame.locator(BOT).nth(1).wait_for(timeout=30_000)
    assert "postcode" in bot_texts(frame)[-1].lower()
    _wait_until(lambda: frame_focus(page) == "message-input", page, "focus back in the box")

    page.keyboard.type("PL1 2JT")
    page.keyboard.press("Enter")
    frame.locator(BOT).nth(2).wait_for(timeout=30_000)
    resident = frame.locator('[data-testid="message"][data-sender="resident"]').all_inner_texts()
    assert "When is my bin day?" in resident[0] and "PL1 2JT" in resident[1]

    page.keyboard.press("Escape")
    page.locator('[data-testid="chat-panel"]').wait_for(state="hidden")
    _wait_until(lambda: shadow_focus(page) == "chat-launcher", page, "focus on the launcher")
    assert page.locator(LAUNCHER).get_attribute("aria-expanded") == "false"


def _ax_tree(page) -> list[dict[str, Any]]:  # type: ignore[no-untyped-def]
    """Chromium's accessibility tree of the panel's frame, as a screen reader gets it."""
    cdp = page.context.new_cdp_session(page)
    frames = cdp.send("Page.getFrameTree")["frameTree"]
    pending, frame_id = [frames], None
    while pending:
        node = pending.pop()
        if "/webhooks/webchat/panel" in node["frame"]["url"]:
            frame_id = node["frame"]["id"]
        pending.extend(node.get("childFrames", []))
    assert frame_id is not None
    nodes: list[dict[str, Any]] = cdp.send("Accessibility.getFullAXTree", {"frameId": frame_id})[
        "nodes"
    ]
    cdp.detach()
    return nodes


def _prop(node: dict[str, Any], name: str) -> Any:
    for prop in node.get("properties", []):
        if prop["name"] == name:
            return prop["value"].get("value")
    return None


def test_new_messages_are_announced_through_a_polite_live_region(widget, context):
    page = context.new_page()
    page.goto(f"{widget.allowed.origin}/bins")
    frame = open_panel(page)
    send(frame, "when is my bin day")
    reply = bot_texts(frame)[-1].split("\n")[-1].strip()

    nodes = _ax_tree(page)
    by_id = {n["nodeId"]: n for n in nodes}
    [log] = [n for n in nodes if n.get("role", {}).get("value") == "log"]
    assert _prop(log, "live") == "polite"
    assert log.get("name", {}).get("value") == "Conversation"
    texts = [
        n
        for n in nodes
        if n.get("role", {}).get("value") == "StaticText"
        and reply[:40] in str(n.get("name", {}).get("value", ""))
    ]
    assert texts, reply

    def inside_log(node: dict[str, Any]) -> bool:
        while node is not None:
            if node["nodeId"] == log["nodeId"]:
                return True
            node = by_id.get(node.get("parentId"))  # type: ignore[assignment]
        return False

    assert any(inside_log(n) for n in texts)
    status = [n for n in nodes if n.get("role", {}).get("value") == "status"]
    assert status and _prop(status[0], "live") == "polite"  # "Assistant is typing…"


@pytest.mark.parametrize(
    "viewport",
    [
        {"width": 320, "height": 640},  # a 320 CSS px wide phone
        {"width": 320, "height": 256},  # 1280 by 1024 at 400% zoom
    ],
)
def test_the_page_and_panel_reflow_without_sideways_scrolling(widget, widget_browser, viewport):
    context = widget_browser.new_context(viewport=viewport)
    page = context.new_page()
    page.goto(f"{widget.allowed.origin}/bins")
    frame = open_panel(page)
    send(frame, "when is my bin day")

    sideways = "() => document.documentElement.scrollWidth > window.innerWidth"
    assert not page.evaluate(sideways)
    assert not panel_frame(page).evaluate(sideways)
    box = frame.get_by_test_id("message-input")
    box.scroll_into_view_if_needed()
    assert box.is_visible()
    page.keyboard.press("Escape")
    assert not page.evaluate(sideways)
    context.close()


def test_every_control_is_at_least_24_by_24_pixels(widget, context):
    page = context.new_page()
    page.goto(f"{widget.allowed.origin}/bins")
    frame = open_panel(page)
    send(frame, "when is my bin day")

    sizes = panel_frame(page).evaluate(
        "() => [...document.querySelectorAll('button, textarea, input, select')]"
        ".filter(e => e.offsetParent !== null)"
        ".map(e => { const r = e.getBoundingClientRect();"
        " return [e.textContent.trim() || e.id, r.width, r.height]; })"
    )
    sizes.append(["launcher", *_size(page.locator(LAUNCHER).bounding_box())])
    small = [s for s in sizes if s[1] < 24 or s[2] < 24]
    assert len(sizes) > 5 and small == []


def _size(box: dict[str, float] | None) -> list[float]:
    assert box is not None
    return [box["width"], box["height"]]


@pytest.mark.parametrize(("motion", "moves"), [("reduce", False), ("no-preference", True)])
def test_the_panel_only_animates_when_the_resident_has_not_asked_for_reduced_motion(
    widget, widget_browser, motion, moves
):
    context = widget_browser.new_context(reduced_motion=motion)
    page = context.new_page()
    page.goto(f"{widget.allowed.origin}/bins")
    open_panel(page)

    transition = page.evaluate(
        "() => getComputedStyle(document.querySelector('[data-council-chat]').shadowRoot"
        ".querySelector('[data-testid=\"chat-panel\"]')).transitionDuration"
    )
    scrolling = panel_frame(page).evaluate(
        "() => getComputedStyle(document.getElementById('message-log')).scrollBehavior"
    )
    assert (transition != "0s") is moves
    assert (scrolling == "smooth") is moves
    context.close()


def test_nearby_venues_show_the_nearest_first_in_view_with_show_more(widget, widget_browser):
    context = widget_browser.new_context(viewport={"width": 375, "height": 667}, is_mobile=True)
    page = context.new_page()
    page.goto(f"{widget.allowed.origin}/computers-and-wifi")
    frame = open_panel(page)

    send(frame, "where can I use a computer for free")
    before = frame.locator(BOT).count()
    frame.get_by_role("button", name="I'm not confident online").click()
    frame.locator(BOT).nth(before).wait_for(timeout=30_000)
    send(frame, "PL1 2JT")

    answer = frame.locator(BOT).last
    items = answer.get_by_test_id("list-item")
    assert items.count() == 3
    assert [items.nth(i).is_visible() for i in range(3)] == [True, False, False]
    assert "Central Library" in items.first.inner_text()
    log = frame.get_by_test_id("message-log")

    def nearest_in_view() -> bool:  # once the log has finished scrolling to the answer
        first, seen = items.first.bounding_box(), log.bounding_box()
        assert first is not None and seen is not None
        return bool(
            seen["y"] <= first["y"] and first["y"] + first["height"] <= seen["y"] + seen["height"]
        )

    _wait_until(nearest_in_view, page, "the nearest venue in view", 3)

    more = answer.get_by_test_id("show-more")
    assert more.inner_text() == "Show 2 more"
    more.click()
    assert [items.nth(i).is_visible() for i in range(3)] == [True, True, True]
    context.close()
