"""Runs whole residents' conversations from a YAML file through the real webchat and judges how each ended.

A conversation is what a resident types, in order (`say`, or `press` a button by its title),
then optionally `cooperate`: answer whatever is still asked with the home's details, as the
scripted resident of tests/support/scripted_resident.py does. It is judged by what a resident,
an advisor or the council would notice at the end: a stored request and its reference, the
advisor ticket and its priority, nothing stored, a person offered, safety numbers given.
The file format is in README.md ("Whole-conversation tests").
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import yaml
from sqlalchemy import create_engine, select

from bot.council import get_council
from bot.privacy import sender_key
from bot.storage.models import HandoffTicket, ServiceRequest
from tests.e2e.webchat_client import WebchatClient
from tests.support.scripted_resident import NO_TITLES, REFERENCE, Household, next_reply, take_step

#: Turns the resident answers after the script, before giving up ("cooperate").
COOPERATE_TURNS = 8
#: Words that show a person was offered (a button to talk to one, or the words).
PERSON_OFFERED = re.compile(
    r"talk to a person|speak to (a person|someone|an advisor)|an advisor|call us on|"
    r"pass (this|you) to|one of our (team|advisors)|a member of (our|the) team|person",
    re.I,
)
#: Streets whose homes residents live in: each alone in its postcode and in parking zone A.
HOME_STREETS = ("Citadel Mews", "Millbay Terrace", "Sound View Crescent", "Harbour View Road")
#: Where residents move to (street, postcode, highest house number), in the demo data.
NEW_HOMES = (
    ("Mutley Gardens", "PL3 4BP", 36),
    ("Tamar Road", "PL2 1DE", 64),
    ("Southway Drive", "PL6 6BN", 84),
)


class Skip(Exception):
    """The conversation can't run today (e.g. no bin of that kind was due recently)."""


@dataclass
class Conversation:
    """One scripted resident's conversation and what must hold at its end."""

    id: str
    about: str
    turns: list[dict[str, str]]
    expect: dict[str, Any]
    home: str = "any"
    then: str = "stop"
    answers: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_yaml(cls, entry: dict[str, Any]) -> Conversation:
        return cls(
            id=entry["id"],
            about=entry.get("about", ""),
            turns=list(entry.get("turns") or []),
            expect=dict(entry.get("expect") or {}),
            home=str(entry.get("home") or "any"),
            then=str(entry.get("then") or "stop"),
            answers=dict(entry.get("answers") or {}),
        )


def load_conversations(path: Path) -> list[Conversation]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [Conversation.from_yaml(entry) for entry in data["conversations"]]


@dataclass
class Result:
    """How one conversation ended, and every way it fell short."""

    conversation: Conversation
    transcript: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    tickets: list[dict[str, Any]] = field(default_factory=list)
    requests: list[dict[str, Any]] = field(default_factory=list)
    skipped: str | None = None

    @property
    def passed(self) -> bool:
        return not self.problems

    @property
    def urgent(self) -> bool:
        return any(t["priority"] == "urgent" for t in self.tickets)

    def report(self) -> str:
        lines = [f"{self.conversation.id}: {self.conversation.about}"]
        lines += [f"  PROBLEM {p}" for p in self.problems]
        lines += [f"  {line}" for line in self.transcript]
        return "\n".join(lines)


