"""Plain-English formatting of dates and lists in replies to residents."""

from __future__ import annotations

from datetime import date


def day_and_date(day: date) -> str:
    """``Tuesday 24 November`` (the year only when it is not this year)."""
    from actions import context  # the patchable clock, so tests and residents agree on "this year"

    text = f"{day.strftime('%A')} {day.day} {day.strftime('%B')}"
    if day.year != context.today().year:
        text += f" {day.year}"
    return text


def button(title: str, payload: str) -> dict[str, str]:
    return {"title": title, "payload": payload}


TALK_TO_A_PERSON = button("Talk to a person", "/request_human")
#: Under every stored reference.
CHECK_A_REQUEST = button("Check a request", "/check_request_status")


def yes_no(yes: str, no: str) -> list[dict[str, str]]:
    """The two buttons under a read-back: the first says yes (/affirm), the second no (/deny)."""
    return [button(yes, "/affirm"), button(no, "/deny")]


#: Under the read-back of a report or application that is sent to a team.
SEND_OR_NOT = yes_no("Yes, send it", "No, don't send")
