"""fly_tipping.yml and street_problems.yml: what residents report, how quickly it is dealt with."""

from __future__ import annotations

from typing import Any

from pydantic import root_validator, validator

from bot.council.bin_requests import unique_keys, words_used_once
from bot.council.fields import check_key
from bot.council.models import Model


def _not_negative(value: int) -> int:
    if value < 0:
        raise ValueError("cannot be negative")
    return value


class FlyTipKind(Model):
    """A kind of dumped rubbish, the words residents use, and how soon it is cleared."""

    key: str
    name: str
    synonyms: tuple[str, ...] = ()
    clear_within_working_days: int
    hazardous: bool = False

    _check_key = validator("key", allow_reuse=True)(check_key)
    _check_days = validator("clear_within_working_days", allow_reuse=True)(_not_negative)


class FlyTipAmount(Model):
    """How much was dumped ("a bag or two", "a van load or more")."""

    key: str
    name: str
    synonyms: tuple[str, ...] = ()

    _check_key = validator("key", allow_reuse=True)(check_key)


class FlyTippingRules(Model):
    """fly_tipping.yml."""

    kinds: tuple[FlyTipKind, ...]
    amounts: tuple[FlyTipAmount, ...]
    hazard_advice: str

    @validator("kinds", "amounts")
    def _entries(cls, value: tuple[Any, ...]) -> tuple[Any, ...]:
        if not value:
            raise ValueError("list at least one")
        unique_keys([entry.key for entry in value], "key")
        words_used_once([(e.name, (e.name, *e.synonyms)) for e in value])
        return value

    def kind(self, key: str) -> FlyTipKind | None:
        return next((k for k in self.kinds if k.key == key), None)

    def amount(self, key: str) -> FlyTipAmount | None:
        return next((a for a in self.amounts if a.key == key), None)


class UrgentCheck(Model):
    """The safety question for a street problem, and the quicker timescale when the answer is yes."""

    question: str
    label: str
    within_hours: int | None = None
    within_working_days: int | None = None

    @root_validator(skip_on_failure=True)
    def _one_timescale(cls, values: dict[str, Any]) -> dict[str, Any]:
        hours, days = values.get("within_hours"), values.get("within_working_days")
        if (hours is None) == (days is None):
            raise ValueError("give within_hours or within_working_days (one of them)")
        if (hours is not None and hours < 1) or (days is not None and days < 0):
            raise ValueError("the urgent timescale should be at least an hour")
        return values


class StreetProblemKind(Model):
    """A kind of street problem, the words residents use, and how soon it is fixed."""

    key: str
    name: str
    synonyms: tuple[str, ...] = ()
    fix_within_working_days: int
    urgent: UrgentCheck | None = None
    asks_lamp_number: bool = False
    #: Said at once when this kind is chosen (e.g. "please don't touch them").
    advice: str | None = None

    _check_key = validator("key", allow_reuse=True)(check_key)
    _check_days = validator("fix_within_working_days", allow_reuse=True)(_not_negative)

    @root_validator(skip_on_failure=True)
    def _urgent_is_quicker(cls, values: dict[str, Any]) -> dict[str, Any]:
        urgent = values.get("urgent")
        days = urgent.within_working_days if urgent else None
        if days is not None and days >= values["fix_within_working_days"]:
            raise ValueError(
                "urgent within_working_days should be quicker than fix_within_working_days"
            )
        return values


class StreetProblemRules(Model):
    """street_problems.yml."""

    kinds: tuple[StreetProblemKind, ...]

    @validator("kinds")
    def _kinds(cls, value: tuple[StreetProblemKind, ...]) -> tuple[StreetProblemKind, ...]:
        if not value:
            raise ValueError("list at least one")
        unique_keys([kind.key for kind in value], "kind")
        words_used_once([(k.name, (k.name, *k.synonyms)) for k in value])
        return value

    def kind(self, key: str) -> StreetProblemKind | None:
        return next((k for k in self.kinds if k.key == key), None)


def load_fly_tipping(files: Any, placeholders: dict[str, str]) -> FlyTippingRules:
    """fly_tipping.yml, checked, with {phone} and the like filled in the hazard advice."""
    name = "fly_tipping.yml"
    rules = files.yaml_model(name, FlyTippingRules)
    advice = files.fill(name, "hazard_advice", rules.hazard_advice, placeholders)
    return rules.copy(update={"hazard_advice": advice})


def load_street_problems(files: Any) -> StreetProblemRules:
    """street_problems.yml, checked."""
    name = "street_problems.yml"
    return files.yaml_model(name, StreetProblemRules)
