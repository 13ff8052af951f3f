"""Security headers on every response, Sanic's own error pages included (channels/security_headers.py)."""

from __future__ import annotations

from typing import Any

import pytest
import requests
from rasa.core.channels.channel import InputChannel
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from channels.security_headers import FALLBACK_HEADERS, fresh, install_fallback_headers
from tests.support.channel_app import RunningChannel, ScriptedBot

OWN_POLICY = "default-src 'self'; frame-ancestors 'self'"


class Pages(InputChannel):
    """A channel with a page of its own policy, a redirect and a route that crashes."""

    @classmethod
    def name(cls) -> str:
        return "pages"

    def blueprint(self, on_new_message: Any) -> Blueprint:
        pages = Blueprint("pages", __name__)

        @pages.listener("before_server_start")
        async def install(app: Any, _loop: Any) -> None:
            install_fallback_headers(app)
            install_fallback_headers(app)  # twice is harmless

        @pages.route("/own", methods=["GET"])
        async def own(_: Request) -> HTTPResponse:
            return response.text("ok", headers={"Content-Security-Policy": OWN_POLICY})

        @pages.route("/crash", methods=["GET"])
        async def crash(_: Request) -> HTTPResponse:
            raise RuntimeError("a bug")

        return pages


def test_a_500_page_carries_the_fallback_headers_and_our_own_pages_keep_their_policy():
    with RunningChannel(Pages(), ScriptedBot()) as running:
        crashed = requests.get(f"{running.base_url}/crash", timeout=30)
        own = requests.get(f"{running.base_url}/own", timeout=30)

    assert crashed.status_code == 500
    for name, value in FALLBACK_HEADERS.items():
        assert crashed.headers[name] == value
    assert own.headers["Content-Security-Policy"] == OWN_POLICY
    assert "X-Frame-Options" not in own.headers


def test_each_response_gets_its_own_copy_and_the_shared_set_cannot_be_written():
    copy = fresh(FALLBACK_HEADERS)
    copy["Location"] = "/somewhere"

    assert "Location" not in FALLBACK_HEADERS
    with pytest.raises(TypeError):
        response.redirect("/elsewhere", headers=FALLBACK_HEADERS)  # type: ignore[arg-type]
