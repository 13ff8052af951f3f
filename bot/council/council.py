"""Loads a council's data folder (YAML/CSV), checks it thoroughly, and answers questions about it."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from rapidfuzz import fuzz

from bot.council import clock, schedule
from bot.council.bin_requests import BinRequestRules, load_bin_requests
from bot.council.files import CouncilFiles
from bot.council.housing import HousingRepairs, load_housing_repairs
from bot.council.languages import LanguageLines, load_languages
from bot.council.loader import read_council
from bot.council.models import (
    AdvisorSettings,
    BinsFile,
    BinType,
    BulkyWasteRules,
    CouncilConfig,
    HolidayChange,
    InfoAnswer,
    MissedBinRules,
    Neighbour,
    Round,
    Service,
    Street,
    Venue,
)
from bot.council.parking import ParkingRules, load_parking
from bot.council.privacy import PrivacyRules, load_privacy
from bot.council.revenues_loader import load_benefits, load_council_tax
from bot.council.revenues_models import BenefitsRules, CouncilTaxRules
from bot.council.schools import SchoolAdmissions, load_schools
from bot.council.street_reports import (
    FlyTippingRules,
    StreetProblemRules,
    load_fly_tipping,
    load_street_problems,
)
from bot.records.postcodes import PostcodeDirectory, get_postcode_directory, normalise_postcode
from bot.word_match import rank_keys
from bot.word_match import words as _words

#: The demo council shipped with the project.
DEFAULT_COUNCIL_DIR = Path(__file__).resolve().parents[2] / "councils" / "example"

#: How far back or forward to look for a collection: a fortnight's cycle twice plus any holiday shift.
_SEARCH_DAYS = 2 * 14 + schedule.MAX_SHIFT_DAYS


class Council:
    """One council's validated data and the questions the actions ask of it. Built by load_council."""

    def __init__(
        self,
        *,
        directory: Path,
        config: CouncilConfig,
        services: dict[str, Service],
        bins: BinsFile,
        rounds: dict[str, Round],
        streets: Sequence[Street],
        holidays: Sequence[HolidayChange],
        information: dict[str, InfoAnswer],
        placeholders: dict[str, str],
        advisors: AdvisorSettings,
        bulky_waste: BulkyWasteRules,
        venues: Sequence[Venue] = (),
        venue_positions: dict[str, tuple[float, float]] | None = None,
        housing_repairs: HousingRepairs | None = None,
        parking: ParkingRules | None = None,
        schools: SchoolAdmissions | None = None,
        council_tax: CouncilTaxRules | None = None,
        benefits: BenefitsRules | None = None,
        bin_requests: BinRequestRules | None = None,
        fly_tipping: FlyTippingRules | None = None,
        street_problems: StreetProblemRules | None = None,
        languages: LanguageLines | None = None,
        privacy: PrivacyRules | None = None,
    ) -> None:
        self.directory = directory
        self.config = config
        self.services = services
        self.bin_types: dict[str, BinType] = {bin_type.key: bin_type for bin_type in bins.bin_types}
        self.missed_bin: MissedBinRules = bins.missed_bin
        self.bank_holiday_note = bins.bank_holiday_note
        self.rounds = rounds
        self.streets: tuple[Street, ...] = tuple(streets)
        self.holidays: tuple[HolidayChange, ...] = tuple(holidays)
        self.information = information
        self.placeholders = placeholders
        self.advisors = advisors
        self.bulky_waste = bulky_waste
        self.venues: tuple[Venue, ...] = tuple(venues)
        #: British National Grid easting and northing (metres) of each venue, looked up at load.
        self.venue_positions: dict[str, tuple[float, float]] = dict(venue_positions or {})
        #: Optional files: without them these topics are answered from information.yml.
        self.housing_repairs = housing_repairs
        self.parking = parking
        self.schools = schools
        #: council_tax.yml and benefits.yml (bot/council/revenues_loader.py).
        self.council_tax = council_tax
        self.benefits = benefits
        # Ordering bins, and reporting fly-tipping and street problems (None only in hand-built test councils).
        self.bin_requests = bin_requests
        self.fly_tipping = fly_tipping
        self.street_problems = street_problems
        #: languages.yml: the interpreter line for residents writing in another language.
        self.languages = languages
        #: privacy.yml: the privacy notice and the retention schedule (bot/records/retention.py).
        self.privacy = privacy
        self.zone = ZoneInfo(config.timezone)
        self.bank_holidays = frozenset(config.contact.bank_holidays)
        self.hours = config.contact.hours_by_weekday()
        self._changes = {change.original_date: change.new_date for change in holidays}
        self._by_postcode: dict[str, list[Street]] = {}
        for street in self.streets:
            self._by_postcode.setdefault(street.postcode, []).append(street)
        self._street_names = {
            street.street_id: _street_forms(street.name) for street in self.streets
        }
        self._bin_terms = _bin_terms(bins.bin_types)

    @property
    def name(self) -> str:
        return self.config.name

    @property
    def ons_code(self) -> str:
        return self.config.ons_code

    # Places ---------------------------------------------------------------

    def streets_for_postcode(self, postcode: str) -> list[Street]:
        """Streets in a postcode (any spacing or case); empty if none of ours are there."""
        normalised = normalise_postcode(postcode)
        return list(self._by_postcode.get(normalised, [])) if normalised else []

    def match_streets(self, text: str, candidates: Iterable[Street] | None = None) -> list[Street]:
        """Streets whose names are close to the text, best first, keeping only those nearly as good as the best."""
        query, number = _street_query(text)
        if not query:
            return []
        scored = []
        for street in self.streets if candidates is None else candidates:
            forms = self._street_names.get(street.street_id) or _street_forms(street.name)
            score = _street_score(query, *forms)
            if score >= 80:
                scored.append((score, street))
        if not scored:
            return []
        best = max(score for score, _ in scored)
        close = [
            street
            for score, street in sorted(scored, key=lambda item: -item[0])
            if score >= best - 4
        ]
        if number is not None and len(close) > 1:
            covering = [street for street in close if street.covers(number)]
            close = covering or close
        return close

    def match_street(self, text: str, candidates: Iterable[Street] | None = None) -> Street | None:
        """The one street the text names (typos and missing "Road"/"Rd" allowed), or None if none or unclear."""
        matches = self.match_streets(text, candidates)
        return matches[0] if len(matches) == 1 else None

    def neighbour(self, ons_code: str) -> Neighbour | None:
        """A neighbouring council by ONS code, to point residents from outside our area to it."""
        return next((n for n in self.config.neighbours if n.ons_code == ons_code), None)

    # Bins -----------------------------------------------------------------

    def match_bin_type(self, text: str) -> BinType | None:
        """The bin type a resident means ("black one", "recyling", "the green bin"), or None."""
        matches = self.match_bin_types(text)
        return matches[0] if matches else None

    def match_bin_types(self, text: str) -> list[BinType]:
        """Every bin type the text mentions, best match first."""
        ranked = rank_keys(_words(text), ((key, [term]) for term, key in self._bin_terms))
        return [self.bin_types[key] for key in ranked]

    def collection_dates(
        self, street: Street, bin_type: BinType | str, start: date, end: date
    ) -> list[date]:
        """Collection dates for a bin at a street from start to end (inclusive), after holiday changes."""
        key = bin_type if isinstance(bin_type, str) else bin_type.key
        round_id = street.round_id(key)
        if round_id is None:
            return []
        crew = self.rounds[round_id]
        return schedule.collection_dates(
            crew.weekday, crew.every_days, crew.first_collection, start, end, self._changes
        )

    def last_collection_on_or_before(
        self, street: Street, bin_type: BinType | str, day: date
    ) -> date | None:
        """The latest collection on or before day, or None if this bin is not collected there."""
        dates = self.collection_dates(street, bin_type, day - timedelta(days=_SEARCH_DAYS), day)
        return dates[-1] if dates else None

    def next_collection_after(
        self, street: Street, bin_type: BinType | str, day: date
    ) -> date | None:
        """The first collection after day, or None if this bin is not collected there."""
        dates = self.collection_dates(
            street, bin_type, day + timedelta(days=1), day + timedelta(days=_SEARCH_DAYS)
        )
        return dates[0] if dates else None

    def missed_bin_report_window(self, collection_day: date) -> tuple[datetime, date]:
        """When a missed collection can first be reported (local time) and the last day it can be."""
        opens = datetime.combine(collection_day, self.missed_bin.report_from, tzinfo=self.zone)
        last = self.add_working_days(collection_day, self.missed_bin.report_within_working_days)
        return opens, last

    # Time -----------------------------------------------------------------

    def is_open(self, at: datetime) -> bool:
        """Whether the contact centre is open at this moment (naive times are read as local time)."""
        return schedule.is_open(at, self.hours, self.bank_holidays, self.zone)

    def opening_hours_text(self) -> str:
        """Opening hours in words, e.g. "Monday to Friday, 8:30am to 5pm"."""
        return schedule.opening_hours_text(self.hours)

    def is_working_day(self, day: date) -> bool:
        """Monday to Friday and not a bank holiday."""
        return schedule.is_working_day(day, self.bank_holidays)

    def add_working_days(self, day: date, n: int) -> date:
        """The date n working days after day, skipping weekends and bank holidays."""
        return schedule.add_working_days(day, n, self.bank_holidays)

    def now(self) -> datetime:
        """The current time in the council's time zone (from the council clock)."""
        return clock.now_in(self.zone)

    def today(self) -> date:
        """Today's date in the council's time zone (from the council clock)."""
        return clock.today_in(self.zone)

    # Words ----------------------------------------------------------------

    def information_for(self, intent: str) -> InfoAnswer | None:
        """The answer for an intent with the council's details filled in, or None if there is none."""
        return self.information.get(intent)

    def service(self, key: str) -> Service:
        """A service by key (e.g. "missed_bin"); KeyError if the council has not described it."""
        return self.services[key]

    def service_for_reference(self, reference: str) -> Service | None:
        """The service whose prefix starts a reference number such as "MB-123456"."""
        prefix = reference.strip().upper()[:2]
        return next((s for s in self.services.values() if s.reference_prefix == prefix), None)

    def bulky_collection_days(self, today: date) -> list[tuple[date, int]]:
        """Days a bulky waste crew could come (enough notice, within the booking window), with capacity."""
        rules = self.bulky_waste
        first = self.add_working_days(today, rules.notice_working_days)
        days = []
        for offset in range((today + timedelta(days=rules.book_ahead_days) - first).days + 1):
            day = first + timedelta(days=offset)
            capacity = rules.collection_days.get(schedule.WEEKDAYS[day.weekday()])
            # Crews work the weekend days they are rostered for, but never a bank holiday.
            if capacity and day not in self.bank_holidays:
                days.append((day, capacity))
        return days

    def bulky_cancel_deadline(self, collection: date) -> date:
        """The last day a booking for ``collection`` can still be cancelled."""
        day = collection
        for _ in range(self.bulky_waste.cancel_working_days_before):
            day -= timedelta(days=1)
            while not self.is_working_day(day):
                day -= timedelta(days=1)
        return day

    def fill(self, text: str) -> str:
        """Fill {placeholders} such as {phone} and {hours} with this council's details."""
        return text.format_map(self.placeholders)


