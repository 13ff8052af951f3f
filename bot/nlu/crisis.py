"""Rule-based crisis and safeguarding detector that forces a crisis intent whatever the ML classifier says."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.intents import CRISIS_INTENTS
from bot.nlu import crisis_rules

try:  # Python's own regex parser: ``re._parser`` from 3.11, ``sre_parse`` before
    from re import _parser as _sre  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - depends on the Python version
    import sre_parse as _sre


@dataclass(frozen=True)
class CrisisMatch:
    """A crisis topic found in a message and the name of the rule that found it (never the text)."""

    intent: str
    rule: str


_QUOTES = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "\u00b4": "'", "`": "'", "\u02bc": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"',
    }
)  # fmt: skip
_LEET = str.maketrans("013457@$!|", "oieastasii")
_LEET_CHARS = frozenset("013457@$!|")
_VOWELS = frozenset("aeiou")

_ASCII_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f]")  # all but "\n"
_INNER_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)")
_REPEATED_LETTER = re.compile(r"([a-z])\1{2,}")
_TOKEN = re.compile(r"[\w@$!|]+")
_DIGIT_RUN = re.compile(r"\d\d")
#: Full stops (not "..."), ! ? ; and new lines end a sentence; clauses also end at , and :.
_SENTENCE_BREAK = re.compile(r"[!?;\n]+|(?<!\.)\.(?=\s|$)")
_CLAUSE_BREAK = re.compile(r"[.,;:!?\n]+")
_CLAUSE_ONLY_BREAK = re.compile(r"[,:]|\.(?=[.\S])")  # where the two readings would differ
_NOT_WORD = re.compile(r"[^\w\s]|_")
_NOT_WORD_OR_BAR = re.compile(r"[^\w\s|]|_")
_BEFORE_APOSTROPHES = tuple((re.compile(p), r) for p, r in crisis_rules.BEFORE_APOSTROPHES)
_PHRASES = tuple((re.compile(p), r) for p, r in crisis_rules.PHRASE_SPEAK)
_POSSESSIVE_ME = re.compile(crisis_rules.POSSESSIVE_ME)

#: Shortest token the fuzzy matcher will touch; shorter words are too easy to confuse.
FUZZY_MIN_LENGTH = 5
_KNOWN_WORDS = crisis_rules.FUZZY_KEYWORDS | crisis_rules.PROTECTED_WORDS
_KEYWORDS_BY_INITIAL: dict[str, tuple[str, ...]] = {
    initial: tuple(sorted(w for w in crisis_rules.FUZZY_KEYWORDS if w[0] == initial))
    for initial in {w[0] for w in crisis_rules.FUZZY_KEYWORDS}
}


def _anchor_at_word_starts(pattern: str) -> str:
    """Swap the leading ``\\b`` of each top-level alternative for a literal space.

    In prepared text every word follows exactly one space (a space is added at the
    front), so the two mean the same; a literal first character lets ``re`` skip
    between words, about three times faster on a 10,000-character message.
    """
    out: list[str] = []
    depth, i, at_start = 0, 0, True
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            out.append(" " if at_start and pattern[i + 1] == "b" else pattern[i : i + 2])
            i, at_start = i + 2, False
            continue
        if char == "[":
            end = pattern.index("]", i + 2)
            out.append(pattern[i : end + 1])
            i, at_start = end + 1, False
            continue
        depth += (char == "(") - (char == ")")
        out.append(char)
        i, at_start = i + 1, char == "|" and depth == 0
    return "".join(out)


def _first_words(pattern: str) -> tuple[frozenset[str], tuple[str, ...]] | None:
    """The words a match of an anchored pattern can start with: (whole words, prefixes).

    None when that cannot be pinned down (the rule is then searched everywhere). The
    sets may be too wide, never too narrow; a test checks this against every match.
    """
    exact: set[str] = set()
    prefixes: set[str] = set()

    def walk(items: list[Any], word: str | None) -> bool:
        # ``word`` is None until the leading space is matched, then the letters so far.
        if len(exact) + len(prefixes) > 3_000:
            return False
        op: Any
        arg: Any
        op, arg = items[0] if items else (None, None)
        rest = items[1:]
        if op is _sre.LITERAL:
            if word is None:
                return arg == 32 and walk(rest, "")
            if arg == 32:
                exact.add(word)
                return bool(word)
            return walk(rest, word + chr(arg))
        if op is _sre.AT and arg is _sre.AT_BOUNDARY and word:
            exact.add(word)  # prepared text has only letters, digits, spaces and "|"
            return True
        if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):  # zero width
            return walk(rest, word)
        if op is _sre.SUBPATTERN:
            return walk([*arg[-1], *rest], word)
        if op is _sre.BRANCH:
            return all(walk([*alternative, *rest], word) for alternative in arg[1])
        if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT):
            once = walk([*arg[2], (None, None)], word)  # after one pass, anything may follow
            return once and (arg[0] > 0 or walk(rest, word))
        if op is _sre.IN and all(kind is _sre.LITERAL for kind, _code in arg):
            return all(walk([(_sre.LITERAL, code), *rest], word) for _kind, code in arg)
        if word:  # the end, or \w, ".", a class: the word goes on in ways not listed
            prefixes.add(word)
            return True
        return False

    if not walk(list(_sre.parse(pattern)), None):
        return None
    return frozenset(exact), tuple(sorted(prefixes))


@dataclass(frozen=True)
class _Rule:
    """A compiled crisis rule and the words its matches can start with."""

    name: str
    pattern: re.Pattern[str]
    looks_past_phrase: bool  # has a lookahead, so commas matter (see detect_crisis)

    @classmethod
    def compile(cls, name: str, pattern: str) -> _Rule:
        looks_past_phrase = "(?=" in pattern or "(?!" in pattern
        return cls(name, re.compile(_anchor_at_word_starts(pattern)), looks_past_phrase)

    @cached_property
    def first_words(self) -> tuple[frozenset[str], tuple[str, ...]] | None:
        # Worked out on first use, not at import: only long messages need it.
        return _first_words(self.pattern.pattern)


_GUARDS = tuple(
    re.compile(_anchor_at_word_starts(pattern)) for _name, pattern in crisis_rules.GUARDS
)
_DENIALS = tuple(
    re.compile(_anchor_at_word_starts(pattern))
    for name, pattern in crisis_rules.GUARDS
    if name in crisis_rules.DENIALS
)
#: Per crisis intent, in precedence order.
_RULES: tuple[tuple[str, tuple[_Rule, ...]], ...] = tuple(
    (intent, tuple(_Rule.compile(name, pattern) for name, pattern in crisis_rules.RULES[intent]))
    for intent in CRISIS_INTENTS
)
_WORD_START = re.compile(r" ([^ ]+)")


#: Below this length a plain search over the whole reading is quicker than the word index.
_INDEX_FROM_LENGTH = 120


class _Reading:
    """One prepared form of a message; long ones are indexed by word so a rule only runs where its first word is."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts: dict[str, list[int]] | None = None
        self.words: list[str] = []
        if len(text) >= _INDEX_FROM_LENGTH:
            self.starts = {}
            for match in _WORD_START.finditer(text):
                self.starts.setdefault(match.group(1), []).append(match.start())
            self.words = sorted(self.starts)

    def matches(self, rule: _Rule) -> bool:
        starts = self.starts
        if starts is None or rule.first_words is None:
            return rule.pattern.search(self.text) is not None
        exact, prefixes = rule.first_words
        positions = [p for word in exact if word in starts for p in starts[word]]
        for prefix in prefixes:
            i = bisect_left(self.words, prefix)
            while i < len(self.words) and self.words[i].startswith(prefix):
                positions.extend(starts[self.words[i]])
                i += 1
        return any(rule.pattern.match(self.text, position) for position in positions)


