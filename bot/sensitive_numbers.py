"""Finds and removes card numbers, bank details, National Insurance numbers and passwords from text.

None of these is ever stored (PCI DSS for cards; UK GDPR data minimisation for the rest): every
channel masks a resident's message with `mask_text` before anything is written, and the stores
mask again as a second line of defence. Card numbers are only masked when they pass the Luhn
check (python-stdnum), so a council tax account number or one of our references survives.
Phone numbers and postcodes are left alone: the forms need them.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from stdnum import iban, luhn


class Kind(enum.Enum):
    """What was removed; the value is what the advisor sees in its place."""

    PASSWORD = "[password removed]"
    BANK = "[bank details removed]"
    NINO = "[National Insurance number removed]"
    CARD = "[card number removed]"


#: How the resident is told what was removed (in the order they are named).
_NAMES = {
    Kind.CARD: "a card number",
    Kind.BANK: "bank details",
    Kind.NINO: "a National Insurance number",
    Kind.PASSWORD: "a password",
}
_MARKERS = {kind.value: kind for kind in Kind}
_MARKER_STARTS = tuple(marker.split(" ")[0] for marker in _MARKERS)
_MARKER_PATTERN = re.compile("|".join(re.escape(marker) for marker in _MARKERS))

# Nothing below can match text without a digit or one of these words: most messages stop here.
_MAY_HOLD = re.compile(r"\d|pass|pwd|\bpin\b", re.IGNORECASE)
_OTHER_DIGIT = re.compile(r"(?![0-9])\d")  # "٤" or "４": searched for as the digit it stands for

# --- passwords -----------------------------------------------------------------------------
_PASSWORD = re.compile(
    r"\b(?:pass\s?words?|passwd|pass\s?codes?|pass\s?phrases?|pwd|pin(?:\s(?:number|code|no))?)"
    r"(?:\s(?:for|on|to)\s(?:[\w'-]+\s){0,4}?)?"  # "password for the council tax site is ..."
    r"(?:\s+(?:is\s+)?now\s+|\s*(?:'s|\bis\b|\bwas\b|[:=])\s*)"
    r"(?P<secret>\"[^\"\n]{1,64}\"|'[^'\n]{1,64}'|[^\s\"']{1,64})",
    re.IGNORECASE,
)
_BARE_PIN = re.compile(r"\bpin\s+(?P<secret>\d{4,6})\b", re.IGNORECASE)
# Words after "password is" that describe it rather than reveal it ("my password is wrong").
_NOT_A_SECRET = frozenset(
    """not wrong incorrect too expired locked invalid correct right the a an case reset changed
    working blocked missing lost forgotten same different required needed being still also my
    your what that this why how there so really very just it no never always definitely can
    could please help i i'm you we and but or for to in on of is was has have had will won't
    doesn't isn't wasn't keeps gets""".split()
)

# --- bank details --------------------------------------------------------------------------
_SORT = r"\d{2}[ -]?\d{2}[ -]?\d{2}"
_SORT_AFTER_WORDS = re.compile(
    r"\bsort[\s-]?code\b(?:\s*(?:is|was|number|no\.?|[:=#-]|it'?s))*\s*(?P<number>" + _SORT + r")"
    r"(?![\w]|[ -]\d)",
    re.IGNORECASE,
)
# "12-34-56 12345678": a sort code then an account number, not part of a longer run of numbers.
_SORT_THEN_ACCOUNT = re.compile(
    r"(?<![\w+])(?<!\d[ -])(?P<number>" + _SORT + r")(?:\s*[,/]\s*|\s+)(?P<account>\d{8})"
    r"(?![\w]|[ -]\d)"
)
_ACCOUNT = re.compile(r"(?<![\w+])(?<!\d[ -])(?:\d{8}|\d{4}[ -]\d{4})(?![\w]|[ -]\d)")
_BANK_ACCOUNT_WORDS = re.compile(
    r"\bbank\s+(?:account|acc|a/c)\b(?:\s*(?:number|no\.?|num|is|was|[:=#]))*\s*"
    r"(?P<number>\d{8}|\d{4}[ -]\d{4})(?![\w]|[ -]\d)",
    re.IGNORECASE,
)
# "my council tax account is 51234567": never a bank account, however near a sort code.
_COUNCIL_TAX_ACCOUNT = re.compile(
    r"\bcouncil\s*tax\s+(?:account|acc|a/c|ref(?:erence)?)?(?:\s*(?:number|no|num|is|was|[.:=#]))*"
    r"\s*(?P<number>\d{8}|\d{4}[ -]\d{4})(?![\w]|[ -]\d)",
    re.IGNORECASE,
)
ACCOUNT_NEAR_SORT_CODE = 40  # characters between a sort code and its account number at most
_IBAN_CANDIDATE = re.compile(
    r"(?<![\w])[A-Z]{2}\d{2}[A-Z0-9]{0,30}(?:\s[A-Z0-9]{1,30}){0,8}(?![\w])", re.IGNORECASE
)