# Matching helpers -------------------------------------------------------------

_ABBREVIATIONS = {
    "rd": "road", "ave": "avenue", "av": "avenue", "cl": "close", "ln": "lane", "dr": "drive",
    "cres": "crescent", "cresc": "crescent", "cr": "crescent", "ter": "terrace", "terr": "terrace",
    "tce": "terrace", "gdns": "gardens", "gdn": "gardens", "pl": "place", "ct": "court", "sq": "square",
    "pk": "park", "hts": "heights", "gn": "green", "grn": "green", "wy": "way", "wk": "walk", "vw": "view",
}  # fmt: skip
_STREET_TYPES = frozenset(
    "road street avenue close lane drive crescent terrace gardens place court square park heights green "
    "way walk view rise hill mews quay wharf vale row".split()
)
_FILLER = frozenset(
    "i im live living lives at on in my the is its it address flat house number no "
    "we our mum mums dad dads of off near by".split()
)


def normalise_name(words: list[str]) -> list[str]:
    """Street name words with abbreviations expanded ("rd" -> "road"; "st" -> "street" last, else "saint")."""
    result = []
    for index, word in enumerate(words):
        if word == "st":
            word = "street" if index == len(words) - 1 and index > 0 else "saint"
        result.append(_ABBREVIATIONS.get(word, word))
    return result