class _MarkTable(dict[int, str]):
    """``str.translate`` table built as characters are met: accents and zero-width go, controls become spaces."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        category = unicodedata.category(char)
        if char == "\n" or category in ("Zl", "Zp"):
            value = "\n"  # new lines survive because they end sentences
        elif category in ("Cc", "Zs"):
            value = " "
        elif category in ("Mn", "Me", "Cf", "Co", "Cs", "Cn"):
            value = ""
        else:
            value = char
        if len(self) < 20_000:  # bounded, however odd the input
            self[code] = value
        return value


_MARKS = _MarkTable()


def _strip_marks(text: str) -> str:
    """Drop accents, zero-width and format characters; other control characters become spaces."""
    if text.isascii():
        return _ASCII_CONTROL.sub(" ", text)
    return unicodedata.normalize("NFC", unicodedata.normalize("NFKD", text).translate(_MARKS))


def _expand_token(match: re.Match[str]) -> str:
    """Expand one raw token: text-speak first ("m8", "sum1"), then leetspeak ("k1ll", "su1c1de")."""
    token = match.group()
    core = token.strip("!|")  # "!" and "|" at the edges are punctuation, not letters
    if not core:
        return token
    head, tail = token[: token.index(core)], token[token.index(core) + len(core) :]
    if core not in crisis_rules.TEXT_SPEAK and _LEET_CHARS.intersection(core):
        letters = sum(char.isalpha() for char in core)
        if letters >= 2 and letters * 2 >= len(core) and not _DIGIT_RUN.search(core):
            core = core.translate(_LEET)
    return f"{head} {crisis_rules.TEXT_SPEAK.get(core, core)} {tail}"


def _restore_dropped_g(word: str) -> str:
    """Put back a dropped final g ("thinkin" -> "thinking"), leaving real -in words alone."""
    if (
        len(word) >= 5
        and word.endswith("in")
        and word[-3] not in _VOWELS
        and word.isalpha()
        and not word.endswith("skin")
        and word not in crisis_rules.G_DROP_EXCEPTIONS
    ):
        return word + "g"
    return word


def _fold_characters(text: str) -> str:
    """Unicode, case, accents, control characters, repeated letters, text-speak and leetspeak."""
    text = unicodedata.normalize("NFKC", text).casefold().translate(_QUOTES)
    text = _strip_marks(text)
    for pattern, repl in _BEFORE_APOSTROPHES:
        text = pattern.sub(repl, text)
    text = _INNER_APOSTROPHE.sub("", text)
    text = _REPEATED_LETTER.sub(r"\1\1", text)
    return _TOKEN.sub(_expand_token, text)


def _to_words(folded: str, breaks: re.Pattern[str] | None = None) -> str:
    """Punctuation to spaces, except ``breaks`` which become " | "; then word-level folds."""
    if breaks is None:
        text = _NOT_WORD.sub(" ", folded)
    else:
        text = _NOT_WORD_OR_BAR.sub(" ", breaks.sub(" | ", folded))
    text = " ".join(_restore_dropped_g(word) for word in text.split())
    for pattern, repl in _PHRASES:
        text = pattern.sub(repl, text)
    return text


def normalise(text: str) -> str:
    """Fold a resident's message into the plain lower-case form the crisis rules are written against."""
    return _POSSESSIVE_ME.sub("my", _to_words(_fold_characters(text)))


