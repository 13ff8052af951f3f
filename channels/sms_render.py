"""Rendering the assistant's replies for SMS: GSM-7 text, numbered options, a segment limit."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

# The GSM 03.38 basic character set, and the extension table (each costs two septets).
GSM_BASIC = set(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM_EXTENDED = set("^{}\\[~]|€")
SINGLE_SEGMENT = 160
MULTI_SEGMENT = 153  # each part of a long message loses 7 septets to the joining header

_REPLACEMENTS = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
    "\u2212": "-", "\u2026": "...", "\u2022": "-", "\u00b7": "-", "\u00a0": " ", "\u2009": " ",
    "\u202f": " ", "\u2002": " ", "\u2003": " ", "\t": " ", "\u2122": "TM", "\u00a9": "(c)",
    "\u00ae": "(R)", "\u00bd": "1/2", "\u00bc": "1/4", "\u00be": "3/4", "\u2192": "->",
    "\u2190": "<-", "\u2713": "", "\u2714": "", "\u00b0": " degrees",
}  # fmt: skip
_MARKDOWN = re.compile(r"(\*\*|__|\*|`)")
_LINK = re.compile(r"\[([^\]]+)\]\((https?://[^)\s]+)\)")
_BLANK_LINES = re.compile(r"\n{3,}")
_SPACES = re.compile(r"[ ]{2,}")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s")


def to_gsm(text: str) -> str:
    """Plain GSM-7 text: typographic quotes and dashes made plain, emoji and the rest dropped."""
    text = _LINK.sub(r"\1: \2", text)
    text = _MARKDOWN.sub("", text)
    out: list[str] = []
    for char in text:
        if char in GSM_BASIC or char in GSM_EXTENDED:
            out.append(char)
        elif char in _REPLACEMENTS:
            out.append(_REPLACEMENTS[char])
        else:
            # Accented letters outside GSM-7 lose their accent; anything else (emoji) goes.
            base = unicodedata.normalize("NFKD", char)
            out.append("".join(c for c in base if c in GSM_BASIC))
    text = "".join(out).replace("\r", "")
    text = "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return _BLANK_LINES.sub("\n\n", text).strip()


def septets(text: str) -> int:
    return sum(2 if c in GSM_EXTENDED else 1 for c in text)


def segment_count(text: str) -> int:
    """How many SMS segments a GSM-7 text is billed and delivered as."""
    length = septets(text)
    if length <= SINGLE_SEGMENT:
        return 1
    return -(-length // MULTI_SEGMENT)


def max_septets(segments: int) -> int:
    return SINGLE_SEGMENT if segments == 1 else segments * MULTI_SEGMENT


@dataclass
class SmsReply:
    """One turn's reply as a single SMS body, and the payloads its numbered options stand for."""

    body: str
    options: list[str] = field(default_factory=list)


def _options_text(buttons: list[dict[str, Any]]) -> tuple[str, list[str]]:
    lines, payloads = [], []
    for number, button in enumerate(buttons[:9], start=1):
        title = to_gsm(str(button.get("title") or button.get("payload") or ""))
        lines.append(f"Reply {number} for {title}")
        payloads.append(str(button.get("payload") or title))
    return "\n".join(lines), payloads


def shorten(text: str, limit: int) -> str:
    """Cut text to at most `limit` septets at a sentence (or word) boundary, marking the cut."""
    if septets(text) <= limit:
        return text
    marker = "..."
    budget = limit - len(marker)
    cut = ""
    for match in _SENTENCE_END.finditer(text):
        if septets(text[: match.start()]) <= limit:
            cut = text[: match.start()]
    if cut and septets(cut) >= limit // 2:
        return cut.rstrip()
    words, kept = text.split(" "), ""
    for word in words:
        candidate = f"{kept} {word}" if kept else word
        if septets(candidate) > budget:
            break
        kept = candidate
    if not kept:  # one enormous word (a URL): cut it hard
        kept = text[:budget]
        while septets(kept) > budget:
            kept = kept[:-1]
    return kept.rstrip(" ,;:-") + marker


def render_sms(messages: Iterable[dict[str, Any]], max_segments: int = 3) -> SmsReply:
    """Join one turn's bot messages into one SMS of at most `max_segments` segments.

    The numbered options are never cut: the prose before them is shortened instead.
    """
    texts: list[str] = []
    buttons: list[dict[str, Any]] = []
    for message in messages:
        text = to_gsm(str(message.get("text") or ""))
        if text:
            texts.append(text)
        if message.get("buttons"):
            buttons = list(message["buttons"])  # only the last set can be answered by number
    options_text, payloads = _options_text(buttons) if buttons else ("", [])
    limit = max_septets(max_segments)
    prose = "\n\n".join(texts)
    if options_text:
        room = limit - septets(options_text) - 2
        if room < 20:  # too many long options: keep the prose and drop the options
            options_text, payloads, room = "", [], limit
        body = f"{shorten(prose, room)}\n\n{options_text}" if prose else options_text
    else:
        body = shorten(prose, limit)
    return SmsReply(body=body.strip(), options=payloads)


def render_plain(text: str, max_segments: int = 3) -> str:
    """An advisor's or the gate's text, made GSM-7 and kept within the segment limit."""
    return shorten(to_gsm(text), max_septets(max_segments))