# --- National Insurance numbers ------------------------------------------------------------
# HMRC's rules: the first letter is not D, F, I, Q, U or V; the second is not D, F, I, O, Q,
# U or V; BG, GB, KN, NK, NT, TN and ZZ are never issued; the suffix is A, B, C or D. QQ is
# HMRC's specimen printed on forms: residents copy it, so it is treated as a real one.
_NINO_LETTERS = r"(?P<prefix>[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]|QQ)"
_NINO_DIGITS = r"\d{2}\s?\d{2}\s?\d{2}"
_NINO = re.compile(
    r"(?<![\w])" + _NINO_LETTERS + r"\s?" + _NINO_DIGITS + r"\s?[A-D](?![\w])", re.IGNORECASE
)
# After the words, the suffix may be left off ("my NI number is AB123456").
_NINO_AFTER_WORDS = re.compile(
    r"(?:\bnational\s+insurance|\bN\.?I\.?N?O?\b)(?:\s*(?:number|no|num|is|was|[.:=#]))*\s*"
    r"(?P<number>" + _NINO_LETTERS + r"\s?" + _NINO_DIGITS + r"(?:\s?[A-D])?)(?![\w])",
    re.IGNORECASE,
)
_NEVER_ISSUED = frozenset({"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"})

# --- card numbers --------------------------------------------------------------------------
# Runs of digit groups joined by single spaces or dashes; a card is 13 to 19 digits of a run.
_DIGIT_RUN = re.compile(r"(?<![\w+])\d+(?:[ -]\d+)*(?![\w])")
_GROUP = re.compile(r"\d+")
CARD_DIGITS = range(13, 20)


@dataclass(frozen=True)
class Masked:
    """Text with what must never be stored replaced, and what kinds were found."""

    text: str
    found: frozenset[Kind]


def _replace(text: str, spans: Iterable[tuple[int, int]], kind: Kind) -> str:
    """The text with each (start, end) span replaced by the kind's marker."""
    out, last = [], 0
    for start, end in sorted(set(spans)):
        if start < last:
            continue
        out.append(text[last:start])
        out.append(kind.value)
        last = end
    out.append(text[last:])
    return "".join(out)


def _password_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    for match in _PASSWORD.finditer(text):
        secret = match.group("secret").strip("\"'").lower().rstrip(".,;!?")
        if text.startswith(_MARKER_STARTS, match.start("secret")):
            continue  # already removed
        if secret and secret not in _NOT_A_SECRET:
            spans.append(match.span("secret"))
    spans.extend(match.span("secret") for match in _BARE_PIN.finditer(text))
    return spans


def _bank_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for match in _SORT_THEN_ACCOUNT.finditer(text):
        spans.append((match.start("number"), match.end("account")))
    sort_codes = [match.span("number") for match in _SORT_AFTER_WORDS.finditer(text)]
    council_tax = {match.span("number") for match in _COUNCIL_TAX_ACCOUNT.finditer(text)}
    accounts = [m.span() for m in _ACCOUNT.finditer(text) if m.span() not in council_tax]
    for start, end in sort_codes:
        spans.append((start, end))
        # The account number nearest the sort code is the bank's; any other 8-digit number
        # (a council tax account) is left alone.
        near = [
            (max(a_start - end, start - a_end), (a_start, a_end))
            for a_start, a_end in accounts
            if a_end <= start or a_start >= end
        ]
        near = [(gap, span) for gap, span in near if 0 <= gap <= ACCOUNT_NEAR_SORT_CODE]
        if near:
            spans.append(min(near)[1])
    spans.extend(match.span("number") for match in _BANK_ACCOUNT_WORDS.finditer(text))
    for match in _IBAN_CANDIDATE.finditer(text):
        span = _iban_span(text, match.start(), match.end())
        if span:
            spans.append(span)
    return spans


