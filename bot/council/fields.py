"""Checks shared by the council data models: keys, lists of keyed entries, phone numbers, links."""

from __future__ import annotations

import re
from typing import Any

_KEY = re.compile(r"^[a-z][a-z0-9_]*$")
_PHONE = re.compile(r"^[0-9]+( [0-9]+)*$")
_URL = re.compile(r"^https?://[^\s/]+\.[^\s]+$")


def check_key(value: str) -> str:
    """A key is lower case letters, digits and underscores, starting with a letter."""
    if not _KEY.match(value):
        raise ValueError(f"'{value}' should be lower case letters, digits and underscores")
    return value


def check_unique_keys(entries: tuple[Any, ...], what: str) -> tuple[Any, ...]:
    """The entries, if no two share a key."""
    keys = [entry.key for entry in entries]
    repeated = sorted({key for key in keys if keys.count(key) > 1})
    if repeated:
        raise ValueError(f"the {what} '{repeated[0]}' is listed twice")
    return entries


def check_phone(value: str) -> str:
    """A phone number written as digits and single spaces."""
    if not _PHONE.match(value) or not 3 <= len(value.replace(" ", "")) <= 16:
        raise ValueError(f"'{value}' is not a phone number (use digits and single spaces)")
    return value


def check_url(value: str | None) -> str | None:
    """A web address starting with http(s)://, or nothing."""
    if value is not None and not _URL.match(value):
        raise ValueError(f"'{value}' is not a web address starting with https://")
    return value
