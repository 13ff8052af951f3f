"""A scripted resident: opens with a held-out message and answers whatever the forms ask.

Used by the end-to-end transaction test and by `python -m scripts.bench.transactions` to measure
how many residents' opening messages for a transaction end with a stored reference.
The resident answers like a cooperative person would: the postcode of a street in the
demo council's data, its first house number, a plain description, "yes" to a read-back,
and the first offered button otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from tests.e2e.webchat_client import WebchatClient

REFERENCE = re.compile(
    r"\b(?:reference is|reference:|your reference)\s*([A-Z]{2}-[A-Z0-9]{6})\b", re.I
)
#: Buttons a cooperative resident does not press while answering a form.
SIDE_BUTTONS = {"/request_human", "/check_request_status"}
YES_TITLES = re.compile(r"^(yes|book|confirm|that's right|send)", re.I)
NO_TITLES = re.compile(r"^(no|cancel|don't|stop)", re.I)
MAX_TURNS = 14
#: The assistant has finished or given up: a resident would stop here.
DEAD_END = re.compile(r"anything else I can help with|didn't understand|talk to a person\?", re.I)

#: Self-service intents whose opening message should end in a stored reference.
TRANSACTION_INTENTS = (
    "report_missed_bin",
    "book_bulky_waste",
    "request_bin",
    "report_fly_tipping",
    "council_tax_move",
    "council_tax_discount",
    "benefits_change_of_circumstances",
    "report_housing_repair",
    "parking_permit",
    "report_street_problem",
    "book_assisted_digital",
)


@dataclass
class Household:
    """The resident's own details, all from the demo council's data."""

    postcode: str
    street: str
    house: str
    mobile: str = "07700 900123"
    registration: str = "AB12 CDE"
    #: Where they are moving to, when a form asks for a new address.
    new_address: str = ""
    #: Button titles to press when offered (e.g. the bin whose round was due).
    prefer: tuple[str, ...] = ()


@dataclass
class Outcome:
    """How one scripted conversation ended."""

    opening: str
    reference: str | None
    turns: int
    transcript: list[str] = field(default_factory=list)

    @property
    def completed(self) -> bool:
        return self.reference is not None


Answer = Callable[[Household], str]

#: What the resident types when the assistant asks in words (first match wins).
ANSWERS: list[tuple[re.Pattern[str], Answer]] = [
    (re.compile(r"new address", re.I), lambda h: h.new_address),
    (
        re.compile(r"address.*(include|with) the postcode|full address", re.I),
        lambda h: f"{h.house} {h.street}, {h.postcode}",
    ),
    (re.compile(r"postcode", re.I), lambda h: h.postcode),
    (re.compile(r"house number or name|number or name of", re.I), lambda h: h.house),
    (re.compile(r"which street|what street|street is it", re.I), lambda h: h.street),
    (re.compile(r"registration", re.I), lambda h: h.registration),
    (re.compile(r"mobile|phone number|number to call", re.I), lambda h: h.mobile),
    (re.compile(r"account number|account reference", re.I), lambda h: "I don't know it"),
    (re.compile(r"what would you like us to collect", re.I), lambda h: "a wardrobe"),
    (
        re.compile(r"\b(when|what date|which date|from what date|since when)\b", re.I),
        lambda h: datetime.now().strftime("%d/%m/%Y"),
    ),
    (re.compile(r"where (is|was|exactly)|whereabouts|location", re.I), lambda h: h.street),
    (
        re.compile(
            r"describe|tell me (a bit )?more|tell me about|in a few words|sentence or two"
            r"|what's wrong|what is wrong",
            re.I,
        ),
        lambda h: "It has been like this for about a week.",
    ),
    (re.compile(r"\?\s*$|please (say|type)", re.I | re.M), lambda h: "yes"),
]


def _choose_button(message: dict[str, Any], prefer: tuple[str, ...]) -> dict[str, str] | None:
    buttons = [b for b in message.get("buttons") or [] if b.get("payload") not in SIDE_BUTTONS]
    if not buttons:
        return None
    preferred = sorted(
        (b for b in buttons if b.get("title") in prefer), key=lambda b: prefer.index(b["title"])
    )
    if preferred:
        return preferred[0]
    yes = [b for b in buttons if YES_TITLES.match(b.get("title", ""))]
    if yes:
        return yes[0]
    plain = [b for b in buttons if not NO_TITLES.match(b.get("title", ""))]
    return (plain or buttons)[0]


def next_reply(messages: list[dict[str, Any]], household: Household) -> tuple[str, str] | None:
    """What to do next: ("press", payload|title) or ("say", text); None when stuck."""
    if not messages:
        return None
    last = messages[-1]
    if DEAD_END.search(last.get("text") or ""):
        return None
    choice = _choose_button(last, household.prefer)
    if choice is not None:
        return "press", f"{choice['payload']}\x1f{choice['title']}"
    # The question is usually the last message; earlier ones may explain a problem.
    for message in reversed(messages):
        for pattern, answer in ANSWERS:
            if pattern.search(message.get("text") or ""):
                return "say", answer(household)
    return None


def converse(webchat_url: str, opening: str, household: Household) -> Outcome:
    """One resident's conversation from the opening message to a reference or a dead end."""
    chat = WebchatClient(webchat_url)
    outcome = Outcome(opening=opening, reference=None, turns=0)
    messages = chat.send(opening)
    for _ in range(MAX_TURNS):
        outcome.turns += 1
        outcome.transcript.extend(m.get("text") or "" for m in messages)
        found = REFERENCE.search("\n".join(m.get("text") or "" for m in messages))
        if found:
            outcome.reference = found.group(1).upper()
            return outcome
        step = next_reply(messages, household)
        if step is None:
            return outcome
        kind, value = step
        if outcome.transcript[-6:].count(f"> {value}") >= 2:
            return outcome  # asked the same thing three times: a resident would give up
        messages = take_step(chat, step, outcome.transcript)
    return outcome


def take_step(
    chat: WebchatClient, step: tuple[str, str], transcript: list[str]
) -> list[dict[str, Any]]:
    """Press the button or type the words of one step, noting it in the transcript; the replies."""
    kind, value = step
    if kind == "press":
        payload, title = value.split("\x1f", 1)
        transcript.append(f"> [{title}]")
        return chat.press(payload, title)
    transcript.append(f"> {value}")
    return chat.send(value)
