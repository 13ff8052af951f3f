"""Residents' personal data never reaches logs in clear, and ids are stored hashed."""

from __future__ import annotations

import logging

from bot.privacy import (
    QUIET_LOGGERS,
    RedactingFilter,
    install_log_redaction,
    redact,
    sender_key,
)


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


def test_a_telegram_bot_token_is_masked_alone_and_in_a_bot_api_url():
    token = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"
    lines = [
        f'HTTP Request: POST https://api.telegram.org/bot{token}/sendMessage "HTTP/1.1 200 OK"',
        "GET http://127.0.0.1:8081/bot123456:TEST-token/getUpdates",
        f"the token is {token}.",
    ]
    for line in lines:
        masked = redact(line)
        assert "AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw" not in masked
        assert "TEST-token" not in masked
        assert "[bot token]" in masked
    assert redact("open 09:30 to 17:00") == "open 09:30 to 17:00"


def test_http_clients_log_no_request_lines_once_redaction_is_installed(caplog):
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.NOTSET)
    with caplog.at_level(logging.INFO):
        install_log_redaction()
        logging.getLogger("httpx").info("HTTP Request: POST https://api.telegram.org/bot1:x/m")
        logging.getLogger("httpx").warning("the Bot API could not be reached")
    assert "HTTP Request" not in caplog.text
    assert "could not be reached" in caplog.text
