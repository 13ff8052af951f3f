"""The widget's routes and the Origin check, on a real Sanic server (channels/webchat/embed.py)."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator

import httpx
import pytest

from bot.council import get_council
from channels.webchat.channel import WebchatInput
from channels.webchat.embed import frame_ancestors, theme_css, widget_config
from tests.support.channel_app import RunningChannel, ScriptedBot

SITE = "https://www.example-borough.gov.uk"
#: The loader's budget on the council's pages (gzipped, as served).
LOADER_BUDGET_BYTES = 15 * 1024


@pytest.fixture
def served(sqlite_url) -> Iterator[tuple[RunningChannel, httpx.Client]]:
    channel = WebchatInput.from_credentials(None)
    with RunningChannel(channel, ScriptedBot()) as running, httpx.Client(timeout=30) as client:
        yield running, client


def test_the_loader_is_served_with_the_councils_look_and_sites_and_is_small(served):
    running, client = served
    reply = client.get(f"{running.base_url}/widget.js")

    assert reply.status_code == 200
    assert reply.headers["content-type"].startswith("text/javascript")
    assert reply.headers["X-Content-Type-Options"] == "nosniff"
    assert json.dumps(widget_config(get_council())) in reply.text
    assert "/*CONFIG*/{}" not in reply.text
    assert len(gzip.compress(reply.content, 9)) <= LOADER_BUDGET_BYTES


def test_the_panel_may_be_framed_only_by_the_councils_sites(served):
    running, client = served
    reply = client.get(f"{running.base_url}/panel")

    policy = reply.headers["Content-Security-Policy"]
    assert f"frame-ancestors 'self' {SITE} https://beta.example-borough.gov.uk" in policy
    assert "script-src 'self'" in policy and "default-src 'none'" in policy
    assert reply.headers["X-Content-Type-Options"] == "nosniff"
    assert reply.headers["Referrer-Policy"] == "no-referrer"
    assert 'data-mode="panel"' in reply.text


@pytest.mark.parametrize(
    ("origin", "allowed"),
    [
        (None, True),  # curl, and our own page's GET requests
        (SITE, True),
        ("https://evil.example", False),
        ("https://www.example-borough.gov.uk.evil.example", False),
        ("null", False),
    ],
)
def test_the_api_refuses_an_origin_that_is_not_ours_nor_the_councils(served, origin, allowed):
    running, client = served
    headers = {"Origin": origin} if origin else {}

    started = client.post(f"{running.base_url}/session", json={}, headers=headers)
    polled = client.get(f"{running.base_url}/messages?session_id=x", headers=headers)
    config = client.get(f"{running.base_url}/config", headers=headers)

    if allowed:
        assert started.status_code == 201 and config.status_code == 200
    else:
        assert [started.status_code, polled.status_code, config.status_code] == [403, 403, 403]
        assert "council's own website" in started.json()["error"]


def test_our_own_origin_is_always_allowed(served):
    running, client = served
    own = f"http://127.0.0.1:{running.port}"
    assert (
        client.post(f"{running.base_url}/session", json={}, headers={"Origin": own}).status_code
        == 201
    )


def test_behind_a_proxy_the_forwarded_host_counts_as_our_own(served):
    running, client = served
    headers = {"Origin": "https://chat.example-borough.gov.uk"}
    proxied = {**headers, "X-Forwarded-Host": "chat.example-borough.gov.uk"}

    assert client.post(f"{running.base_url}/session", json={}, headers=headers).status_code == 403
    assert client.post(f"{running.base_url}/session", json={}, headers=proxied).status_code == 201


def test_a_chat_started_on_a_bins_page_opens_with_the_bin_buttons(served):
    running, client = served
    bins = client.post(f"{running.base_url}/session", json={"page": "/bins/missed"})
    other = client.post(f"{running.base_url}/session", json={"page": "/jobs"})
    junk = client.post(f"{running.base_url}/session", json={"page": ["/bins"]})

    assert [b["title"] for b in bins.json()["messages"][0]["buttons"]][0] == "Report a missed bin"
    assert "Book a bulky collection" in [b["title"] for b in bins.json()["messages"][0]["buttons"]]
    assert [b["title"] for b in other.json()["messages"][0]["buttons"]][-1] == "Talk to a person"
    assert junk.status_code == 201


def test_theme_logo_govuk_styles_and_demo_host_are_served(served):
    running, client = served
    theme = client.get(f"{running.base_url}/theme.css")
    logo = client.get(f"{running.base_url}/logo.svg")
    demo = client.get(f"{running.base_url}/demo-host")
    missing = client.get(f"{running.base_url}/assets/../../settings.py")

    assert "--govuk-brand-colour: #1d70b8;" in theme.text
    assert logo.headers["content-type"] == "image/svg+xml" and b"<svg" in logo.content
    assert '<script src="/webhooks/webchat/widget.js" async></script>' in demo.text
    assert missing.status_code == 404
    assert theme_css(get_council()) == theme.text
    assert frame_ancestors(None) == "'self'"
