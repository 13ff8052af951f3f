"""Bulky waste items in the resident's words: quantities, fuzzy matching to the price list, pricing."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from rapidfuzz import fuzz

from bot.word_match import NUMBER_WORDS

MATCH_CUTOFF = 85.0
_NUMBER_WORDS = {"a": 1, "an": 1, "single": 1, "pair": 2, "couple": 2, **NUMBER_WORDS}
_SPLIT = re.compile(r",|;|\n|\+|&|\band\b|\bplus\b|\balso\b", re.IGNORECASE)
_LEADING_QTY = re.compile(r"^(\d{1,2})\s*(?:x\b|\*)?\s*(.*)$", re.IGNORECASE)
_TRAILING_QTY = re.compile(r"^(.*?)\s*(?:x|\*|times)\s*(\d{1,2})$", re.IGNORECASE)
_FILLER = frozenset(
    "i have got need to collect collected please old my the some of x another".split()
)


@dataclass(frozen=True)
class Line:
    """One priced line: how many of which item."""

    key: str
    name: str
    quantity: int


@dataclass
class ItemsReading:
    """What a message listed: items we collect, items we don't (with what to do), words not matched."""

    lines: list[Line] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)  # (item name, what to do instead)
    unknown: list[str] = field(default_factory=list)


def _normalise(text: str) -> str:
    text = re.sub(r"[^a-z0-9 ]", " ", text.lower().replace("-", " "))
    return " ".join(text.split())


def _singular(text: str) -> str:
    words = text.split()
    if not words:
        return text
    last = words[-1]
    if last.endswith("ies") and len(last) > 4:
        last = last[:-3] + "y"
    elif last.endswith(("ches", "shes", "sses", "xes")):
        last = last[:-2]
    elif last.endswith("s") and not last.endswith("ss") and len(last) > 3:
        last = last[:-1]
    return " ".join([*words[:-1], last])


def _quantity(chunk: str) -> tuple[int, str]:
    chunk = _normalise(chunk.replace("*", " x "))
    trailing = _TRAILING_QTY.match(chunk)
    if trailing:
        return int(trailing.group(2)), trailing.group(1)
    leading = _LEADING_QTY.match(chunk)
    if leading:
        return int(leading.group(1)), leading.group(2)
    words = chunk.split()
    if words and words[0] in _NUMBER_WORDS:
        quantity = _NUMBER_WORDS[words[0]]
        words = words[1:]
        if words and words[0] == "of":
            words = words[1:]
        return quantity, " ".join(words)
    return 1, chunk


def _terms(rules: Any) -> list[tuple[str, Any, bool]]:
    """(normalised words, entry, collected?) for every name and synonym in the price list."""
    terms = []
    for item in rules.items:
        terms += [(_normalise(w), item, True) for w in (item.name, *item.synonyms)]
    for entry in rules.not_collected:
        terms += [(_normalise(w), entry, False) for w in (entry.name, *entry.synonyms)]
    return terms


def match_item(text: str, rules: Any) -> tuple[Any, bool] | None:
    """The price-list entry for one item in the resident's words, and whether we collect it."""
    query = _normalise(text)
    query = " ".join(w for w in query.split() if w not in _FILLER) or query
    if not query:
        return None
    best = None
    best_score: tuple[float, float] = (0.0, 0.0)
    for form in {query, _singular(query)}:
        for term, entry, collected in _terms(rules):
            # Whole-phrase similarity catches typos ("matress"); token-set similarity lets extra
            # words through ("double mattress"); the plain ratio breaks ties ("sofa bed" v "bed").
            plain = fuzz.ratio(form, term)
            score = (max(plain, fuzz.token_set_ratio(form, term) - 2), plain)
            if score > best_score:
                best_score, best = score, (entry, collected)
    return best if best_score[0] >= MATCH_CUTOFF else None


def read_items(text: str, rules: Any) -> ItemsReading:
    """Every item named in a message like "a sofa and 2 mattresses" or "fridge freezer x2"."""
    reading = ItemsReading()
    counts: dict[str, int] = {}
    names: dict[str, str] = {}
    for chunk in _SPLIT.split(text or ""):
        if not _normalise(chunk):
            continue
        quantity, words = _quantity(chunk)
        found = match_item(words, rules)
        if found is None:
            reading.unknown.append(chunk.strip())
            continue
        entry, collected = found
        if not collected:
            if (entry.name, entry.instead) not in reading.refused:
                reading.refused.append((entry.name, entry.instead))
            continue
        counts[entry.key] = counts.get(entry.key, 0) + max(quantity, 1)
        names[entry.key] = entry.name
    reading.lines = [Line(key, names[key], qty) for key, qty in counts.items()]
    return reading