@lru_cache(maxsize=8192)
def _closest_keyword(token: str) -> str:
    """The crisis keyword a misspelt token most likely meant, or the token itself."""
    candidates = _KEYWORDS_BY_INITIAL.get(token[0])
    if not candidates:
        return token
    # One edit at most; OSA counts a swapped pair ("myslef") as one, where fuzz.ratio counts two.
    best = process.extractOne(token, candidates, scorer=OSA.distance, score_cutoff=1)
    return best[0] if best else token


def correct_spelling(text: str) -> str:
    """Replace misspellings of distinctive crisis words in normalised text ("sucide" -> "suicide")."""
    words = text.split(" ")
    for i, word in enumerate(words):
        if (
            len(word) >= FUZZY_MIN_LENGTH
            and word not in _KNOWN_WORDS
            and word.isascii()
            and word.isalpha()
        ):
            words[i] = _closest_keyword(word)
    return " ".join(words)


def _readings(words: str) -> list[_Reading]:
    """The guarded forms the rules search: two when "me mam" might mean "my mum" or not."""
    # A sentence said twice adds nothing, and 2,500 copies of "ok." would cost time.
    words = " | ".join(dict.fromkeys(correct_spelling(words).split(" | ")))
    readings = []
    for reading in dict.fromkeys((_POSSESSIVE_ME.sub("my", words), words)):
        guarded = " " + reading  # every word now follows a space; see _anchor_at_word_starts
        for guard in _GUARDS:
            guarded = guard.sub(" | ", guarded)
        readings.append(_Reading(guarded))
    return readings


