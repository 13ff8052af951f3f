"""Shared by the widget's browser tests: the assistant, a council site on another origin, and
a site that is not the council's, plus headless Chromium."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.widget_page import CHROMIUM, CHROMIUM_ARGS, Widget, running_widget


@pytest.fixture(scope="session")
def widget(trained_model: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Widget]:
    from channels.webchat.embed import GOVUK_DIR

    assert (GOVUK_DIR / "govuk-frontend.min.css").is_file(), "Run `make frontend` first."
    with running_widget(trained_model, tmp_path_factory.mktemp("widget")) as running:
        yield running


@pytest.fixture(scope="module")  # one Playwright at a time: other modules start their own
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
