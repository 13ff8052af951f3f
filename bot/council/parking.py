"""parking.yml: residents' parking zones by street, permit types, prices, limits, evidence and fines."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from pydantic import root_validator, validator

from bot.council.fields import check_key, check_unique_keys, check_url
from bot.council.models import Model, Street
from bot.word_match import best_match

if TYPE_CHECKING:
    from bot.council.files import CouncilFiles

FILE = "parking.yml"


class PermitType(Model):
    """A kind of permit: resident, visitor or business, and the evidence it needs."""

    key: str
    name: str
    words: tuple[str, ...] = ()
    needs_vehicle: bool
    lasts: str
    evidence: tuple[str, ...]

    _check_key = validator("key", allow_reuse=True)(check_key)

    @validator("evidence")
    def _some_evidence(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        if not value:
            raise ValueError("should list at least one thing to send")
        return value


class ZonePermit(Model):
    """A permit type's price and limit in one zone."""

    price: float
    max_per_household: int

    @validator("price")
    def _price(cls, value: float) -> float:
        if value < 0:
            raise ValueError("cannot be negative")
        return round(value, 2)

    @validator("max_per_household")
    def _limit(cls, value: int) -> int:
        if value < 1:
            raise ValueError("should be at least 1")
        return value


class Zone(Model):
    """A residents' parking zone, its streets and the permits sold in it."""

    key: str
    name: str
    hours: str
    streets: tuple[str, ...]
    permits: dict[str, ZonePermit]

    @validator("streets", "permits")
    def _not_empty(cls, value: Any) -> Any:
        if not value:
            raise ValueError("should list at least one")
        return value


class Fines(Model):
    """Penalty charge notices: the two rates and the days to pay."""

    link: str
    higher_rate: float
    lower_rate: float
    discount_days: int
    pay_within_days: int

    _check_link = validator("link", allow_reuse=True)(check_url)

    @root_validator(skip_on_failure=True)
    def _sensible(cls, values: dict) -> dict:
        if values["lower_rate"] > values["higher_rate"]:
            raise ValueError("lower_rate is more than higher_rate")
        if not 0 < values["discount_days"] <= values["pay_within_days"]:
            raise ValueError("discount_days should be between 1 and pay_within_days")
        return values


class ParkingRules(Model):
    """parking.yml."""

    link: str
    payment: str
    evidence_upload: str
    evidence_within_working_days: int
    permit_types: tuple[PermitType, ...]
    zones: tuple[Zone, ...]
    fines: Fines | None = None

    _check_links = validator("link", "evidence_upload", allow_reuse=True)(check_url)

    @validator("permit_types")
    def _types(cls, value: tuple[PermitType, ...]) -> tuple[PermitType, ...]:
        return check_unique_keys(value, "permit type")

    @validator("zones")
    def _zones(cls, value: tuple[Zone, ...]) -> tuple[Zone, ...]:
        check_unique_keys(value, "zone")
        owner: dict[str, str] = {}
        for zone in value:
            for street in zone.streets:
                first = owner.setdefault(street.lower(), zone.key)
                if first != zone.key:
                    raise ValueError(
                        f"the street '{street}' is in both zone {first} and zone {zone.key}"
                    )
        return value

    @root_validator(skip_on_failure=True)
    def _known_permits(cls, values: dict) -> dict:
        known = {permit.key for permit in values["permit_types"]}
        for zone in values["zones"]:
            unknown = sorted(set(zone.permits) - known)
            if unknown:
                raise ValueError(
                    f"zone {zone.key}: the permit '{unknown[0]}' is not in permit_types"
                )
        return values

    def zone_for(self, street_name: str | None) -> Zone | None:
        """The zone a street is in, or None if no permit is needed or sold there."""
        name = (street_name or "").lower()
        return next((z for z in self.zones if name in (s.lower() for s in z.streets)), None)

    def permit_type(self, key: str | None) -> PermitType | None:
        return next((p for p in self.permit_types if p.key == key), None)

    def match_permit_type(self, text: str, zone: Zone) -> PermitType | None:
        sold = [p for p in self.permit_types if p.key in zone.permits]
        return best_match(text, [(p, (p.key, p.name, *p.words)) for p in sold])


def load_parking(
    files: CouncilFiles, streets: Sequence[Street], placeholders: dict[str, str]
) -> ParkingRules | None:
    """parking.yml (optional), with every zone's streets checked against streets.csv."""
    from bot.council.loader import CouncilDataError

    if not files.has(FILE):
        return None
    place = files.show(FILE)
    rules = files.yaml_model(FILE, ParkingRules)
    names = {street.name.lower() for street in streets}
    for zone in rules.zones:
        for street in zone.streets:
            if street.lower() not in names:
                raise CouncilDataError(
                    f"{place}: zone {zone.key}: the street '{street}' is not in streets.csv"
                )
    payment = files.fill(FILE, "payment", rules.payment, placeholders)
    return rules.copy(update={"payment": payment})
