"""Benchmark: time from a click on "Chat with us" to a usable message box, on localhost in Chromium.

Starts the real Rasa and action servers on a fresh SQLite database and a council site on
another local origin carrying the tag, then clicks the launcher in new browser tabs (nothing
cached: the panel page, its styles and script, the council's settings and a new session) and
after minimising (the panel already loaded). Prints the figures and the loader's size.

    PYTHONPATH=. .venv/bin/python -m scripts.bench.widget [--runs 10] [--screenshots docs]

With --screenshots it also saves the README's screenshots (375 and 1280 px wide)."""

from __future__ import annotations

import argparse
import gzip
import statistics
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

from bot.cli.model_store import current_model
from bot.settings import Settings
from scripts.bench.servers import quiet_env
from tests.support.widget_page import (
    BOT,
    CHROMIUM,
    CHROMIUM_ARGS,
    FRAME,
    LAUNCHER,
    Widget,
    running_widget,
    send,
)

#: The message box can be typed in: shown, enabled, and focused (the launcher moves focus there).
USABLE = (
    "() => { const i = document.getElementById('message-input');"
    " return !!i && document.activeElement === i && !i.disabled && i.offsetHeight > 0"
    " && document.querySelector('[data-testid=\"message\"]') !== null; }"
)


def _panel(page: Any) -> Any:
    frame = page.locator(FRAME).element_handle().content_frame()
    assert frame is not None
    return frame


def click_to_usable(page: Any) -> float:
    """Milliseconds from the click on the launcher to a usable message box in the panel."""
    launcher = page.locator(LAUNCHER)
    launcher.wait_for()
    started = time.perf_counter()
    launcher.click()
    page.locator(FRAME).wait_for(state="attached")
    _panel(page).wait_for_function(USABLE, polling="raf", timeout=30_000)
    return (time.perf_counter() - started) * 1000


def measure(widget: Widget, runs: int) -> tuple[list[float], list[float]]:
    from playwright.sync_api import sync_playwright

    first, again = [], []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for _ in range(runs):
            context = browser.new_context(viewport={"width": 1280, "height": 800})
            page = context.new_page()
            page.goto(f"{widget.allowed.origin}/bins")
            first.append(click_to_usable(page))
            page.keyboard.press("Escape")
            page.locator('[data-testid="chat-panel"]').wait_for(state="hidden")
            page.locator(LAUNCHER).focus()
            again.append(click_to_usable(page))
            context.close()
        browser.close()
    return first, again


def screenshots(widget: Widget, folder: Path) -> None:
    """The README's pictures: a phone (375 px) and a desktop (1280 px), mid-conversation."""
    from playwright.sync_api import sync_playwright

    folder.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for width, height, name in ((375, 667, "widget-375.png"), (1280, 800, "widget-1280.png")):
            context = browser.new_context(viewport={"width": width, "height": height})
            page = context.new_page()
            page.goto(f"{widget.allowed.origin}/computers-and-wifi")
            page.locator(LAUNCHER).click()
            frame = page.frame_locator(FRAME)
            frame.locator(BOT).first.wait_for(timeout=30_000)
            send(frame, "where can I use a computer for free")
            before = frame.locator(BOT).count()
            frame.get_by_role("button", name="I'm not confident online").click()
            frame.locator(BOT).nth(before).wait_for(timeout=30_000)
            send(frame, "PL1 2JT")
            page.wait_for_timeout(800)  # the log's smooth scroll to the answer
            page.screenshot(path=str(folder / name))
            context.close()
        browser.close()


def _summary(name: str, values: list[float]) -> str:
    ordered = sorted(values)
    p90 = ordered[min(len(ordered) - 1, int(round(0.9 * (len(ordered) - 1))))]
    return (
        f"  {name:<34} median {statistics.median(values):6.0f} ms   90th {p90:6.0f} ms"
        f"   min {ordered[0]:6.0f} ms   max {ordered[-1]:6.0f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--screenshots", type=Path, help="save the README's screenshots here")
    args = parser.parse_args()
    quiet_env()
    model = current_model(Settings().model_dir)
    if model is None:
        raise SystemExit("No trained model: run `make train` first.")
    with tempfile.TemporaryDirectory() as tmp, running_widget(model, Path(tmp)) as widget:
        with urllib.request.urlopen(f"{widget.assistant}/webhooks/webchat/widget.js") as reply:
            loader = reply.read()
        first, again = measure(widget, max(1, args.runs))
        print(f"Widget on localhost, Chromium, {len(first)} runs: click to a usable message box")
        print(_summary("first open (new tab, nothing cached)", first))
        print(_summary("open again after minimising", again))
        gz = len(gzip.compress(loader, 9))
        print(f"  loader widget.js: {len(loader):,} bytes, {gz:,} bytes gzipped (budget 15,360)")
        if args.screenshots:
            screenshots(widget, args.screenshots)
            print(f"  screenshots saved in {args.screenshots}/")


if __name__ == "__main__":
    main()