def _iban_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The longest valid IBAN starting at `start`, cutting trailing groups (a following word)."""
    candidate = text[start:end]
    while candidate:
        if len(re.sub(r"\s", "", candidate)) >= 15 and iban.is_valid(candidate):
            return start, start + len(candidate)
        cut = candidate.rstrip().rfind(" ")
        if cut <= 0:
            return None
        candidate = candidate[:cut]
    return None


def _nino_spans(text: str) -> list[tuple[int, int]]:
    spans = [
        match.span()
        for match in _NINO.finditer(text)
        if match.group("prefix").upper() not in _NEVER_ISSUED
    ]
    spans.extend(
        match.span("number")
        for match in _NINO_AFTER_WORDS.finditer(text)
        if match.group("prefix").upper() not in _NEVER_ISSUED
    )
    return spans


def _card_spans(text: str) -> list[tuple[int, int]]:
    """Every stretch of digit groups holding 13-19 digits that passes Luhn, overlaps merged.

    Taking them all (not the first found) means digits typed just before a card number
    ("flat 2 4111 1111 ...") can never leave part of the card behind.
    """
    found: list[tuple[int, int]] = []
    for run in _DIGIT_RUN.finditer(text):
        groups = [(g.start() + run.start(), g.end() + run.start()) for g in _GROUP.finditer(run[0])]
        for i, (first_start, _) in enumerate(groups):
            if text[first_start] == "0":
                continue  # no card number starts with 0 (a phone number often does)
            digits = ""
            for start, end in groups[i:]:
                digits += text[start:end]
                if len(digits) > max(CARD_DIGITS):
                    break
                if len(digits) in CARD_DIGITS and luhn.is_valid(digits):
                    found.append((first_start, end))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(found):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


_FINDERS = (
    (Kind.PASSWORD, _password_spans),
    (Kind.BANK, _bank_spans),
    (Kind.NINO, _nino_spans),
    (Kind.CARD, _card_spans),
)


def _ascii_digits(text: str) -> str:
    """The text with every digit written as 0-9: one character for one, so positions hold."""
    if text.isascii():
        return text
    return _OTHER_DIGIT.sub(lambda digit: str(unicodedata.decimal(digit[0])), text)


def mask_text(text: str) -> Masked:
    """Replace card numbers, bank details, National Insurance numbers and passwords."""
    if not text or not _MAY_HOLD.search(text):
        return Masked(text, frozenset())
    found = set()
    for kind, finder in _FINDERS:
        spans = finder(_ascii_digits(text))
        if spans:
            text = _replace(text, spans, kind)
            found.add(kind)
    return Masked(text, frozenset(found))


def mask(text: str) -> str:
    """The text with anything that must never be stored replaced."""
    return mask_text(text).text


def mask_json(value: Any) -> Any:
    """Mask every string in a JSON-like value (keys, numbers and the shape unchanged)."""
    if isinstance(value, str):
        return mask(value)
    if isinstance(value, dict):
        return {key: mask_json(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [mask_json(item) for item in value]
    return value


def removed_from(text: str) -> frozenset[Kind]:
    """The kinds whose markers appear in already-masked text."""
    return frozenset(_MARKERS[m] for m in _MARKER_PATTERN.findall(text or ""))


def removed_from_json(value: Any) -> frozenset[Kind]:
    """The kinds whose markers appear in any string of an already-masked JSON-like value."""
    if isinstance(value, str):
        return removed_from(value)
    items = value.values() if isinstance(value, dict) else value
    if isinstance(value, dict | list | tuple):
        return frozenset().union(*(removed_from_json(item) for item in items))
    return frozenset()


def removal_notice(found: Iterable[Kind]) -> str | None:
    """What the resident is told, once, in the reply to a message something was removed from."""
    kinds = [kind for kind in _NAMES if kind in set(found)]
    if not kinds:
        return None
    names = [_NAMES[kind] for kind in kinds]
    what = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
    if len(kinds) > 1:
        send, ask = "them", "them"
    elif kinds[0] in (Kind.CARD, Kind.BANK):
        send, ask = "card or bank details", "them"
    else:
        send, ask = "it", "it"
    return (
        f"I've removed what looked like {what} from your message, to keep it safe. "
        f"Please don't send {send} here; we'll never ask for {ask} in this chat."
    )
