"""Reads answers shared by the council tax and benefits forms: yes/no, don't know, addresses, account numbers, dates."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import context
from actions.formatting import SEND_OR_NOT, TALK_TO_A_PERSON, button, day_and_date
from actions.forms.spoken_dates import DateCheck, check_date
from actions.postcode_checks import check_local_postcode
from bot.records.postcodes import normalise_postcode

MAX_ADDRESS_CHARS = 120
DONT_KNOW_BUTTON = button("I don't know it", "I don't know it")
STOPPED = "Okay, I'll stop there. Nothing has been sent."

_STOP = re.compile(r"^\s*(no|nope|cancel|stop|quit|forget it|never ?mind|/deny)\b", re.IGNORECASE)
_YES = re.compile(
    r"^\s*(yes|yeah|yep|yup|y|ok|okay|correct|that'?s right|send it|sure|please do|/affirm)\b",
    re.IGNORECASE,
)
_DONT_KNOW = re.compile(
    r"\b(don'?t|dont|do not|not sure|no idea|dunno|haven'?t|have not|can'?t find|cannot find|lost|"
    r"no account|skip|none)\b|^\s*no\b",
    re.IGNORECASE,
)
_CANCEL = re.compile(r"\b(cancel|stop|quit|forget it)\b", re.IGNORECASE)
_DIGIT_GROUPS = re.compile(r"(?<![\w-])\d+(?:[ -]\d+)*(?![\w-])")
_DIGITS = re.compile(r"\d+")
_HTML = re.compile(r"[<>{}\[\]\\]|https?://|www\.", re.IGNORECASE)


def _intent(tracker: Tracker) -> str | None:
    return (tracker.latest_message.get("intent") or {}).get("name")


def says_stop(tracker: Tracker, value: Any) -> bool:
    """The resident said no or cancel instead of answering."""
    return bool(_STOP.match(str(value or ""))) or _intent(tracker) == "deny"


def says_yes(tracker: Tracker, value: Any) -> bool:
    return bool(_YES.match(str(value or ""))) or _intent(tracker) == "affirm"


def says_dont_know(value: Any) -> bool:
    """ "I don't know it", "no", "haven't got one" (for an optional answer such as an account number)."""
    text = str(value or "")
    return bool(_DONT_KNOW.search(text)) and not _CANCEL.search(text)


def stop_form(
    dispatcher: CollectingDispatcher, slots: dict[str, Any], text: str = STOPPED
) -> dict[str, Any]:
    """End the form with nothing stored, saying why, with a way to a person."""
    dispatcher.utter_message(text=text, buttons=[TALK_TO_A_PERSON])
    return {**slots, "requested_slot": None}


@dataclass(frozen=True)
class Address:
    """An address a resident typed: the house and street, and the postcode (or what is wrong)."""

    text: str | None
    postcode: str | None
    problem: str | None = None
    stop: bool = False


def read_address(value: Any, what_for: str, in_area: bool) -> Address:
    """ "12 Tamar Close, PL2 1AB": a real postcode (in the council's area when in_area) and the rest."""
    raw = " ".join(str(value or "").split())
    example = "For example: 12 Tamar Close, PL2 1AB."
    if len(raw) > MAX_ADDRESS_CHARS or _HTML.search(raw):
        return Address(
            None,
            None,
            f"Please type just the address, in under {MAX_ADDRESS_CHARS} characters. {example}",
        )
    postcode = normalise_postcode(raw)
    if postcode is None:
        return Address(None, None, f"Please type the address with its postcode. {example}")
    if in_area:
        check = check_local_postcode(postcode, what_for)
        if check.postcode is None:
            return Address(None, None, check.problem, stop=check.stop)
    elif context.postcodes().lookup(postcode) is None:
        return Address(
            None,
            None,
            f"I couldn't find the postcode {postcode}. Please check it and type the address again.",
        )
    pattern = r"\s*".join(postcode.replace(" ", ""))
    rest = re.sub(pattern, " ", raw, flags=re.IGNORECASE)
    rest = " ".join(rest.replace(" ,", ",").split()).strip(" ,.;-")
    if not any(c.isalpha() for c in rest):
        return Address(None, None, f"Please add the house number or name and the street. {example}")
    return Address(f"{rest}, {postcode}", postcode)


def address_problem(dispatcher: CollectingDispatcher, slot: str, found: Address) -> dict[str, Any]:
    dispatcher.utter_message(text=found.problem, buttons=[TALK_TO_A_PERSON])
    return {slot: None, "requested_slot": None} if found.stop else {slot: None}


def read_account_number(value: Any) -> str | None:
    """The account number in what the resident typed ("sorry 51948230", "its 5194 8230 i think"), if one
    has the council's format."""
    rules = context.council().council_tax
    if rules is None:
        return None
    text = str(value or "")
    # A number written in groups ("5194 8230", "5194-8230") first, then each run of digits alone.
    grouped = [re.sub(r"[\s-]", "", run) for run in _DIGIT_GROUPS.findall(text)]
    for candidate in (*grouped, *_DIGITS.findall(text)):
        if rules.account_number.matches(candidate):
            return candidate
    return None


def account_question(whose: str = "your") -> str:
    rules = context.council().council_tax
    assert rules is not None
    number = rules.account_number
    return (
        f"What's {whose} council tax account number? It's {number.description} "
        f"(like {number.example}) and it's at the top of your bill. If you don't know it, that's fine."
    )


def validate_account(
    value: Any, dispatcher: CollectingDispatcher, tracker: Tracker
) -> dict[str, Any]:
    """An account number in the council's format, or "unknown" when the resident doesn't have it."""
    if value == "unknown":
        return {"ctax_account": "unknown"}
    number = read_account_number(value)
    if number:
        return {"ctax_account": number}
    if says_dont_know(value):
        return {"ctax_account": "unknown"}
    if says_stop(tracker, value):
        return stop_form(dispatcher, {"ctax_account": None})
    rules = context.council().council_tax
    assert rules is not None
    dispatcher.utter_message(
        text=f"That doesn't look like an account number: it's {rules.account_number.description}. "
        'Please type it again, or press "I don\'t know it".',
        buttons=[DONT_KNOW_BUTTON],
    )
    return {"ctax_account": None}


def account_words(value: str | None) -> str:
    return value if value and value != "unknown" else "not given"


def date_problem(check: DateCheck, what: str, too_early_next: str, too_late_next: str) -> str:
    """Why a date can't be taken, in plain words, with what to do instead."""
    if check.problem == "not_a_date":
        return "That date doesn't exist. Please check it and type it again, for example 12/01/2027."
    if check.problem == "unreadable":
        return (
            f"Sorry, I didn't understand the {what}. Please type it like 12/01/2027, "
            "1st March or next Friday."
        )
    assert check.day is not None and check.earliest is not None and check.latest is not None
    if check.problem == "too_early":
        return (
            f"{day_and_date(check.day)} is too long ago: I can take a {what} from "
            f"{day_and_date(check.earliest)}. {too_early_next}"
        )
    return (
        f"{day_and_date(check.day)} is too far ahead: I can take a {what} up to "
        f"{day_and_date(check.latest)}. {too_late_next}"
    )


def validate_date(
    slot: str,
    value: Any,
    dispatcher: CollectingDispatcher,
    tracker: Tracker,
    window: Any,
    what: str,
    too_early_next: str,
    too_late_next: str,
) -> dict[str, Any]:
    """A date within the council's window, as YYYY-MM-DD; otherwise the reason and the question again."""
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return {slot: value}  # already read (the form restarted)
    if says_stop(tracker, value):
        return stop_form(dispatcher, {slot: None})
    check = check_date(
        str(value or ""), context.today(), window.earliest_days_ago, window.latest_days_ahead
    )
    if check.problem is None and check.day is not None:
        return {slot: check.day.isoformat()}
    out_of_range = check.problem in ("too_early", "too_late")
    dispatcher.utter_message(
        text=date_problem(check, what, too_early_next, too_late_next),
        buttons=[TALK_TO_A_PERSON] if out_of_range else [],
    )
    return {slot: None}


def validate_confirm(
    slot: str, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker
) -> dict[str, Any]:
    """Yes sends it; no stops with nothing sent; anything else asks again."""
    if value is True or says_yes(tracker, value):
        return {slot: True}
    if says_stop(tracker, value):
        return stop_form(dispatcher, {slot: None})
    dispatcher.utter_message(
        text="Please press Yes to send it, or No to stop.", buttons=SEND_OR_NOT
    )
    return {slot: None}


def when(day_iso: str) -> str:
    return day_and_date(date.fromisoformat(day_iso))


@dataclass(frozen=True)
class Person:
    """How to name the person a form is about: the resident ("you") or who they act for ("your dad")."""

    subject: str  # "you" / "your dad"
    possessive: str  # "your" / "your dad's"
    is_: str  # "are you" / "is your dad"
    they_are: str  # "you're" / "your dad is"


def person(tracker: Tracker) -> Person:
    """The person the forms ask about, from the acting_for slot ("I'm asking for my dad")."""
    acting_for = tracker.get_slot("acting_for")
    if not acting_for:
        return Person("you", "your", "are you", "you're")
    who = str(acting_for).replace("their ", "your ", 1)
    return Person(who, f"{who}'s", f"is {who}", f"{who} is")
