"""Reads what a resident wants from a venue out of their own words ("wifi, open on Saturday")."""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from bot.council.schedule import WEEKDAYS
from bot.records.venues import WEEKEND, VenueWants

#: Words (and short phrases) residents use for each facility.
FACILITY_WORDS: dict[str, tuple[str, ...]] = {
    "wifi": ("wifi", "wi fi", "wireless", "internet connection", "hotspot", "broadband"),
    "computers": ("computer", "computers", "pc", "pcs", "laptop", "laptops", "desktop"),
    "printing": (
        "print",
        "printing",
        "printer",
        "printout",
        "photocopy",
        "photocopier",
        "scan",
        "scanner",
    ),
    "courses": ("course", "courses", "class", "classes", "lesson", "lessons", "beginners"),
    "assisted_digital": ("someone to help", "helper", "one to one", "sit with me", "assisted"),
    "step_free": (
        "step free",
        "wheelchair",
        "no stairs",
        "no steps",
        "accessible",
        "lift",
        "ramp",
        "mobility scooter",
    ),
    "hearing_loop": ("hearing loop", "induction loop", "loop system", "hearing aid"),
}
_DAY_WORDS = {day: {day, day[:3], day + "s"} for day in WEEKDAYS}
_WEEKEND_WORDS = ("weekend", "weekends", "at the weekend")
_OPEN_NOW = ("open now", "open right now", "open at the moment", "open currently", "right now")

#: What gets in the way of getting online, and which facilities help with it.
BARRIERS: dict[str, tuple[str, frozenset[str]]] = {
    "no_access": ("No device or internet at home", frozenset({"computers", "wifi"})),
    "confidence": ("I'm not confident online", frozenset({"assisted_digital", "courses"})),
    "scams": ("I'm worried about scams", frozenset({"assisted_digital", "courses"})),
    "learn": ("I want to learn", frozenset({"courses", "assisted_digital"})),
    "just_access": ("I just need a computer or WiFi", frozenset({"computers", "wifi"})),
}
_BARRIER_WORDS: dict[str, tuple[str, ...]] = {  # scams first: "scared of scams" is about scams
    "scams": ("scam", "scams", "fraud", "hacked", "safe online", "staying safe", "phishing"),
    "no_access": ("no device", "no internet", "no computer", "no phone", "no wifi", "no connection",
                  "dont have", "do not have", "havent got", "can't afford", "cant afford", "no data"),
    "confidence": ("not confident", "confidence", "nervous", "scared", "anxious", "not sure how",
                   "struggle", "dont know how", "confusing", "confused"),
    "learn": ("learn", "learning", "course", "lessons", "class", "teach", "skills", "beginner"),
    "just_access": ("just need", "only need", "need a computer", "need wifi", "need to print", "just a computer"),
}  # fmt: skip


def _clean(text: str) -> str:
    text = re.sub(r"['’]", "", str(text).lower())
    text = text.replace("wi-fi", "wifi").replace("step-free", "step free").replace("-", " ")
    return " ".join(re.findall(r"[a-z0-9]+", text))


def _mentions(clean: str, phrase: str) -> bool:
    """The phrase appears as whole words, or one word is a near miss for a single-word phrase."""
    if re.search(rf"\b{re.escape(phrase)}\b", clean):
        return True
    if " " in phrase or len(phrase) < 4:
        return False
    return any(fuzz.ratio(word, phrase) >= 85 for word in clean.split() if len(word) >= 4)


def read_wants(text: str, barrier: str | None = None) -> VenueWants:
    """Facilities, days and "open now" from the resident's words, plus what helps with their barrier."""
    clean = _clean(text)
    facilities = {
        key for key, words in FACILITY_WORDS.items() if any(_mentions(clean, w) for w in words)
    }
    days = {
        WEEKDAYS.index(day)
        for day, words in _DAY_WORDS.items()
        if any(_mentions(clean, w) for w in words)
    }
    if any(_mentions(clean, w) for w in _WEEKEND_WORDS):
        days |= WEEKEND
    open_now = any(_mentions(clean, w) for w in _OPEN_NOW)
    any_of = BARRIERS[barrier][1] if barrier in BARRIERS else frozenset()
    return VenueWants(frozenset(facilities), any_of, frozenset(days), open_now)


def barrier_button(text: str) -> str | None:
    """The barrier whose button title this is, word for word (a pressed button), or None."""
    clean = _clean(text)
    return next((key for key, (title, _) in BARRIERS.items() if clean == _clean(title)), None)


def read_barrier(text: str) -> str | None:
    """The barrier key a resident's answer (a button title or their own words) names, or None."""
    clean = _clean(text)
    for key, (title, _) in BARRIERS.items():
        if clean == _clean(title) or clean == key.replace("_", " "):
            return key
    for key, words in _BARRIER_WORDS.items():
        if any(_mentions(clean, _clean(w)) for w in words):
            return key
    return None


def describe(wants: VenueWants) -> str:
    """The filters back in plain words, e.g. "with WiFi, open on Saturday"."""
    names = {
        "wifi": "WiFi", "computers": "computers", "printing": "printing", "courses": "courses",
        "assisted_digital": "one-to-one help", "step_free": "step-free access", "hearing_loop": "a hearing loop",
    }  # fmt: skip
    parts = []
    if wants.facilities:
        items = [names[f] for f in sorted(wants.facilities)]
        parts.append(
            "with "
            + (
                " and ".join(items)
                if len(items) < 3
                else ", ".join(items[:-1]) + " and " + items[-1]
            )
        )
    if wants.days == WEEKEND:
        parts.append("open at the weekend")
    elif wants.days:
        parts.append("open on " + " or ".join(WEEKDAYS[d].title() for d in sorted(wants.days)))
    if wants.open_now:
        parts.append("open now")
    return ", ".join(parts)
