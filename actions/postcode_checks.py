"""Checks a postcode a resident typed: real, and inside this council's area."""

from __future__ import annotations

from dataclasses import dataclass

from actions import context
from bot.records.postcodes import normalise_postcode

FIND_YOUR_COUNCIL = "https://www.gov.uk/find-local-council"


@dataclass(frozen=True)
class PostcodeCheck:
    """A usable postcode, or the plain-English problem (and whether to stop asking)."""

    postcode: str | None
    problem: str | None = None
    stop: bool = False


def check_local_postcode(text: str, what_for: str) -> PostcodeCheck:
    """Validate format, existence (ONS directory) and that this council covers it."""
    council = context.council()
    postcode = normalise_postcode(text or "")
    if postcode is None:
        return PostcodeCheck(
            None, "That doesn't look like a postcode. Please type it like PL1 2AA."
        )
    record = context.postcodes().lookup(postcode)
    if record is None:
        return PostcodeCheck(
            None,
            f"I couldn't find the postcode {postcode}. Please check it and type it again.",
        )
    if record.local_authority != council.ons_code:
        neighbour = council.neighbour(record.local_authority)
        if neighbour is not None:
            problem = (
                f"{postcode} is looked after by {neighbour.name}, not {council.name}. "
                f"Please contact them about {what_for}: {neighbour.website}"
            )
        else:
            problem = (
                f"{postcode} isn't in {council.name}'s area, so we can't help with {what_for} there. "
                f"You can find the right council at {FIND_YOUR_COUNCIL}"
            )
        # Not a dead end: people often give a work or family address first ("oh sorry, that's
        # my work"), so the question stays open for a postcode of ours; "cancel" still stops.
        return PostcodeCheck(
            None, f"{problem}\nIf it's somewhere in our area, please type that postcode instead."
        )
    return PostcodeCheck(postcode)
