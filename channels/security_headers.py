"""Security headers: a fresh copy for every response, and a safe set on pages our routes did not make."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from sanic.request import Request
from sanic.response import BaseHTTPResponse

# Sanic's own pages (404, 405, 500) and anything else no route of ours answered: nothing may
# load, frame or be sniffed, and nothing is cached.
FALLBACK_HEADERS: Mapping[str, str] = MappingProxyType(
    {
        "Content-Security-Policy": (
            "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
        ),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "Cache-Control": "no-store",
        "X-Frame-Options": "DENY",
    }
)


def fresh(headers: Mapping[str, str]) -> dict[str, str]:
    """A copy of a channel's headers for one response.

    Sanic's `redirect` and `file` write into the dict they are given (`Location`,
    `Content-Range`); handing them the shared one leaked one advisor's redirect to the next
    visitor. The shared sets are read-only mappings, so passing one by mistake fails loudly.
    """
    return dict(headers)


async def _add_fallback_headers(_: Request, response: BaseHTTPResponse) -> None:
    # A response with its own policy keeps it (the webchat may be framed by its own site).
    if response is None or "Content-Security-Policy" in response.headers:
        return
    for name, value in FALLBACK_HEADERS.items():
        response.headers.setdefault(name, value)


def install_fallback_headers(app: Any) -> None:
    """Once per app: every response without its own headers gets FALLBACK_HEADERS (error pages too)."""
    if getattr(app.ctx, "fallback_headers_installed", False):
        return
    app.ctx.fallback_headers_installed = True
    app.register_middleware(_add_fallback_headers, "response")