def items_in_message(text: str, rules: Any) -> ItemsReading:
    """The price-list items named anywhere in a sentence ("hi can u take my old sofa and a fridge pls").

    Unlike ``read_items`` the words around the items are ignored, so an opening request can
    name them; only whole words that match an item closely are taken.
    """
    reading = ItemsReading()
    counts: dict[str, int] = {}
    names: dict[str, str] = {}
    for chunk in _SPLIT.split(text or ""):
        words = _normalise(chunk).split()
        start = 0
        while start < len(words):
            found = None
            for size in (3, 2, 1):
                window = words[start : start + size]
                if (
                    len(window) < size
                    or _not_an_item_edge(window[0])
                    or _not_an_item_edge(window[-1])
                ):
                    continue
                match = match_item(" ".join(window), rules)
                if match is not None and _close(" ".join(window), match[0]):
                    found = (size, match)
                    break
            if found is None:
                start += 1
                continue
            size, (entry, collected) = found
            quantity = _quantity_after(words[start + size :]) or _quantity_before(words[:start])
            if collected:
                counts[entry.key] = counts.get(entry.key, 0) + quantity
                names[entry.key] = entry.name
            elif (entry.name, entry.instead) not in reading.refused:
                reading.refused.append((entry.name, entry.instead))
            start += size
    reading.lines = [Line(key, names[key], qty) for key, qty in counts.items()]
    return reading


def _close(words: str, entry: Any) -> bool:
    """A window of a sentence is the item itself (not just a word that shares letters with it)."""
    return any(
        fuzz.ratio(form, _normalise(term)) >= MATCH_CUTOFF
        for form in {words, _singular(words)}
        for term in (entry.name, *entry.synonyms)
    )


def _not_an_item_edge(word: str) -> bool:
    return word in _FILLER or word in _NUMBER_WORDS or word.isdigit() or word.startswith("x")


def _quantity_after(words: list[str]) -> int | None:
    """ "fridge freezer x2", "chairs x 3"."""
    joined = " ".join(words[:2])
    found = re.match(r"^x\s?(\d{1,2})\b", joined)
    return int(found.group(1)) if found else None


def _quantity_before(words: list[str]) -> int:
    """ "2 mattresses", "two chairs", "a fridge": the count just before an item (1 if none)."""
    for word in reversed(words[-2:]):
        if word.isdigit() and 0 < int(word) < 100:
            return int(word)
        if word in _NUMBER_WORDS:
            return _NUMBER_WORDS[word]
    return 1


def money(value: float | Decimal) -> Decimal:
    """A price from the council data as pounds and pence."""
    return Decimal(str(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def price_lines(lines: list[Line], rules: Any) -> tuple[list[tuple[Line, Decimal]], Decimal]:
    """Each line's price and the total: the band covers the first items, then a price per extra item."""
    by_key = {item.key: item for item in rules.items}
    priced: list[tuple[Line, Decimal]] = []
    band_used = 0
    band_charged = False
    total = Decimal("0.00")
    for line in lines:
        item = by_key[line.key]
        if item.price is not None:
            cost = money(item.price) * line.quantity
        else:
            cost = Decimal("0.00")
            for _ in range(line.quantity):
                if band_used < rules.band_items:
                    if not band_charged:
                        cost += money(rules.band_price)
                        band_charged = True
                    band_used += 1
                else:
                    cost += money(rules.extra_item_price)
        priced.append((line, cost))
        total += cost
    return priced, total


def pounds(amount: Decimal) -> str:
    """£25.00."""
    return f"£{amount:,.2f}"


def encode(lines: list[Line]) -> list[dict[str, Any]]:
    """Lines as plain data for a slot or the stored record."""
    return [{"key": line.key, "name": line.name, "quantity": line.quantity} for line in lines]


def decode(data: Any) -> list[Line]:
    """Lines back from a slot value (ignores anything malformed)."""
    lines = []
    for entry in data or []:
        if isinstance(entry, dict) and {"key", "name", "quantity"} <= entry.keys():
            lines.append(Line(str(entry["key"]), str(entry["name"]), int(entry["quantity"])))
    return lines


def describe(lines: list[Line]) -> str:
    """'2 x Mattress, 1 x Sofa or settee'."""
    return ", ".join(f"{line.quantity} x {line.name}" for line in lines)
