"""Pydantic models for one council's data files (council.yml, services.yml, bins.yml and the CSVs)."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, time
from typing import Literal
from zoneinfo import ZoneInfo

from pydantic import BaseModel, Extra, root_validator, validator

from bot.council.fields import check_key, check_phone, check_url
from bot.council.schedule import WEEKDAYS

REQUIRED_SAFETY = (
    "childrens_social_care",
    "adult_social_care",
    "emergency_duty_team",
    "housing_options",
    "emergency_repairs",
)
REQUIRED_NATIONAL_SAFETY = (
    "emergency_services",
    "samaritans",
    "gas_emergency",
    "domestic_abuse_helpline",
)
REQUIRED_SERVICES = (
    "missed_bin",
    "bulky_waste",
    "request_bin",
    "fly_tipping",
    "council_tax_move",
    "council_tax_discount",
    "benefits_change",
    "housing_repair",
    "parking_permit",
    "street_problem",
    "assisted_digital",
)

_HOURS = re.compile(r"^(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$")


def _required(mapping: dict, keys: tuple[str, ...]) -> dict:
    missing = [key for key in keys if key not in mapping]
    if missing:
        raise ValueError("missing " + ", ".join(f"'{key}'" for key in missing))
    return mapping


class Model(BaseModel):
    """Immutable, strict: unknown fields are mistakes in the data, not extras to ignore."""

    class Config:
        extra = Extra.forbid
        frozen = True
        anystr_strip_whitespace = True


class ContactPoint(Model):
    """A named phone line (council safety line, national helpline or debt adviser)."""

    name: str
    phone: str
    hours: str | None = None
    website: str | None = None

    _check_phone = validator("phone", allow_reuse=True)(check_phone)
    _check_website = validator("website", allow_reuse=True)(check_url)


class Neighbour(Model):
    """A nearby council whose postcodes residents might give us by mistake."""

    ons_code: str
    name: str
    website: str

    _check_website = validator("website", allow_reuse=True)(check_url)


class Contact(Model):
    """How to reach the contact centre and when it is open."""

    phone: str
    email: str
    textphone: str | None = None
    opening_hours: dict[str, str]
    bank_holidays: tuple[date, ...] = ()

    _check_phone = validator("phone", "textphone", allow_reuse=True)(
        lambda value: value if value is None else check_phone(value)
    )

    @validator("email")
    def _email(cls, value: str) -> str:
        if not re.match(r"^[^@\s]+@[^@\s]+\.[^@\s]+$", value):
            raise ValueError(f"'{value}' is not an email address")
        return value

    @validator("opening_hours")
    def _hours(cls, value: dict[str, str]) -> dict[str, str]:
        for day, text in value.items():
            if day.lower() not in WEEKDAYS:
                raise ValueError(f"'{day}' is not a day of the week")
            parse_hours(text)
        return {day.lower(): text for day, text in value.items()}

    def hours_by_weekday(self) -> dict[int, tuple[time, time] | None]:
        """Opening and closing time per weekday (0 is Monday); None when closed or not listed."""
        return {WEEKDAYS.index(day): parse_hours(text) for day, text in self.opening_hours.items()}


def parse_hours(text: str) -> tuple[time, time] | None:
    """'08:30-17:00' gives (8:30, 17:00); 'closed' gives None."""
    if str(text).strip().lower() == "closed":
        return None
    match = _HOURS.match(str(text).strip())
    if not match:
        raise ValueError(f"'{text}' should look like 08:30-17:00 or closed")
    hour1, minute1, hour2, minute2 = (int(group) for group in match.groups())
    try:
        opens, closes = time(hour1, minute1), time(hour2, minute2)
    except ValueError:
        raise ValueError(f"'{text}' is not a real time") from None
    if opens >= closes:
        raise ValueError(f"'{text}' closes before it opens")
    return opens, closes


class CouncilConfig(Model):
    """council.yml: who the council is, how to contact it and the safety numbers it gives out."""

    name: str
    short_name: str
    ons_code: str
    website: str
    timezone: str = "Europe/London"
    contact: Contact
    out_of_hours_phone: str
    safety: dict[str, ContactPoint]
    national_safety: dict[str, ContactPoint]
    debt_advice: dict[str, ContactPoint] = {}
    neighbours: tuple[Neighbour, ...] = ()

    _check_phone = validator("out_of_hours_phone", allow_reuse=True)(check_phone)
    _check_website = validator("website", allow_reuse=True)(check_url)
    _check_safety = validator("safety", allow_reuse=True)(lambda v: _required(v, REQUIRED_SAFETY))
    _check_national = validator("national_safety", allow_reuse=True)(
        lambda v: _required(v, REQUIRED_NATIONAL_SAFETY)
    )

    @validator("ons_code")
    def _ons_code(cls, value: str) -> str:
        if not re.match(r"^[EWSN]\d{8}$", value):
            raise ValueError(f"'{value}' is not an ONS local authority code like E06000026")
        return value

    @validator("timezone")
    def _timezone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except Exception:
            raise ValueError(f"'{value}' is not a time zone name like Europe/London") from None
        return value


class Service(Model):
    """services.yml entry: a transaction the assistant can start, its reference prefix and timescale."""

    key: str
    name: str
    reference_prefix: str
    timescale_working_days: int
    what_happens_next: str
    link: str

    _check_link = validator("link", allow_reuse=True)(check_url)

    @validator("reference_prefix")
    def _prefix(cls, value: str) -> str:
        if not re.match(r"^[A-Z]{2}$", value):
            raise ValueError(f"'{value}' should be two capital letters, like MB")
        return value

    @validator("timescale_working_days")
    def _timescale(cls, value: int) -> int:
        if value < 0:
            raise ValueError("cannot be negative")
        return value


class BinType(Model):
    """bins.yml entry: a kind of bin, box or caddy."""

    key: str
    name: str
    colour: str
    frequency: Literal["weekly", "fortnightly"]
    what_goes_in: str
    synonyms: tuple[str, ...] = ()
    subscription: bool = False

    _check_key = validator("key", allow_reuse=True)(check_key)


class MissedBinRules(Model):
    """When a missed collection can be reported and how soon crews come back."""

    report_from: time
    report_within_working_days: int
    return_within_working_days: int
    subscription_note: str | None = None


class BinsFile(Model):
    """bins.yml."""

    bin_types: tuple[BinType, ...]
    missed_bin: MissedBinRules
    bank_holiday_note: str | None = None

    @validator("bin_types")
    def _unique(cls, value: tuple[BinType, ...]) -> tuple[BinType, ...]:
        keys = [bin_type.key for bin_type in value]
        repeated = sorted({key for key in keys if keys.count(key) > 1})
        if repeated:
            raise ValueError(f"bin type '{repeated[0]}' is listed twice")
        return value


class Round(Model):
    """rounds.csv row: one crew's collection day for one bin type."""

    round_id: str
    bin_type: str
    weekday: int
    frequency: Literal["weekly", "fortnightly"]
    first_collection: date

    @validator("weekday", pre=True)
    def _weekday(cls, value: object) -> int:
        if isinstance(value, int):
            return value
        name = str(value).strip().lower()
        if name not in WEEKDAYS:
            raise ValueError(f"'{value}' is not a day of the week")
        return WEEKDAYS.index(name)

    @root_validator(skip_on_failure=True)
    def _anchor_on_weekday(cls, values: dict) -> dict:
        first, weekday = values["first_collection"], values["weekday"]
        if first.weekday() != weekday:
            raise ValueError(
                f"first_collection {first.isoformat()} is a {WEEKDAYS[first.weekday()].title()},"
                f" not a {WEEKDAYS[weekday].title()}"
            )
        return values

    @property
    def every_days(self) -> int:
        return 7 if self.frequency == "weekly" else 14


