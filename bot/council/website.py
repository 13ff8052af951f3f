"""website.yml: the council's own sites that may embed the chat, its look, and openings per page."""

from __future__ import annotations

import fnmatch
import re
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from pydantic import validator

from bot.council.models import Model
from bot.intents import INTENT_ROUTES

if TYPE_CHECKING:
    from bot.council.files import CouncilFiles

FILE = "website.yml"
#: WCAG 2.2 AA: normal text needs a contrast ratio of at least 4.5:1 with its background.
TEXT_CONTRAST = 4.5
_HEX = re.compile(r"^#([0-9a-fA-F]{6})$")
_LOGO = re.compile(r"^[A-Za-z0-9_-]+\.svg$")
_PATH = re.compile(r"^/[A-Za-z0-9/_.*~-]*$")
MAX_OPENING_BUTTONS = 4

#: The colour pairs residents read text in: (text colour, background colour, where it is used).
TEXT_PAIRS = (
    ("text", "background", "the conversation's text"),
    ("brand_text", "brand", "the launcher and the panel's title bar"),
    ("link", "background", "links"),
    ("button_text", "button", "the Send button"),
)


def check_origin(value: str) -> str:
    """A web origin: https://host (http:// only for localhost), no path, query or trailing slash."""
    parts = urlsplit(value)
    local = parts.hostname in {"localhost", "127.0.0.1"}
    if (
        parts.scheme not in {"https", "http"}
        or (parts.scheme == "http" and not local)
        or not parts.hostname
        or parts.path
        or parts.query
        or parts.fragment
        or parts.username
    ):
        raise ValueError(
            f"'{value}' should be a site's origin such as https://www.example.gov.uk"
            " (https, no path and no slash at the end)"
        )
    return value.lower()


def luminance(colour: str) -> float:
    """The relative luminance of a #rrggbb colour (WCAG 2.2 definition)."""
    channels = []
    for i in (1, 3, 5):
        c = int(colour[i : i + 2], 16) / 255
        channels.append(c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4)
    red, green, blue = channels
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first: str, second: str) -> float:
    """WCAG contrast ratio between two #rrggbb colours, from 1 to 21."""
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


class Colours(Model):
    """The council's colours as #rrggbb; the defaults are the GOV.UK Design System's."""

    brand: str = "#1d70b8"
    brand_text: str = "#ffffff"
    text: str = "#0b0c0c"
    background: str = "#ffffff"
    link: str = "#1d70b8"
    button: str = "#00703c"
    button_text: str = "#ffffff"
    focus: str = "#ffdd00"

    @validator("*")
    def _hex(cls, value: str) -> str:
        if not isinstance(value, str) or not _HEX.match(value):
            raise ValueError(f"'{value}' should be a colour written like #1d70b8")
        return value.lower()

    def contrast_problem(self) -> str | None:
        """The first text colour that is too faint on its background, in plain words, or None."""
        for text, background, where in TEXT_PAIRS:
            ratio = contrast_ratio(getattr(self, text), getattr(self, background))
            if ratio < TEXT_CONTRAST:
                return (
                    f"look > colours > {text} ({getattr(self, text)}) on {background}"
                    f" ({getattr(self, background)}) has a contrast of {ratio:.2f}:1, used for"
                    f" {where}; WCAG AA needs at least {TEXT_CONTRAST}:1. Choose a darker or"
                    " lighter colour."
                )
        return None


class Look(Model):
    """How the launcher and panel look: the council's colours, logo and name."""

    name: str | None = None
    logo: str | None = None
    colours: Colours = Colours()

    @validator("logo")
    def _logo(cls, value: str | None) -> str | None:
        if value is not None and not _LOGO.match(value):
            raise ValueError(
                f"'{value}' should be an SVG file in the council folder, e.g. logo.svg"
            )
        return value


class OpeningButton(Model):
    """A button offered when a chat starts on a matching page."""

    title: str
    payload: str

    @validator("payload")
    def _known_intent(cls, value: str) -> str:
        intent = value[1:] if value.startswith("/") else ""
        if intent not in INTENT_ROUTES:
            raise ValueError(f"'{value}' should be an intent such as /check_bin_day")
        return value


class Opening(Model):
    """Pages (a path, with * for any characters) and the buttons a chat started there offers."""

    pages: str
    buttons: tuple[OpeningButton, ...]

    @validator("pages")
    def _path(cls, value: str) -> str:
        if not _PATH.match(value):
            raise ValueError(f"'{value}' should be a page path starting with /, such as /bins*")
        return value

    @validator("buttons")
    def _count(cls, value: tuple[OpeningButton, ...]) -> tuple[OpeningButton, ...]:
        if not 1 <= len(value) <= MAX_OPENING_BUTTONS:
            raise ValueError(f"give between 1 and {MAX_OPENING_BUTTONS} buttons")
        return value


class Website(Model):
    """website.yml: where the chat may be embedded, how it looks, and what it offers per page."""

    site_origins: tuple[str, ...]
    look: Look = Look()
    openings: tuple[Opening, ...] = ()

    @validator("site_origins", each_item=True)
    def _origin(cls, value: str) -> str:
        return check_origin(value)

    def allows(self, origin: str) -> bool:
        """Whether a page from this origin (scheme://host[:port]) is one of the council's sites."""
        return origin.lower() in self.site_origins

    def opening_buttons(self, path: str) -> list[dict[str, str]] | None:
        """The first matching opening's buttons for a page path (its query string ignored)."""
        path = path.split("?", 1)[0].split("#", 1)[0]
        for opening in self.openings:
            if fnmatch.fnmatchcase(path, opening.pages):
                return [{"title": b.title, "payload": b.payload} for b in opening.buttons]
        return None


def load_website(files: CouncilFiles) -> Website | None:
    """website.yml (optional: without it the widget works on the assistant's own pages only, in
    GOV.UK colours); a colour pair below WCAG AA, or a logo that is missing, is refused."""
    from bot.council.files import CouncilDataError

    if not files.has(FILE):
        return None
    website = files.yaml_model(FILE, Website)
    problem = website.look.colours.contrast_problem()
    if problem:
        raise CouncilDataError(f"{files.show(FILE)}: {problem}")
    logo = website.look.logo
    if logo and not (files.directory / logo).is_file():
        raise CouncilDataError(f"{files.show(FILE)}: look > logo: the file '{logo}' is missing")
    return website