def _street_forms(name: str) -> tuple[str, str, str]:
    """A street's normalised name, its core without the trailing type ("Road", "Close"), and that type."""
    words = normalise_name(_words(name))
    if len(words) > 1 and words[-1] in _STREET_TYPES:
        return " ".join(words), " ".join(words[:-1]), words[-1]
    return " ".join(words), " ".join(words), ""


def _street_query(text: str) -> tuple[str, int | None]:
    text = str(text)
    postcode = normalise_postcode(text)
    if postcode:  # a postcode's letters would otherwise read as words ("pl" -> place)
        text = re.sub(r"\s*".join(postcode.replace(" ", "")), " ", text, flags=re.IGNORECASE)
    words = _words(text)
    numbers = [int(word) for word in words if word.isdigit()]
    words = [w for w in words if not any(c.isdigit() for c in w) and w not in _FILLER]
    return " ".join(normalise_name(words)), (numbers[0] if numbers else None)


def _street_score(query: str, full: str, core: str, kind: str) -> float:
    score = max(fuzz.ratio(query, full), fuzz.ratio(query, core))
    if len(query) > len(full):  # extra words around the name
        score = max(score, fuzz.partial_ratio(full, query))
    if len(core) >= 5 and len(query) > len(core):
        score = max(score, fuzz.partial_ratio(core, query) - 2)
    if kind and _STREET_TYPES.intersection(query.split()).difference(full.split()):
        score -= 15  # "Tamar Road" was asked for, so "Tamar Close" is a worse match
    return score


