"""What a resident means inside a form besides an answer: stop, say again, a question, "don't know", a correction.

These are Rasa Pro's conversation-repair patterns (cancel, repeat, clarification, skip,
correction) as plain rules over the resident's words, so they work the same in every form
and never depend on a classifier's score. ``actions/forms/validation.py`` acts on them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from actions import context
from actions.bulky_items import encode, items_in_message
from bot.records.postcodes import normalise_postcode

#: "cancel", "actually don't bother", "changed my mind", "my brother is taking it to the tip".
_CANCEL = re.compile(
    r"\bcancel\b|\bcancel+ (it|that|this)\b|\bdon'?t bother\b|\bdont bother\b|\bnot bother(ing)?\b"
    r"|\bchang(ed|e) (my|of) mind\b|\bnever ?mind\b|\bforget (it|that|about it|this)\b"
    r"|^\s*(stop|quit|exit|abort)\b|\bstop (this|that|it|now|please)\b|\bscrap (that|it|this)\b"
    r"|\bno longer (need|want)|\bdon'?t (need|want) (it|this|that|one|them|to)( any ?more| now)?\s*$"
    r"|\bdon'?t (need|want) (it|this|that|them) any ?more\b|\bnot needed any ?more\b"
    r"|\b(tak(e|ing)|drop(ping)?) (it|them|that|the \w+)( \w+)? (to|down) the tip\b"
    r"|\b(sorted|dealt with) it (myself|ourselves)\b|\bleave it\s*$|\bdon'?t want to (do|go on|carry on)\b"
    r"|\bwon'?t be needed\b|\bno need any ?more\b",
    re.IGNORECASE,
)
#: "can you say that again?", "what?", "pardon", "sorry?", "come again".
_REPEAT = re.compile(
    r"^\W*(what|wot|wat|eh|huh|pardon( me)?|sorry|come again|you what|what was that|say again)\W*$"
    r"|\b(say|ask) (that|it|the question) again\b|\brepeat (that|the question|it|yourself)\b"
    r"|\bdidn'?t (get|catch|understand|see) (that|the question|what you (said|asked))\b"
    r"|\bwhat (was|is) the question\b|\bwhat did you (say|ask)\b|\bwhat do you mean\b",
    re.IGNORECASE,
)
#: "I don't know", "not sure", "no idea", "can't remember".
_DONT_KNOW = re.compile(
    r"^\W*(sorry,? )?(i )?(really )?(don'?t|dont|do not) know( it| that| the \w+)?\W*$"
    r"|^\W*(i'?m )?(not sure|unsure|no idea|dunno|no clue|not a clue)\W*$"
    r"|^\W*(i )?(can'?t|cannot|don'?t) remember( it| that)?\W*$",
    re.IGNORECASE,
)
_THANKS = re.compile(
    r"^\W*(thanks|thank you|thank u|ta|cheers|ok thanks|okay thanks|hi|hello|hiya)\W*$", re.I
)
#: A question asked back, by topic.
_QUESTIONS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "why",
        re.compile(
            r"\bwhy (do|d|would|are|r|is) (you|u|it)\b|\bwhy (do )?you need\b|\bwhat('?s| is| do you need) (it|that|this) for\b"
            r"|\bwhy\b.*\b(need|want|ask)|\bwhat (will|do) you (do|use) (it|that|this|my \w+) (for|with)\b",
            re.I,
        ),
    ),
    (
        "cost",
        re.compile(
            r"\bhow much\b|\bcost\b|\bprice\b|\bcharge\b|\bis (it|this|that) free\b|\bfee\b"
            r"|\bdo (i|we) (have to|need to) pay\b",
            re.I,
        ),
    ),
    (
        "contact",
        re.compile(
            r"\b(will|would|do|does|are|is) (some ?one|some ?body|any ?one|any1|you|u|they|the council"
            r"|a person|an advisor|the team)\b.{0,25}\b(ring|call|phone|text|email|e-mail|contact|get in "
            r"touch|let me know|get back to)\b"
            r"|\bwill i (get|hear|be) (a |an )?(call|text|email|e-mail|phone call|back|called|contacted|told)\b"
            r"|\bhow will (i|you) (know|hear|contact|let me know)\b",
            re.I,
        ),
    ),
    (
        "when",
        re.compile(
            r"\bwhen (will|are|do|does|would|can|is)\b|\bhow long\b|\bhow soon\b|\bwhat time\b"
            r"|\bwhich day (will|do|does)\b",
            re.I,
        ),
    ),
)
#: Words that say the resident is putting an earlier answer right.
_CORRECTION = re.compile(
    r"^\W*(no|nope|sorry|soz|oops|actually|wait|hang on|hold on|my mistake|my bad|i meant|i mean|"
    r"correction|wrong)\b|\bnot the\b|\bwrong\b|\bi meant\b|\bshould (be|have been|of been)\b"
    r"|\binstead\b|\bmistake\b|\btypo\b|\bit was (actually )?the\b|\bnot \w+ (one|bin)\b",
    re.IGNORECASE,
)
#: "not the black one", "instead of 12", "rather than Monday": the wrong answer, dropped before reading.
_NEGATED = re.compile(
    r"\b(not|instead of|rather than)\s+(the\s+|number\s+|no\.?\s*)?[\w'-]+(\s+(one|bin|box|caddy))?",
    re.IGNORECASE,
)
_MARKERS = re.compile(
    r"^\W*((oh|ah|no|nope|sorry|soz|oops|actually|wait|hang on|hold on|my mistake|my bad|i meant|i mean|"
    r"correction|wrong \w+)\W+)+",
    re.IGNORECASE,
)
_HOUSE = re.compile(
    r"\b(?:number|no\.?|num|house|flat|at|its|it'?s|it is)\s*(\d{1,4}[a-z]?)\b", re.I
)
_BARE_NUMBER = re.compile(r"^\W*(\d{1,4}[a-z]?)\W*$", re.I)
DATE_WORDS = re.compile(
    r"\b\d{1,2}(st|nd|rd|th)\b|\b\d{1,2}[/.-]\d{1,2}\b|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct"
    r"|nov|dec)[a-z]*\b|\b(mon|tues?|wed(nes)?|thu(rs)?|fri|sat(ur)?|sun)(day)?\b|\btoday\b"
    r"|\byesterday\b|\btomorrow\b|\blast (week|month)\b|\bnext (week|month)\b",
    re.IGNORECASE,
)
_REG = re.compile(r"\b([A-Z]{2}\d{2}\s?[A-Z]{3})\b", re.IGNORECASE)
_ACCOUNT = re.compile(r"\b(\d{8})\b")

#: What a topic word in a correction ("wrong date", "wrong address") names.
_TOPICS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (re.compile(r"\bdate\b|\bday\b", re.I), ("date",)),
    (re.compile(r"\bpostcode\b", re.I), ("postcode",)),
    (re.compile(r"\baddress\b", re.I), ("postcode", "address")),
    (re.compile(r"\b(house|door) number\b|\bwrong number\b", re.I), ("house",)),
    (re.compile(r"\bbin\b|\bbox\b|\bcaddy\b", re.I), ("bin_type", "bin_container")),
    (re.compile(r"\bitems?\b|\bthings\b", re.I), ("bulky_items",)),
)

#: Later answers that depend on an earlier one: a new postcode means the street and house again.
DEPENDENTS: dict[str, tuple[str, ...]] = {
    "postcode": ("street", "house"),
    "street": ("house",),
    "bin_container": ("bin_reason", "bin_household"),
    "bin_reason": ("bin_household",),
    "venue_postcode": ("booking_venue", "booking_slot"),
    "booking_venue": ("booking_slot",),
    "bulky_items": (),
}

#: Why each answer is needed, in plain words (for "why do you need my address?" and "I don't know").
WHY: dict[str, str] = {
    "postcode": "The postcode tells me the home is in our area and which street and collection round it's on.",
    "street": "I need the street to find the right place.",
    "house": "I need the house number or name to know exactly which home it is.",
    "bin_type": "Each bin is emptied by a different crew, so I need to know which one to send back.",
    "bin_container": "I need to know which bin, box or caddy to bring.",
    "bin_reason": "The reason decides what we can give and whether there's a charge.",
    "bulky_items": "The items decide the price and how much room the crew needs.",
    "bulky_date": "I need a day so the crew can plan the round.",
    "report_location": "The crew needs to know where it is to find it.",
    "venue_postcode": "Your postcode lets me find the nearest places to you. It isn't stored.",
    "ctax_move_date": "Council tax is worked out from the day you moved, so the bill is right to the day.",
    "ctax_discount_date": "The discount starts from that date, so the bill is right.",
    "benefit_change_date": "The date decides from when your benefit changes.",
    "ctax_old_address": "We need the address you left to close that bill.",
    "ctax_new_address": "We need the new address to send your bill or final bill there.",
    "ctax_discount_address": "We need the address to find the right council tax account.",
    "benefit_postcode": "The postcode helps us find your claim.",
    "reference": "The reference tells me which request you mean.",
    "vehicle_reg": "The number plate is printed on the permit so wardens can check it.",
    "repair_room": "The room helps the repairs team bring the right tools.",
    "repair_description": "A short description helps the team bring the right parts.",
    "digital_barrier": "It helps me find a place that suits you. There's no wrong answer: choose the closest.",
    "permit_type": "A resident permit is for your own car, a visitor permit for guests' cars, and a business permit for a business vehicle.",
    "repair_kind": "What's wrong tells me how quickly it must be fixed and who to send.",
    "fly_tipping_kind": "What's been dumped tells us who to send and whether it's dangerous. 'Something else' is fine.",
    "street_problem_kind": "The kind of problem tells me which team to send. 'Something else' is fine.",
    "ctax_move_kind": "Moving in, out or within the area changes which bills we send.",
}
PRIVACY = "We only use it for this request."

#: Slots whose own question already accepts "I don't know" (optional answers): left to the form.
SELF_HANDLED_DONT_KNOW = frozenset(
    {"ctax_account", "fly_tipping_seen", "repair_phone", "lamp_column", "booking_mobile",
     "street_problem_urgent", "repair_check", "bin_household"}
)  # fmt: skip


#: Questions answered in the resident's own words at length: only a short message is a repair
#: there ("I no longer need childcare, so my costs went down" is a description, not a stop).
DESCRIPTIONS = frozenset({"benefit_change_details", "repair_description", "street_problem_details"})
SHORT_MESSAGE_WORDS = 6


@dataclass(frozen=True)
class Repair:
    """What the message does to the form: "cancel", "repeat", "question", "dont_know", "thanks" or "correction"."""

    kind: str
    topic: str = ""


def is_contact_question(text: str) -> bool:
    """ "Will someone ring me about it?": a question about what happens next, not a request for a person."""
    return detect_repair(text) == Repair("question", "contact")


def detect_repair(text: str) -> Repair | None:
    """The repair a message asks for, or None when it reads as an ordinary answer."""
    clean = " ".join((text or "").replace("’", "'").split())
    if not clean or clean.startswith("/"):
        return None
    if _CANCEL.search(clean):
        return Repair("cancel")
    if len(clean.split()) <= 9 and _REPEAT.search(clean):
        return Repair("repeat")
    if _DONT_KNOW.search(clean):
        return Repair("dont_know")
    if _THANKS.match(clean):
        return Repair("thanks")
    if len(clean.split()) <= 14:
        for topic, pattern in _QUESTIONS:
            if pattern.search(clean) and ("?" in clean or clean.lower().startswith(_ASKING)):
                return Repair("question", topic)
    if _CORRECTION.search(clean):
        return Repair("correction")
    return None


_ASKING = ("why", "how", "when", "what", "will", "do ", "does", "is ", "can ", "could")


def without_wrong_answer(text: str) -> str:
    """The message with the correction words and the wrong answer taken out: "it was the green one"."""
    kept = _NEGATED.sub(" ", text.replace("’", "'"))
    kept = _MARKERS.sub("", kept)
    return " ".join(kept.split()).strip(" ,.")


_DAY_ONLY = re.compile(r"\b(\d{1,2})(st|nd|rd|th)?\b")
_MONTH = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.I)


def _same_month(kept: str, previous: Any) -> str | None:
    """ "it's the 15th" after 14 December: 15 December (the month of the answer it corrects)."""
    found = _DAY_ONLY.search(kept)
    if not found or _MONTH.search(kept) or not isinstance(previous, str):
        return None
    try:
        return date.fromisoformat(previous).replace(day=int(found.group(1))).isoformat()
    except ValueError:
        return None


def says_more_than_no(text: str) -> bool:
    """ "sorry, it was 2 mattresses" says what was wrong; "no", "no thanks" do not."""
    kept = without_wrong_answer(text)
    return len(kept.split()) >= 2 and not _THANKS.match(kept)


def read_correction(slot: str, text: str, previous: Any = None) -> Any:
    """A new value for this slot in a correction, in the form its validator takes; None if none."""
    kept = without_wrong_answer(text)
    if not kept:
        return None
    if slot.endswith("_date") and slot != "bulky_date":
        same_month = _same_month(kept, previous)
        if same_month is not None:
            return same_month
    if slot in ("postcode", "venue_postcode", "benefit_postcode"):
        return normalise_postcode(kept)
    if slot == "house":
        found = _HOUSE.search(kept) or _BARE_NUMBER.match(kept)
        return found.group(1) if found else None
    if slot in ("bin_type", "bin_container"):
        bin_type = context.council().match_bin_type(kept)
        if bin_type is None:
            return None
        return bin_type.name if slot == "bin_type" else bin_type.key
    if slot.endswith("_date") and slot != "bulky_date":
        return kept if DATE_WORDS.search(kept) else None
    if slot == "bulky_items":
        rules = context.council().bulky_waste
        reading = items_in_message(kept, rules) if rules is not None else None
        return encode(reading.lines) if reading is not None and reading.lines else None
    if slot == "vehicle_reg":
        found = _REG.search(kept)
        return found.group(1) if found else None
    if slot == "ctax_account":
        found = _ACCOUNT.search(kept)
        return found.group(1) if found else None
    return None


def topic_slots(text: str, slots: list[str]) -> list[str]:
    """The form's slots a correction names without a new value ("wrong date", "wrong address")."""
    named: list[str] = []
    for pattern, kinds in _TOPICS:
        if not pattern.search(text):
            continue
        for slot in slots:
            if slot in named:
                continue
            if (
                "date" in kinds
                and slot.endswith("_date")
                or "address" in kinds
                and slot.endswith("_address")
                or slot in kinds
            ):
                named.append(slot)
    return named


def why_needed(slot: str) -> str:
    """Why the form asks for this, with what we do with it."""
    reason = WHY.get(slot)
    if reason is None:
        return f"I ask this to deal with your request properly. {PRIVACY}"
    return f"{reason} {PRIVACY}" if "stored" not in reason else reason