def detect_crisis(text: str) -> CrisisMatch | None:
    """The highest-precedence crisis topic in a message, or None when no crisis rule matches."""
    if not isinstance(text, str) or not text.strip():
        return None
    folded = _fold_characters(text)
    # Phrases may not run across a sentence end ("...the tree. The fence blew down").
    sentences = _readings(_to_words(folded, _SENTENCE_BREAK))
    clauses: list[_Reading] | None = None
    for intent, rules in _RULES:
        for rule in rules:
            if any(reading.matches(rule) for reading in sentences):
                return CrisisMatch(intent=intent, rule=rule.name)
            if rule.looks_past_phrase:
                # "I'm going to jump, my bin..." must not read as "jump my bin", so rules that
                # check what follows a phrase also see commas as breaks.
                if clauses is None:
                    clauses = (
                        _readings(_to_words(folded, _CLAUSE_BREAK))
                        if _CLAUSE_ONLY_BREAK.search(folded)
                        else []  # the same as ``sentences``, already searched
                    )
                if any(reading.matches(rule) for reading in clauses):
                    return CrisisMatch(intent=intent, rule=rule.name)
    return None


_CUES: dict[str, re.Pattern[str]] = {
    intent: re.compile(pattern) for intent, pattern in crisis_rules.CUES.items()
}


def names_a_danger(intent: str, text: str) -> bool:
    """Whether the message names a danger of this crisis topic (words a denial masks do not count).

    Looser than the rules: it decides whether the classifier's own guess at a crisis topic may
    stand when no rule matched, never raises an alarm by itself.
    """
    cue = _CUES.get(intent)
    if cue is None or not isinstance(text, str) or not text.strip():
        return False
    readings = _readings(_to_words(_fold_characters(text), _SENTENCE_BREAK))
    return any(cue.search(reading.text) for reading in readings)


def has_an_ordinary_reading(text: str) -> bool:
    """Whether a guard found an everyday phrase ("suicide prevention course", "beat me to it")."""
    if not isinstance(text, str) or not text.strip():
        return False
    words = correct_spelling(_to_words(_fold_characters(text), _SENTENCE_BREAK))
    plain = " " + _POSSESSIVE_ME.sub("my", words)
    return any(guard.search(plain) for guard in _GUARDS)


def denies_a_danger(text: str) -> bool:
    """Whether the message says a danger is not there ("I'm not suicidal", "no gas smell now")."""
    if not isinstance(text, str) or not text.strip():
        return False
    words = correct_spelling(_to_words(_fold_characters(text), _SENTENCE_BREAK))
    plain = " " + _POSSESSIVE_ME.sub("my", words)
    return any(denial.search(plain) for denial in _DENIALS)
