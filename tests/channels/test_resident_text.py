"""What a channel tells a resident without asking Rasa comes from the council's own data (channels/resident_text.py)."""

from __future__ import annotations

from bot.council import get_council
from channels.resident_text import channel_texts


def test_the_greeting_names_the_council_and_says_it_is_an_automated_assistant() -> None:
    texts = channel_texts()
    council = get_council()
    assert council.name in texts.greeting
    assert "automated assistant" in texts.greeting
    assert "not a person" in texts.config["assistant_notice"]


def test_the_greeting_offers_a_person_among_its_buttons() -> None:
    payloads = [button["payload"] for button in channel_texts().greeting_buttons]
    assert "/request_human" in payloads
    assert all(payload.startswith("/") for payload in payloads)


def test_when_something_goes_wrong_the_resident_is_given_the_phone_number_and_hours() -> None:
    texts = channel_texts()
    council = get_council()
    phone, hours = council.config.contact.phone, council.opening_hours_text()
    for text in (texts.unavailable, texts.no_reply):
        assert phone in text and hours in text
    assert texts.config["phone"] == phone and texts.config["hours"] == hours


def test_the_webchat_links_to_the_councils_own_privacy_notice() -> None:
    privacy = get_council().privacy
    assert privacy is not None
    assert channel_texts().config["privacy_notice"] == privacy.privacy_notice
