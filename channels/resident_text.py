"""Channel-level texts residents read (greeting, errors), filled from the council's data."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bot.council import get_council
from bot.settings import get_settings


@dataclass(frozen=True)
class ChannelTexts:
    """Plain-English texts a channel shows without asking Rasa."""

    config: dict[str, Any]
    greeting: str
    greeting_buttons: list[dict[str, str]] = field(default_factory=list)
    unavailable: str = ""
    unknown_session: str = ""
    empty_message: str = "Please type a message first."
    no_reply: str = ""
    too_many_sessions: str = ""


def channel_texts() -> ChannelTexts:
    """The texts for the council in COUNCIL_DIR (every channel: webchat, SMS, Telegram)."""
    council = get_council(get_settings().council_dir)
    phone = council.config.contact.phone
    hours = council.opening_hours_text()
    notice = (
        f"You're talking to {council.name}'s automated assistant, not a person. "
        "You can ask for a person at any time."
    )
    return ChannelTexts(
        config={
            "council_name": council.name,
            "phone": phone,
            "hours": hours,
            "assistant_notice": notice,
            # The council's privacy notice (privacy.yml), linked under the notice.
            "privacy_notice": council.privacy.privacy_notice if council.privacy else "",
        },
        greeting=(
            f"Hello, I'm {council.name}'s automated assistant. I can help with bins, council tax, "
            "benefits, repairs, parking and getting online. What do you need help with?"
        ),
        greeting_buttons=[
            {"title": "Report a missed bin", "payload": "/report_missed_bin"},
            {"title": "Check a request", "payload": "/check_request_status"},
            {"title": "Talk to a person", "payload": "/request_human"},
        ],
        unavailable=(
            "Sorry, something went wrong on our side and your message wasn't received. "
            f"Please try again in a few minutes, or call us on {phone} ({hours})."
        ),
        unknown_session="This chat has ended or expired. Please start a new chat.",
        too_many_sessions=(
            "Too many chats have been started from your connection just now. Please try again "
            f"in a few minutes, or call us on {phone} ({hours}). "
            "If anyone is in immediate danger, call 999."
        ),
        no_reply=(
            "Sorry, I couldn't answer that just now. Please try again, or call us on "
            f"{phone} ({hours})."
        ),
    )