class Street(Model):
    """streets.csv row: a street (or part of one) in one postcode, with its rounds per bin type."""

    street_id: str
    name: str
    locality: str | None = None
    postcode: str
    first_number: int | None = None
    last_number: int | None = None
    rounds: tuple[tuple[str, str], ...] = ()

    def round_id(self, bin_key: str) -> str | None:
        """The round that collects this bin type here, or None if it is not collected."""
        return dict(self.rounds).get(bin_key)

    def covers(self, number: int) -> bool:
        """Whether a house number falls in this street's range (always true if no range is given)."""
        low = self.first_number if self.first_number is not None else 0
        high = self.last_number if self.last_number is not None else 10**9
        return low <= number <= high

    @property
    def label(self) -> str:
        """How to name the street to a resident: "Tamar Close, Keyham" or "Harbour View Road (41 to 98)"."""
        text = self.name
        if self.first_number is not None and self.last_number is not None:
            text += f" ({self.first_number} to {self.last_number})"
        return f"{text}, {self.locality}" if self.locality else text


class HolidayChange(Model):
    """holidays.csv row: collections due on original_date happen on new_date instead."""

    original_date: date
    new_date: date
    reason: str


class InfoButton(Model):
    """A quick reply: the title shown and the payload sent (e.g. /request_human)."""

    title: str
    payload: str


