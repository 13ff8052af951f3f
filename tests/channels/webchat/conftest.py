"""Shared by the widget's browser tests: the assistant, a council site on another origin, and
a site that is not the council's, plus headless Chromium."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.council import DEFAULT_COUNCIL_DIR
from tests.support.host_site import HostSite
from tests.support.widget_page import CHROMIUM, CHROMIUM_ARGS, Widget


@pytest.fixture(scope="session")
def widget(trained_model: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Widget]:
    from bot.storage.migrate import upgrade_database
    from tests.support.servers import LiveServers

    root = tmp_path_factory.mktemp("widget")
    url = f"sqlite:///{root / 'live.db'}"
    upgrade_database(url)
    servers = LiveServers(trained_model, url, root / "logs")
    allowed = HostSite(servers.base_url)
    refused = HostSite(servers.base_url)
    council = root / "council"
    shutil.copytree(DEFAULT_COUNCIL_DIR, council)
    website = council / "website.yml"
    website.write_text(
        website.read_text(encoding="utf-8").replace(
            "site_origins:\n", f"site_origins:\n  - {allowed.origin}\n", 1
        ),
        encoding="utf-8",
    )
    servers.extra_env["COUNCIL_DIR"] = str(council)
    with allowed, refused:
        servers.start()
        try:
            yield Widget(servers, allowed, refused)
        finally:
            servers.stop()


@pytest.fixture(scope="session")
def widget_browser() -> Iterator:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def context(widget_browser) -> Iterator:
    context = widget_browser.new_context(viewport={"width": 1280, "height": 800})
    yield context
    context.close()
