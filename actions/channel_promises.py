"""What the assistant may promise to do later (text, call, recognise the resident) on each channel."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from rasa_sdk import Tracker

from actions.request_store import channel_of
from bot.phone_numbers import read_uk_phone
from bot.settings import get_settings

if TYPE_CHECKING:
    from bot.council import Council

SMS_CHANNEL = "twilio_sms"
_E164 = re.compile(r"^\+[1-9]\d{6,14}$")
TELEGRAM_CHANNEL = "telegram"


def known_mobile(tracker: Tracker) -> str | None:
    """The resident's number when they are texting us (the SMS conversation id, in E.164); None elsewhere.

    Our replies already reach that number by text, so the council's own texts can too. A webchat
    session id or a Telegram chat id is never a phone number, even when it is all digits.
    """
    if channel_of(tracker) != SMS_CHANNEL:
        return None
    return tracker.sender_id if _E164.match(tracker.sender_id or "") else None


def how_to_pay(payment: Any, tracker: Tracker) -> str:
    """The council's payment words for this resident: a text with a link only if we have their mobile."""
    return payment.by_text if known_mobile(tracker) else payment.otherwise


def payment_text_details(tracker: Tracker) -> dict[str, str]:
    """Stored with a charged request only when we promised a text: the number the payment link goes to."""
    mobile = known_mobile(tracker)
    return {"payment_link_text_to": mobile} if mobile else {}


def register_promise(tracker: Tracker, council: Council) -> str:
    """What joining the extra support register really changes, on the channel the resident is using.

    The register recognises a resident by how they contact us: an SMS number or a Telegram chat last,
    but a webchat session ends when the page is closed, so a new web chat can't know who it is.
    """
    channel = channel_of(tracker)
    if channel == SMS_CHANNEL:
        return "From now on, when you text us from this number, you'll go straight to a person."
    if channel == TELEGRAM_CHANNEL:
        return "From now on, when you message us in this Telegram chat, you'll go straight to a person."
    text = (
        "For the rest of this chat you'll go straight to a person. A new web chat can't tell it's "
        f"you, so next time please call us on {council.config.contact.phone} "
        f"({council.opening_hours_text()}) to speak to a person."
    )
    sms = _council_sms_number()
    if sms:
        text += (
            " Or ask the advisor to add your mobile number to the register: then when you text us on "
            f"{sms}, you'll go straight to a person too."
        )
    return text


def _council_sms_number() -> str | None:
    """The council's SMS number as residents dial it, when SMS is set up on this server."""
    settings = get_settings()
    if not settings.twilio_account_sid:
        return None
    found = read_uk_phone(settings.twilio_from_number)
    return found.national if found is not None else None


def register_offer(tracker: Tracker) -> str:
    """The consent question's promise: what being on the register will mean on this channel."""
    channel = channel_of(tracker)
    if channel == SMS_CHANNEL:
        return "Then whenever you text us from this number, you go straight to a person."
    if channel == TELEGRAM_CHANNEL:
        return "Then whenever you message us in this Telegram chat, you go straight to a person."
    text = "Then you go straight to a person for the rest of this chat"
    if _council_sms_number():
        return text + ", and an advisor can add your mobile number so your texts to us do too."
    return text + ". A new web chat can't tell it's you, but calling us always reaches a person."
