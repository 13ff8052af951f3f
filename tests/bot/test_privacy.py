"""Residents' personal data never reaches logs in clear, and ids are stored hashed."""

from __future__ import annotations

import logging

from bot.privacy import RedactingFilter, redact, sender_key


def test_postcodes_phone_numbers_and_emails_are_masked():
    text = "I'm at PL1 2AA, call 07700 900123 or +44 7700 900123, email jo.bloggs@example.com, acct 12345678"
    masked = redact(text)
    for secret in ("PL1 2AA", "07700 900123", "7700 900123", "jo.bloggs@example.com", "12345678"):
        assert secret not in masked
    assert "[postcode]" in masked and "[phone]" in masked and "[email]" in masked


def test_log_records_are_redacted_before_any_handler_writes_them(caplog):
    logger = logging.getLogger("councilbot.test")
    caplog.handler.addFilter(RedactingFilter())
    with caplog.at_level(logging.INFO):
        logger.info("resident said %s", "my postcode is pl4 8aa")
    assert "pl4 8aa" not in caplog.text.lower()
    assert "[postcode]" in caplog.text


def test_sender_keys_are_stable_keyed_hashes():
    assert sender_key("07700900123") == sender_key("07700900123")
    assert sender_key("07700900123") != sender_key("07700900124")
    assert "07700900123" not in sender_key("07700900123")