def home_for(conversation_id: str, spec: str, now: datetime | None = None) -> Household:
    """The resident's own real home, different for each conversation so that no two residents'
    requests look like the same job; for `missed:<bin>`, a home whose bin was due lately."""
    council = get_council()
    seed = int(hashlib.sha256(conversation_id.encode()).hexdigest(), 16)
    streets = [s for s in council.streets if len(council.streets_for_postcode(s.postcode)) == 1]
    if spec.startswith("missed:"):
        streets = _missed_streets(spec.split(":", 1)[1], streets, now)
    else:
        streets = [s for s in streets if s.name in HOME_STREETS]
    street = streets[seed % len(streets)]
    first, last = street.first_number or 1, street.last_number or (street.first_number or 1)
    house = first + 1 + (seed // 7) % max(1, last - first) if last > first else first
    prefer = (council.bin_types[spec.split(":", 1)[1]].name,) if spec.startswith("missed:") else ()
    new_home = NEW_HOMES[(seed // 11) % len(NEW_HOMES)]
    moving_to = f"{1 + (seed // 13) % new_home[2]} {new_home[0]}, {new_home[1]}"
    return Household(street.postcode, street.name, str(house), new_address=moving_to, prefer=prefer)


def _missed_streets(bin_key: str, streets: list, now: datetime | None) -> list:
    from actions.missed_bin import assess_collection

    council = get_council()
    bin_type = council.bin_types.get(bin_key)
    if bin_type is None:
        raise ValueError(f"no bin type '{bin_key}' in the council's data")
    now = now or datetime.now(ZoneInfo(council.config.timezone))
    due = [
        s for s in streets
        if s.round_id(bin_key) and assess_collection(council, s, bin_type, now).outcome == "report"
    ]  # fmt: skip
    if not due:
        raise Skip(f"no {bin_type.name} was due in the last working days")
    return due


def fill(text: str, home: Household, replies: list[dict[str, Any]] = ()) -> str:  # type: ignore[assignment]
    """The resident's words with their own details put in; {reference} is the last one shown."""
    shown = REFERENCE.findall("\n".join(m.get("text") or "" for m in replies))
    return text.format(
        postcode=home.postcode,
        street=home.street,
        house=home.house,
        address=f"{home.house} {home.street}, {home.postcode}",
        reference=shown[-1].upper() if shown else "",
    )


class Runner:
    """Drives conversations against live servers and reads the database they share."""

    def __init__(self, webchat_url: str, database_url: str) -> None:
        self.webchat_url = webchat_url
        self.engine = create_engine(database_url, future=True)

    def close(self) -> None:
        self.engine.dispose()

    def run(self, conversation: Conversation) -> Result:
        result = Result(conversation)
        try:
            home = home_for(conversation.id, conversation.home)
        except Skip as why:
            result.skipped = str(why)
            return result
        chat = WebchatClient(self.webchat_url)
        replies: list[dict[str, Any]] = []
        last: list[dict[str, Any]] = chat.greeting
        answers = dict(conversation.answers)  # each used once, in this run only
        for turn in conversation.turns:
            if turn.get("cooperate"):
                last = self._cooperate(chat, last, home, answers, replies, result)
                continue
            if "press" in turn:
                title = fill(str(turn["press"]), home, replies)
                last = self._press(chat, last, title, result)
            else:
                text = fill(str(turn.get("say", "")), home, replies)
                result.transcript.append(f"> {text}")
                last = chat.send(text)
            self._heard(last, replies, result)
        if conversation.then == "cooperate":
            self._cooperate(chat, last, home, answers, replies, result)
        self._judge(chat.session_id, replies, result)
        return result

    def _press(self, chat: WebchatClient, last: list[dict[str, Any]], title: str, result: Result):
        for message in reversed(last):
            for button in message.get("buttons") or []:
                if (button.get("title") or "").lower().startswith(title.lower()):
                    result.transcript.append(f"> [{button['title']}]")
                    return chat.press(button["payload"], button["title"])
        result.transcript.append(f"> {title} (typed: no such button)")
        return chat.send(title)

    @staticmethod
    def _heard(
        messages: list[dict[str, Any]], replies: list[dict[str, Any]], result: Result
    ) -> None:
        replies.extend(messages)
        for message in messages:
            buttons = [b.get("title") for b in message.get("buttons") or []]
            text = (message.get("text") or "").replace("\n", " ")
            result.transcript.append(f"< {text}" + (f" {buttons}" if buttons else ""))

    def _cooperate(self, chat, last, home, answers, replies, result) -> list[dict[str, Any]]:
        """Answer what is asked until a reference is shown, the assistant stops, or 8 turns."""
        for _ in range(COOPERATE_TURNS):
            if REFERENCE.search("\n".join(m.get("text") or "" for m in last)):
                return last
            own = _own_answer(last, answers)
            chooser = replace(home, prefer=(*home.prefer, *_titles_in_own_words(last, result)))
            step = ("say", fill(own, home, replies)) if own else next_reply(last, chooser)
            if step is None:
                return last
            if result.transcript[-8:].count(f"> {step[1]}") >= 2:
                return last  # asked the same thing three times: a resident would give up
            last = take_step(chat, step, result.transcript)
            self._heard(last, replies, result)
        return last

    def _rows(self, model, where) -> list[dict[str, Any]]:
        with self.engine.connect() as connection:
            return [
                dict(row)
                for row in connection.execute(select(model.__table__).where(where)).mappings()
            ]

    def _judge(self, session_id: str, replies: list[dict[str, Any]], result: Result) -> None:
        expect = result.conversation.expect
        result.requests = self._rows(
            ServiceRequest, ServiceRequest.sender_key == sender_key(session_id)
        )
        result.tickets = self._rows(HandoffTicket, HandoffTicket.sender_id == session_id)
        said = "\n".join(m.get("text") or "" for m in replies)
        low = said.lower()
        problems = result.problems

        prefix = expect.get("reference")
        if prefix:
            made = [r for r in result.requests if r["reference"].startswith(f"{prefix}-")]
            if not made:
                problems.append(f"no {prefix}- request stored")
            elif not any(r["reference"] in said for r in made):
                problems.append(f"{made[0]['reference']} stored but never shown to the resident")
            stored = " ".join(_stored_text(r) for r in made).lower()
            for word in expect.get("stored_mentions") or []:
                if str(word).lower() not in stored:
                    problems.append(f"stored request does not mention {word!r}")
        if expect.get("nothing_stored") and result.requests:
            problems.append(f"stored {[r['reference'] for r in result.requests]}, expected nothing")
        cancelled = expect.get("cancelled")
        if cancelled and not any(
            r["reference"].startswith(f"{cancelled}-") and r["status"] == "cancelled"
            for r in result.requests
        ):
            problems.append(f"no {cancelled}- request was cancelled")

        ticket = expect.get("ticket")
        priorities = sorted({t["priority"] for t in result.tickets})
        if ticket == "none" and result.tickets:
            problems.append(f"ticket raised ({', '.join(priorities)}), expected none")
        elif ticket not in (None, "none", "any") and ticket not in priorities:
            problems.append(f"expected a {ticket} ticket, got {priorities or 'none'}")
        if ticket == "any" and not result.tickets:
            problems.append("expected a ticket, got none")

        if expect.get("offers_person") and not _person_offered(replies):
            problems.append("no person was offered")
        for text in expect.get("says") or []:
            if str(text).lower() not in low:
                problems.append(f"never said {text!r}")
        any_of = [str(t).lower() for t in expect.get("says_any") or []]
        if any_of and not any(t in low for t in any_of):
            problems.append(f"said none of {any_of}")
        for text in expect.get("never_says") or []:
            if str(text).lower() in low:
                problems.append(f"said {text!r}")
        last_any = [str(t).lower() for t in expect.get("last_says_any") or []]
        final = (replies[-1].get("text") or "").lower() if replies else ""
        if last_any and not any(t in final for t in last_any):
            problems.append(f"last reply said none of {last_any}")


def _own_answer(messages: list[dict[str, Any]], answers: dict[str, str]) -> str | None:
    """The conversation's own answer to a question (pattern -> text), used once each."""
    for pattern, text in list(answers.items()):
        if any(re.search(pattern, m.get("text") or "", re.I) for m in messages[-2:]):
            del answers[pattern]
            return str(text)
    return None


#: Words too common to choose a button by ("yes, report a missed bin").
_COMMON = frozenset(
    "that this with have your yours what when where which from there their about".split()
)


def _titles_in_own_words(messages: list[dict[str, Any]], result: Result) -> tuple[str, ...]:
    """Buttons naming something the resident said ("blue glass box" after "my blue box for
    glass"): a person picks the one that matches their own words, not the first."""
    said = " ".join(line[2:] for line in result.transcript if line.startswith("> ")).lower()
    denied = set(
        re.findall(r"\bnot (?:the |my |a |our )?([a-z]+)|\b([a-z]+) (?:was|is) fine", said)
    )
    words = {w for w in re.findall(r"[a-z]{4,}", said) if w not in _COMMON}
    words -= {w for pair in denied for w in pair}
    scored = []
    for button in (messages[-1].get("buttons") or []) if messages else []:
        title = button.get("title") or ""
        if NO_TITLES.match(title):
            continue  # never a "no" because it shares a word
        score = len(words & set(re.findall(r"[a-z]{4,}", title.lower())))
        if score:
            scored.append((score, title))
    return tuple(title for _, title in sorted(scored, reverse=True))


def _stored_text(row: dict[str, Any]) -> str:
    return f"{row.get('address', '')} {row.get('postcode', '')} {row.get('details', '')}"


def _person_offered(replies: list[dict[str, Any]]) -> bool:
    for message in replies:
        if any("request_human" in (b.get("payload") or "") for b in message.get("buttons") or []):
            return True
        if PERSON_OFFERED.search(message.get("text") or ""):
            return True
    return False