def _bin_terms(bin_types: Iterable[BinType]) -> list[tuple[str, str]]:
    terms = []
    for bin_type in bin_types:
        for term in (bin_type.key, bin_type.name, bin_type.colour, *bin_type.synonyms):
            normalised = " ".join(_words(term.replace("_", " ")))
            if normalised:
                terms.append((normalised, bin_type.key))
    return terms


# Loading ------------------------------------------------------------------------


#: Each topic file beyond the core, in the order they are checked: the Council field it fills
#: and how it is read, given the folder's files and the core data (``read_council``).
TOPIC_LOADERS: tuple[tuple[str, Callable[[CouncilFiles, dict[str, Any]], Any]], ...] = (
    (
        "bin_requests",
        lambda files, core: load_bin_requests(files, core["bins"], core["placeholders"]),
    ),
    ("fly_tipping", lambda files, core: load_fly_tipping(files, core["placeholders"])),
    ("street_problems", lambda files, core: load_street_problems(files)),
    (
        "housing_repairs",
        lambda files, core: load_housing_repairs(
            files, core["config"].safety, core["placeholders"]
        ),
    ),
    ("parking", lambda files, core: load_parking(files, core["streets"], core["placeholders"])),
    ("schools", lambda files, core: load_schools(files)),
    ("council_tax", lambda files, core: load_council_tax(files, core["placeholders"])),
    ("benefits", lambda files, core: load_benefits(files, core["placeholders"])),
    ("languages", lambda files, core: load_languages(files, core["placeholders"])),
    ("privacy", lambda files, core: load_privacy(files, set(core["services"]))),
)


def load_council(directory: Path, postcodes: PostcodeDirectory | None = None) -> Council:
    """Read and check every file in a council folder; CouncilDataError says what is wrong and where."""
    data = read_council(Path(directory), postcodes or get_postcode_directory())
    files = CouncilFiles(Path(directory))
    for field, load in TOPIC_LOADERS:
        data[field] = load(files, data)
    return Council(**data)


@lru_cache(maxsize=8)
def _cached_council(directory: Path) -> Council:
    return load_council(directory)


def get_council(directory: Path | None = None) -> Council:
    """The council for a folder, loaded once and cached (the demo council if no folder is given)."""
    return _cached_council(Path(directory or DEFAULT_COUNCIL_DIR).resolve())
