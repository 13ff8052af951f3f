"""Cleaning of inbound resident text shared by every channel."""

from __future__ import annotations

import re
import unicodedata

from bot.sensitive_numbers import mask

_CONTROL = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]"
)
_SPACES = re.compile(r"[ \t]+")
_PAYLOAD = re.compile(r"^/[a-z_]{2,60}$")
_LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")


def readable(text: str) -> bool:
    """False if the text has a lone surrogate (JSON allows "\\ud800"; UTF-8 and the database don't)."""
    return _LONE_SURROGATE.search(text) is None


def clean_text(text: str) -> str:
    """NFC-normalise, drop control and invisible characters, tidy spaces, trim, and remove card
    numbers, bank details, National Insurance numbers and passwords (never stored anywhere).

    A lone surrogate becomes U+FFFD, so no channel stores a string UTF-8 cannot encode.
    """
    text = unicodedata.normalize("NFC", _LONE_SURROGATE.sub("\ufffd", text))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    text = _SPACES.sub(" ", text)
    return mask("\n".join(line.strip() for line in text.split("\n")).strip())


def is_intent_payload(payload: str, known_intents: set[str]) -> bool:
    """A button payload is only ever ``/intent`` for a known intent (no slots, no JSON)."""
    return bool(_PAYLOAD.match(payload)) and payload[1:] in known_intents
