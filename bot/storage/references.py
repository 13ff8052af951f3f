"""Human-friendly reference numbers residents can read out over the phone."""

from __future__ import annotations

import re
import secrets

# No 0/O, 1/I/L, 5/S or 2/Z: easy to read aloud and to type on a phone keypad.
ALPHABET = "346789ABCDEFGHJKMNPQRTUVWXY"
REFERENCE_LENGTH = 6
REFERENCE_PATTERN = re.compile(r"\b([A-Z]{2})[\s-]?([" + ALPHABET + r"]{6})\b", re.IGNORECASE)


def new_reference(prefix: str) -> str:
    """A random reference like ``MB-7K3F9Q`` for the service with that prefix."""
    body = "".join(secrets.choice(ALPHABET) for _ in range(REFERENCE_LENGTH))
    return f"{prefix.upper()}-{body}"


def find_reference(text: str) -> str | None:
    """The first reference in free text, normalised (``mb 7k3f9q`` -> ``MB-7K3F9Q``)."""
    match = REFERENCE_PATTERN.search(text or "")
    if not match:
        return None
    return f"{match.group(1).upper()}-{match.group(2).upper()}"
