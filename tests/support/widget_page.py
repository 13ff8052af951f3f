"""Driving the widget in Chromium: where the launcher and panel are, opening, sending, reading."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.council import DEFAULT_COUNCIL_DIR
from tests.support.host_site import HostSite

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
FRAME = '[data-testid="chat-frame"]'
BOT = '[data-testid="message"][data-sender="bot"]'
LAUNCHER = '[data-testid="chat-launcher"]'


@dataclass
class Widget:
    """The assistant, a council site that lists its origin, and a site that does not."""

    servers: Any
    allowed: HostSite
    refused: HostSite

    @property
    def assistant(self) -> str:
        return str(self.servers.base_url)


@contextmanager
def running_widget(model: Path, root: Path) -> Iterator[Widget]:
    """The real servers on a fresh SQLite database, with a copy of the demo council whose
    website.yml also lists one local host site (the other host site is not listed)."""
    from bot.storage.migrate import upgrade_database
    from tests.support.servers import LiveServers

    url = f"sqlite:///{root / 'live.db'}"
    upgrade_database(url)
    servers = LiveServers(model, url, root / "logs")
    allowed = HostSite(servers.base_url)
    refused = HostSite(servers.base_url)
    council = root / "council"
    shutil.copytree(DEFAULT_COUNCIL_DIR, council)
    website = council / "website.yml"
    text = website.read_text(encoding="utf-8")
    website.write_text(
        text.replace("site_origins:\n", f"site_origins:\n  - {allowed.origin}\n", 1),
        encoding="utf-8",
    )
    servers.extra_env["COUNCIL_DIR"] = str(council)
    with allowed, refused:
        servers.start()
        try:
            yield Widget(servers, allowed, refused)
        finally:
            servers.stop()


def open_panel(page: Any) -> Any:
    """Click the launcher and wait for the assistant's greeting in the panel."""
    page.locator(LAUNCHER).click()
    frame = page.frame_locator(FRAME)
    frame.locator(BOT).first.wait_for(timeout=30_000)
    return frame


def panel_frame(page: Any) -> Any:
    """The panel's Frame object (for evaluate and axe)."""
    frame = page.locator(FRAME).element_handle().content_frame()
    assert frame is not None
    return frame


def send(frame: Any, text: str) -> None:
    """Type a message, press Enter and wait for the assistant's next message."""
    before = frame.locator(BOT).count()
    frame.get_by_test_id("message-input").fill(text)
    frame.get_by_test_id("message-input").press("Enter")
    frame.locator(BOT).nth(before).wait_for(timeout=30_000)


def bot_texts(frame: Any) -> list[str]:
    return list(frame.locator(BOT).all_inner_texts())


def shadow_focus(page: Any) -> str | None:
    """The test id (or tag) of what has focus inside the widget's shadow root on the host page."""
    focused: str | None = page.evaluate(
        "() => { const r = document.querySelector('[data-council-chat]');"
        " const a = r && r.shadowRoot.activeElement;"
        " return a ? (a.dataset.testid || a.tagName) : null; }"
    )
    return focused


def frame_focus(page: Any) -> str | None:
    """The id of what has focus inside the panel, if the panel has focus."""
    focused: str | None = panel_frame(page).evaluate(
        "() => document.hasFocus() && document.activeElement ? document.activeElement.id : null"
    )
    return focused
