"""Keyed hashing of residents' identifiers and redaction of personal data in logs."""

from __future__ import annotations

import hashlib
import hmac
import logging
import re

from bot.sensitive_numbers import mask
from bot.settings import get_settings

_POSTCODE = re.compile(r"\b[A-Z]{1,2}[0-9][A-Z0-9]?\s*[0-9][A-Z]{2}\b", re.IGNORECASE)
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.-]+\b")
_PHONE = re.compile(r"(?<!\w)(?:\+44\s?|0)(?:\d[\s-]?){9,10}(?!\w)")
_LONG_DIGITS = re.compile(r"\b\d{6,}\b")
# A Telegram bot token ("<bot id>:<secret>"), wherever it appears: alone, or in a Bot API URL
# (".../bot<token>/sendMessage"), however short a test token is.
_BOT_TOKEN = re.compile(r"(?<=/bot)\d+:[^/\s\"']+|\b\d{3,}:[A-Za-z0-9_-]{20,}")
#: HTTP client libraries that log every request's URL at INFO (the Bot API's holds the token).
QUIET_LOGGERS = ("httpx", "httpcore")


def sender_key(sender_id: str) -> str:
    """A stable keyed hash of a conversation id, so records link without storing it."""
    secret = get_settings().secret_key.get_secret_value().encode()
    return hmac.new(secret, sender_id.encode(), hashlib.sha256).hexdigest()


def redact(text: str) -> str:
    """Mask card numbers, bank details, NI numbers, passwords, bot tokens, postcodes, emails,
    phone numbers and long numbers before text reaches a log."""
    text = mask(text)
    text = _BOT_TOKEN.sub("[bot token]", text)
    text = _EMAIL.sub("[email]", text)
    text = _PHONE.sub("[phone]", text)
    text = _POSTCODE.sub("[postcode]", text)
    return _LONG_DIGITS.sub("[number]", text)


class RedactingFilter(logging.Filter):
    """Logging filter that redacts every record's message in place."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a broken format string must not stop logging
            return True
        record.msg = redact(message)
        record.args = ()
        return True


def install_log_redaction() -> None:
    """Attach the redacting filter to every handler of the root logger, and keep the HTTP
    clients' per-request lines (URLs with secrets in them) out of the logs."""
    for name in QUIET_LOGGERS:
        logger = logging.getLogger(name)
        if logger.getEffectiveLevel() < logging.WARNING:
            logger.setLevel(logging.WARNING)
    root = logging.getLogger()
    for handler in root.handlers:
        if not any(isinstance(f, RedactingFilter) for f in handler.filters):
            handler.addFilter(RedactingFilter())
