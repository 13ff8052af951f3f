"""The embeddable widget: the loader script, the panel page, the council's theme and the Origin check."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.council import Council
from bot.council.website import Website
from bot.settings import Environment, Settings

STATIC_DIR = Path(__file__).resolve().parent / "static"
#: Built by the Makefile from the pinned govuk-frontend npm package (channels/webchat/frontend).
GOVUK_DIR = STATIC_DIR / "govuk"
ASSETS = {
    "panel.css": (STATIC_DIR, "text/css; charset=utf-8"),
    "govuk-frontend.min.css": (GOVUK_DIR, "text/css; charset=utf-8"),
    "LICENCE-govuk-frontend.txt": (GOVUK_DIR, "text/plain; charset=utf-8"),
}
#: The webchat API: a request whose Origin is neither ours nor a council site is refused.
API_PATHS = ("/session", "/messages", "/webhook", "/config")
BASE_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
}
PANEL_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
    "img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors {ancestors}"
)


def frame_ancestors(website: Website | None) -> str:
    """The CSP frame-ancestors source list: our own origin and the council's listed sites."""
    return " ".join(["'self'", *(website.site_origins if website else ())])


def panel_headers(website: Website | None) -> dict[str, str]:
    """Security headers for pages that may be framed by the council's own sites only."""
    return {
        **BASE_HEADERS,
        "Content-Security-Policy": PANEL_CSP.format(ancestors=frame_ancestors(website)),
        "Cache-Control": "no-store",
    }


def own_hosts(request: Request) -> set[str]:
    """host[:port] this request was sent to, as the browser saw it: Host, or X-Forwarded-Host
    from a proxy in front (a browser can't add that header to another site's request unasked)."""
    hosts = {(request.headers.get("host") or "").strip().lower()}
    forwarded = request.headers.get("x-forwarded-host")
    if forwarded:
        hosts.add(forwarded.split(",")[0].strip().lower())
    return hosts - {""}


def origin_allowed(request: Request, website: Website | None) -> bool:
    """No Origin (our page's GETs, curl), our own origin, or one of the council's sites."""
    origin = request.headers.get("origin")
    if origin is None:
        return True
    parts = urlsplit(origin.strip().lower())
    if parts.netloc and parts.netloc in own_hosts(request):
        return True
    return website is not None and website.allows(origin.strip())


def refused(message: str, status: int = 403) -> HTTPResponse:
    return response.json(
        {"error": message}, status=status, headers={**BASE_HEADERS, "Cache-Control": "no-store"}
    )


def widget_config(council: Council) -> dict[str, Any]:
    """What the loader needs before the panel loads: the name, colours and allowed sites."""
    website = council.website
    look = website.look if website else None
    colours = look.colours.dict() if look else {}
    return {
        "name": (look.name if look and look.name else council.name),
        "label": "Chat with us",
        "colours": colours,
        "sites": list(website.site_origins) if website else [],
    }


def look_config(council: Council) -> dict[str, str]:
    """The name the council wants on the chat (website.yml look > name), for the panel's title."""
    look = council.website.look if council.website else None
    return {"display_name": look.name} if look and look.name else {}


def theme_css(council: Council) -> str:
    """The council's colours as GOV.UK Frontend custom properties (and our own, for the panel)."""
    website = council.website
    c = website.look.colours if website else None
    if c is None:
        return ":root {}\n"
    values = {
        "--govuk-brand-colour": c.brand,
        "--govuk-text-colour": c.text,
        "--govuk-body-background-colour": c.background,
        "--govuk-template-background-colour": c.background,
        "--govuk-link-colour": c.link,
        "--govuk-focus-colour": c.focus,
        "--chat-brand": c.brand,
        "--chat-brand-text": c.brand_text,
        "--chat-text": c.text,
        "--chat-background": c.background,
        "--chat-link": c.link,
        "--chat-button": c.button,
        "--chat-button-text": c.button_text,
        "--chat-focus": c.focus,
    }
    lines = "".join(f"  {name}: {value};\n" for name, value in values.items())
    return f":root {{\n{lines}}}\n"


def add_widget_routes(bp: Blueprint, council: Council, settings: Settings) -> None:
    """GET widget.js, panel, theme.css, logo.svg, assets/<name> and (not in production) demo-host."""
    website = council.website
    loader = (STATIC_DIR / "widget.js").read_text(encoding="utf-8")
    loader = loader.replace("/*CONFIG*/{}", json.dumps(widget_config(council)), 1)
    headers = panel_headers(website)

    @bp.middleware("request")
    async def check_origin(request: Request) -> HTTPResponse | None:
        path = request.path.rsplit("/webchat", 1)[-1]
        if path in API_PATHS and not origin_allowed(request, website):
            return refused(
                "This chat can only be used from the council's own website. "
                "Please use the chat on the council's site."
            )
        return None

    @bp.route("/widget.js", methods=["GET"])
    async def widget(_: Request) -> HTTPResponse:
        return response.text(
            loader,
            content_type="text/javascript; charset=utf-8",
            headers={**BASE_HEADERS, "Cache-Control": "public, max-age=300"},
        )

    @bp.route("/panel", methods=["GET"])
    async def panel(_: Request) -> HTTPResponse:
        return await response.file(
            STATIC_DIR / "panel.html", mime_type="text/html; charset=utf-8", headers=headers
        )

    @bp.route("/theme.css", methods=["GET"])
    async def theme(_: Request) -> HTTPResponse:
        return response.text(
            theme_css(council), content_type="text/css; charset=utf-8", headers=headers
        )

    @bp.route("/logo.svg", methods=["GET"])
    async def logo(_: Request) -> HTTPResponse:
        name = website.look.logo if website else None
        if not name:
            return refused("There is no logo.", 404)
        return await response.file(
            council.directory / name, mime_type="image/svg+xml", headers=headers
        )

    @bp.route("/assets/<name>", methods=["GET"])
    async def asset(_: Request, name: str) -> HTTPResponse:
        found = ASSETS.get(name)
        if found is None or not (found[0] / name).is_file():
            return refused("Not found.", 404)
        return await response.file(found[0] / name, mime_type=found[1], headers=headers)

    if settings.environment is not Environment.PRODUCTION:

        @bp.route("/demo-host", methods=["GET"])
        async def demo_host(_: Request) -> HTTPResponse:
            return await response.file(
                STATIC_DIR / "demo-host.html",
                mime_type="text/html; charset=utf-8",
                headers={
                    **BASE_HEADERS,
                    "Cache-Control": "no-store",
                    "Content-Security-Policy": (
                        "default-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'"
                    ),
                },
            )


def opening_buttons(council: Council, request: Request) -> list[dict[str, str]] | None:
    """The buttons the council offers on the page the chat was started from, if any.

    The widget sends the page's path only; anything after ? or # is dropped here too."""
    body = request.json if isinstance(request.json, dict) else {}
    path = body.get("page")
    if not isinstance(path, str) or not path.startswith("/") or council.website is None:
        return None
    return council.website.opening_buttons(path[:300])