class InfoEntry(Model):
    """information.yml entry, before placeholders are filled in."""

    answer: str
    link: str | None = None
    buttons: tuple[InfoButton, ...] = ()

    _check_link = validator("link", allow_reuse=True)(check_url)


class InfoAnswer(Model):
    """What the assistant says for an intent, with the council's details filled in."""

    intent: str
    text: str
    link: str | None = None
    buttons: tuple[InfoButton, ...] = ()


class CannedReply(Model):
    """A ready-made reply an advisor can pick in the console and edit before sending."""

    title: str
    text: str


class AdvisorSettings(Model):
    """advisors.yml: close outcomes, canned replies and how the wait time is estimated."""

    minutes_per_conversation: int = 8
    advisors_on_duty: int = 1
    close_outcomes: tuple[str, ...]
    canned_replies: tuple[CannedReply, ...] = ()

    @validator("minutes_per_conversation", "advisors_on_duty")
    def _positive(cls, value: int) -> int:
        if value < 1:
            raise ValueError("must be at least 1")
        return value

    @validator("close_outcomes")
    def _outcomes(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        if not value:
            raise ValueError("list at least one outcome advisors can choose when closing")
        return value

    def estimated_wait_minutes(self, position: int) -> int:
        """Rough minutes until an advisor replies to the ticket at this place in the queue."""
        return max(1, -(-position * self.minutes_per_conversation // self.advisors_on_duty))


class BulkyItem(Model):
    """bulky_waste.yml item we collect: the words residents use and an optional price of its own."""

    key: str
    name: str
    synonyms: tuple[str, ...] = ()
    price: float | None = None

    _check_key = validator("key", allow_reuse=True)(check_key)

    @validator("price")
    def _price(cls, value: float | None) -> float | None:
        if value is not None and value < 0:
            raise ValueError("cannot be negative")
        return value


_PROMISES_CONTACT = re.compile(
    r"\b(text|txt|call|ring|phone|sms|message|contact)\s+you\b|\bsend you a text\b", re.IGNORECASE
)


class PaymentWays(Model):
    """How a charge is paid. A text with a payment link can only be promised where we know the
    resident's mobile number (they are texting us); everywhere else, say how to pay instead."""

    by_text: str
    otherwise: str
    link: str | None = None

    _check_link = validator("link", allow_reuse=True)(check_url)

    @validator("otherwise")
    def _keeps_no_promise_of_a_text(cls, value: str) -> str:
        if _PROMISES_CONTACT.search(value):
            raise ValueError(
                "this is said where we have no phone number for the resident, so it cannot promise "
                "to text or call them: say how to pay instead (a link, a phone number)"
            )
        return value

    def filled(self, fill: Callable[[str, str, str | None], str]) -> PaymentWays:
        """With {phone}, {link} and the like filled by fill(field, text, link)."""
        return self.copy(
            update={
                "by_text": fill("payment by_text", self.by_text, self.link),
                "otherwise": fill("payment otherwise", self.otherwise, self.link),
            }
        )


class NotCollected(Model):
    """bulky_waste.yml item we do not collect, and what the resident can do instead."""

    name: str
    synonyms: tuple[str, ...] = ()
    instead: str


class BulkyWasteRules(Model):
    """bulky_waste.yml: price list, price band, collection days with their capacity, notice."""

    band_items: int
    band_price: float
    extra_item_price: float
    max_items: int
    notice_working_days: int
    book_ahead_days: int
    dates_offered: int = 4
    cancel_working_days_before: int = 1
    collection_days: dict[str, int]
    put_out_by: time
    payment: PaymentWays
    items: tuple[BulkyItem, ...]
    not_collected: tuple[NotCollected, ...] = ()

    @validator(
        "band_items",
        "max_items",
        "book_ahead_days",
        "dates_offered",
        "band_price",
        "extra_item_price",
    )
    def _positive(cls, value: float) -> float:
        if value <= 0:
            raise ValueError("should be more than zero")
        return value

    @validator("notice_working_days", "cancel_working_days_before")
    def _not_negative(cls, value: int) -> int:
        if value < 0:
            raise ValueError("cannot be negative")
        return value

    @validator("collection_days")
    def _days(cls, value: dict[str, int]) -> dict[str, int]:
        if not value:
            raise ValueError("name at least one collection day")
        for day, capacity in value.items():
            if day.lower() not in WEEKDAYS:
                raise ValueError(f"'{day}' is not a day of the week")
            if capacity < 1:
                raise ValueError(f"{day}: capacity should be at least 1")
        return {day.lower(): capacity for day, capacity in value.items()}

    @validator("items")
    def _unique_items(cls, value: tuple[BulkyItem, ...]) -> tuple[BulkyItem, ...]:
        keys = [item.key for item in value]
        repeated = sorted({key for key in keys if keys.count(key) > 1})
        if repeated:
            raise ValueError(f"item '{repeated[0]}' is listed twice")
        if not value:
            raise ValueError("list at least one item")
        return value

    @root_validator(skip_on_failure=True)
    def _words_used_once(cls, values: dict) -> dict:
        seen: dict[str, str] = {}
        entries = [(i.name, (i.name, *i.synonyms)) for i in values["items"]]
        entries += [(n.name, (n.name, *n.synonyms)) for n in values["not_collected"]]
        for owner, words in entries:
            for word in words:
                word = " ".join(word.lower().replace("-", " ").split())
                if word in seen and seen[word] != owner:
                    raise ValueError(f"'{word}' is used for both {seen[word]} and {owner}")
                seen[word] = owner
        return values


#: The things a venue can offer, in the words venues.yml must use.
FACILITIES = (
    "computers",
    "wifi",
    "printing",
    "courses",
    "assisted_digital",
    "step_free",
    "hearing_loop",
)
VENUE_KINDS = ("library", "community_centre", "partner")


class SessionSlot(Model):
    """A weekly assisted digital session at a venue: when, how long and how many residents."""

    weekday: int
    time: time
    minutes: int
    capacity: int

    _weekday = validator("weekday", pre=True, allow_reuse=True)(lambda v: _weekday_number(v))

    @validator("minutes", "capacity")
    def _positive(cls, value: int) -> int:
        if value < 1:
            raise ValueError("must be at least 1")
        return value


class Venue(Model):
    """venues.yml entry: a place to get online or get help, what it offers and when it is open."""

    id: str
    name: str
    kind: str
    address: str
    postcode: str
    phone: str
    facilities: tuple[str, ...]
    opening_hours: dict[str, str] = {}
    sessions: tuple[SessionSlot, ...] = ()

    _check_phone = validator("phone", allow_reuse=True)(check_phone)

    @validator("id")
    def _id(cls, value: str) -> str:
        if not re.match(r"^[a-z0-9][a-z0-9-]{0,39}$", value):
            raise ValueError(f"'{value}' should be lower case letters, digits and dashes")
        return value

    @validator("kind")
    def _kind(cls, value: str) -> str:
        if value not in VENUE_KINDS:
            raise ValueError(f"'{value}' should be one of: {', '.join(VENUE_KINDS)}")
        return value

    @validator("facilities")
    def _facilities(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for item in value:
            if item not in FACILITIES:
                raise ValueError(f"'{item}' is not one of: {', '.join(FACILITIES)}")
        return value

    @validator("opening_hours")
    def _hours(cls, value: dict[str, str]) -> dict[str, str]:
        for day, text in value.items():
            if str(day).lower() not in WEEKDAYS:
                raise ValueError(f"'{day}' is not a day of the week")
            parse_hours(text)
        return {str(day).lower(): text for day, text in value.items()}

    @root_validator(skip_on_failure=True)
    def _sessions_need_the_facility(cls, values: dict) -> dict:
        if values["sessions"] and "assisted_digital" not in values["facilities"]:
            raise ValueError("has sessions but does not list assisted_digital in facilities")
        hours = {WEEKDAYS.index(d): parse_hours(t) for d, t in values["opening_hours"].items()}
        for slot in values["sessions"]:
            open_hours = hours.get(slot.weekday)
            if open_hours is None or not open_hours[0] <= slot.time < open_hours[1]:
                raise ValueError(
                    f"the {WEEKDAYS[slot.weekday].title()} {slot.time.strftime('%H:%M')} session"
                    " is outside the opening hours"
                )
        return values

    def hours_by_weekday(self) -> dict[int, tuple[time, time] | None]:
        """Opening and closing time per weekday (0 is Monday); None when closed."""
        return {WEEKDAYS.index(day): parse_hours(text) for day, text in self.opening_hours.items()}


def _weekday_number(value: object) -> int:
    if isinstance(value, int) and 0 <= value < 7:
        return value
    name = str(value).strip().lower()
    if name not in WEEKDAYS:
        raise ValueError(f"'{value}' is not a day of the week")
    return WEEKDAYS.index(name)
