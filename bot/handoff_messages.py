"""What residents are told about the advisor queue; shared by the handoff action and the channels."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.council import Council


def _wait_words(minutes: int) -> str:
    if minutes <= 5:
        return "a few minutes"
    if minutes < 60:
        return f"about {5 * round(minutes / 5)} minutes"
    hours = round(minutes / 60)
    return "about an hour" if hours == 1 else f"about {hours} hours"


#: A web chat lives only as long as its page: an advisor's reply after closing time can't reach it.
WEBCHAT = "webchat"


def place_in_queue(
    council: Council, position: int, now: datetime, channel: str | None = None
) -> str:
    """Where they are and roughly how long, or honestly that nobody is working now."""
    if council.is_open(now):
        place = "next in the queue" if position == 1 else f"number {position} in the queue"
        wait = _wait_words(council.advisors.estimated_wait_minutes(position))
        return (
            f"You're {place}. An advisor should reply in {wait}. "
            "Please keep this chat open; they will reply here."
        )
    closed = f"Our advisors aren't working right now. We're open {council.opening_hours_text()}. "
    if channel == WEBCHAT:
        return closed + (
            "Your messages are saved for an advisor, but their reply can only reach this chat while "
            f"this page is open, so please call us on {council.config.contact.phone} when we open."
        )
    return closed + "Your messages are saved and an advisor will reply here when we open."


def queued_text(
    council: Council,
    *,
    urgent: bool,
    reference: str,
    position: int,
    now: datetime,
    extra_support: bool = False,
    channel: str | None = None,
) -> str:
    """The reply after a ticket is raised."""
    kind = "an urgent request" if urgent else "a request"
    if extra_support and not urgent:
        kind = "a priority request, because you're registered for extra support"
    lines = [f"I've passed this to an advisor as {kind}. Your reference is {reference}."]
    lines.append(place_in_queue(council, position, now, channel))
    if urgent and not council.is_open(now):
        lines.append(f"If you need help before then, call {council.config.out_of_hours_phone}.")
    if urgent:
        lines.append("If anyone is in immediate danger, call 999.")
    else:
        lines.append(f"You can also call us on {council.config.contact.phone}.")
    return "\n".join(lines)


def waiting_text(council: Council, position: int, now: datetime, channel: str | None = None) -> str:
    """The reply to a message sent while waiting for an advisor."""
    return "Thanks, I've added that for the advisor. " + place_in_queue(
        council, position, now, channel
    )


def unsaved_text(council: Council, *, urgent: bool, now: datetime) -> str:
    """The reply when the ticket could not be stored (e.g. the database is down)."""
    if urgent:
        open_now = council.is_open(now)
        phone = council.config.contact.phone if open_now else council.config.out_of_hours_phone
        return (
            "I couldn't pass this to an advisor just now because of a problem on our side. "
            f"Please call {phone} now. If anyone is in immediate danger, call 999."
        )
    return (
        "Sorry, I couldn't pass this to an advisor just now because of a problem on our side. "
        f"Please call us on {council.config.contact.phone} ({council.opening_hours_text()})."
    )


def capped_text(council: Council, *, urgent: bool, now: datetime) -> str:
    """The reply when this chat (or its connection) has raised as many requests as it may."""
    open_now = council.is_open(now)
    phone = (
        council.config.contact.phone
        if open_now or not urgent
        else council.config.out_of_hours_phone
    )
    text = (
        "I can't pass another request to an advisor from this chat just now, because several "
        f"have already been sent from here. Please call us on {phone}"
    )
    text += "." if urgent else f" ({council.opening_hours_text()})."
    if urgent:
        text += " If anyone is in immediate danger, call 999."
    return text


def describe_it_text(council: Council) -> str:
    """The reply when an urgent topic came with no words (a bare button payload, repeated characters)."""
    return (
        "If you need an advisor, please tell me in a few words what is happening. "
        f"You can also call us on {council.config.contact.phone}. "
        "If anyone is in immediate danger, call 999."
    )


def resumed_text(council: Council) -> str:
    """Told to the resident when the advisor closes the conversation."""
    return (
        "The advisor has closed this conversation. You're talking to the automated assistant again. "
        "Is there anything else I can help with? You can ask for a person at any time."
    )
