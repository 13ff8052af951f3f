"""housing_repairs.yml: who reports repairs here, repair kinds, emergency triage and timescales."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from pydantic import root_validator, validator

from bot.council.fields import check_key, check_phone, check_unique_keys, check_url
from bot.council.models import Model
from bot.word_match import best_match, phrase_hits

if TYPE_CHECKING:
    from bot.council.files import CouncilFiles

FILE = "housing_repairs.yml"
COUNCIL_TENANCY = "council"
OTHER_KIND = "other"


class Tenancy(Model):
    """Who the resident rents from; everyone but council tenants is told who to contact."""

    key: str
    name: str
    words: tuple[str, ...] = ()
    contact: str | None = None

    _check_key = validator("key", allow_reuse=True)(check_key)

    @root_validator(skip_on_failure=True)
    def _contact_for_others(cls, values: dict) -> dict:
        if values["key"] == COUNCIL_TENANCY and values.get("contact"):
            raise ValueError("council tenants report the repair here, so 'contact' is not needed")
        if values["key"] != COUNCIL_TENANCY and not values.get("contact"):
            raise ValueError(f"'{values['key']}' needs a 'contact' saying who to report repairs to")
        return values


class RepairKind(Model):
    """A kind of repair: the words residents use, the target in working days, the emergency question."""

    key: str
    name: str
    words: tuple[str, ...]
    days: int
    question: str | None = None
    emergency_if: Literal["yes", "no"] | None = None
    emergency_words: tuple[str, ...] = ()

    _check_key = validator("key", allow_reuse=True)(check_key)

    @validator("days")
    def _positive(cls, value: int) -> int:
        if value < 1:
            raise ValueError("should be at least 1 working day")
        return value

    @root_validator(skip_on_failure=True)
    def _question_and_answer(cls, values: dict) -> dict:
        if bool(values.get("question")) != bool(values.get("emergency_if")):
            raise ValueError("'question' and 'emergency_if' go together: give both or neither")
        return values

    def sounds_like_emergency(self, text: str) -> bool:
        """Does the resident's description say it is an emergency (e.g. "sparks", "won't stop")?"""
        return bool(phrase_hits(text, self.emergency_words))


class AccessTime(Model):
    """When the repairs team may call round."""

    key: str
    name: str
    words: tuple[str, ...] = ()

    _check_key = validator("key", allow_reuse=True)(check_key)


class HousingRepairs(Model):
    """housing_repairs.yml."""

    tenancies: tuple[Tenancy, ...]
    private_housing_phone: str
    private_housing_link: str
    out_of_hours_line: str
    emergency_timescale: str
    emergency_hours: int
    kinds: tuple[RepairKind, ...]
    rooms: tuple[str, ...]
    description_max_chars: int = 300
    access_times: tuple[AccessTime, ...]

    _check_phone = validator("private_housing_phone", allow_reuse=True)(check_phone)
    _check_link = validator("private_housing_link", allow_reuse=True)(check_url)

    @validator("tenancies")
    def _one_council(cls, value: tuple[Tenancy, ...]) -> tuple[Tenancy, ...]:
        check_unique_keys(value, "tenancy")
        if not any(t.key == COUNCIL_TENANCY for t in value):
            raise ValueError(f"one tenancy must have key '{COUNCIL_TENANCY}' (council tenants)")
        return value

    @validator("kinds")
    def _kinds(cls, value: tuple[RepairKind, ...]) -> tuple[RepairKind, ...]:
        check_unique_keys(value, "repair kind")
        if not any(kind.key == OTHER_KIND for kind in value):
            raise ValueError(f"one repair kind must have key '{OTHER_KIND}' (something else)")
        seen: dict[str, str] = {}
        for kind in value:
            for word in (kind.name, *kind.words):
                owner = seen.setdefault(word.lower(), kind.key)
                if owner != kind.key:
                    raise ValueError(f"the word '{word}' is listed for both {owner} and {kind.key}")
        return value

    @validator("emergency_hours")
    def _hours(cls, value: int) -> int:
        if not 1 <= value <= 72:
            raise ValueError("should be between 1 and 72 hours")
        return value

    @validator("description_max_chars")
    def _length(cls, value: int) -> int:
        if not 20 <= value <= 1000:
            raise ValueError("should be between 20 and 1000 characters")
        return value

    @validator("rooms", "access_times")
    def _not_empty(cls, value: tuple) -> tuple:
        if not value:
            raise ValueError("should list at least one")
        return value

    def kind(self, key: str | None) -> RepairKind | None:
        return next((kind for kind in self.kinds if kind.key == key), None)

    def tenancy(self, key: str | None) -> Tenancy | None:
        return next((t for t in self.tenancies if t.key == key), None)

    def access_time(self, key: str | None) -> AccessTime | None:
        return next((a for a in self.access_times if a.key == key), None)

    def match_kind(self, text: str) -> RepairKind | None:
        """The repair kind the text describes ("radiators are cold" -> no heating), or None."""
        return best_match(text, [(k, (k.name, *k.words)) for k in self.kinds])

    def match_tenancy(self, text: str) -> Tenancy | None:
        return best_match(text, [(t, (t.name, *t.words)) for t in self.tenancies])

    def match_access_time(self, text: str) -> AccessTime | None:
        return best_match(text, [(a, (a.name, *a.words)) for a in self.access_times])


def load_housing_repairs(
    files: CouncilFiles, safety_lines: dict[str, Any], placeholders: dict[str, str]
) -> HousingRepairs | None:
    """housing_repairs.yml (optional: without it, repairs are answered from information.yml)."""
    from bot.council.loader import CouncilDataError

    if not files.has(FILE):
        return None
    place = files.show(FILE)
    rules = files.yaml_model(FILE, HousingRepairs)
    if rules.out_of_hours_line not in safety_lines:
        raise CouncilDataError(
            f"{place}: out_of_hours_line '{rules.out_of_hours_line}' is not a safety line in council.yml"
        )
    values = {
        **placeholders,
        "private_housing_phone": rules.private_housing_phone,
        "private_housing_link": rules.private_housing_link,
    }
    tenancies = tuple(
        t.copy(update={"contact": files.fill(FILE, f"tenancy {t.key}", t.contact, values)})
        if t.contact
        else t
        for t in rules.tenancies
    )
    return rules.copy(update={"tenancies": tenancies})
