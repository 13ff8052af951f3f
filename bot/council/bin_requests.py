"""bin_requests.yml: why residents order bins, what each container costs, who can have a larger bin."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from pydantic import validator

from bot.council.fields import check_key
from bot.council.models import BinsFile, Model, PaymentWays

#: The reason that needs the household check (``larger_bin``) before it can be ordered.
LARGER = "larger"


def words_used_once(entries: list[tuple[str, tuple[str, ...]]]) -> None:
    """Each word residents use may point to one entry only, or matching would be a guess."""
    seen: dict[str, str] = {}
    for owner, words in entries:
        for word in words:
            word = " ".join(word.lower().replace("-", " ").replace("'", "").split())
            if word in seen and seen[word] != owner:
                raise ValueError(f"'{word}' is used for both {seen[word]} and {owner}")
            seen[word] = owner


def unique_keys(keys: list[str], what: str) -> None:
    repeated = sorted({key for key in keys if keys.count(key) > 1})
    if repeated:
        raise ValueError(f"{what} '{repeated[0]}' is listed twice")


class BinRequestReason(Model):
    """Why a resident wants a bin (stolen, damaged, ...), in the words they use."""

    key: str
    name: str
    synonyms: tuple[str, ...] = ()

    _check_key = validator("key", allow_reuse=True)(check_key)


class Container(Model):
    """A bin, box or caddy residents can order: the reasons it is offered for, with prices."""

    bin_type: str
    description: str
    charges: dict[str, float]
    not_offered: str
    note: str | None = None

    @validator("charges")
    def _charges(cls, value: dict[str, float]) -> dict[str, float]:
        if not value:
            raise ValueError("list at least one reason it can be ordered for")
        for reason, price in value.items():
            if price < 0:
                raise ValueError(f"{reason}: the price cannot be negative")
        return value

    def price(self, reason: str) -> Decimal | None:
        """The price in pounds for this reason, or None if it is not offered for it."""
        if reason not in self.charges:
            return None
        return Decimal(str(self.charges[reason])).quantize(Decimal("0.01"))


class LargerBinRules(Model):
    """Who can have a larger bin: a household of at least ``min_household``, or a medical need."""

    min_household: int
    medical_need: bool = True
    refused: str

    @validator("min_household")
    def _positive(cls, value: int) -> int:
        if value < 1:
            raise ValueError("should be at least 1")
        return value


class BinRequestRules(Model):
    """bin_requests.yml."""

    reasons: tuple[BinRequestReason, ...]
    containers: tuple[Container, ...]
    larger_bin: LargerBinRules
    payment: PaymentWays
    delivery: str
    old_bin: str

    @validator("reasons")
    def _reasons(cls, value: tuple[BinRequestReason, ...]) -> tuple[BinRequestReason, ...]:
        if not value:
            raise ValueError("list at least one reason")
        unique_keys([reason.key for reason in value], "reason")
        words_used_once([(r.name, (r.key.replace("_", " "), *r.synonyms)) for r in value])
        return value

    @validator("containers")
    def _containers(
        cls, value: tuple[Container, ...], values: dict[str, Any]
    ) -> tuple[Container, ...]:
        if not value:
            raise ValueError("list at least one container")
        unique_keys([container.bin_type for container in value], "bin type")
        known = {reason.key for reason in values.get("reasons") or ()}
        for container in value:
            for reason in container.charges:
                if known and reason not in known:
                    raise ValueError(
                        f"{container.bin_type}: charges name the reason '{reason}', which is not in reasons"
                    )
        return value

    def container(self, bin_type: str) -> Container | None:
        return next((c for c in self.containers if c.bin_type == bin_type), None)

    def reason(self, key: str) -> BinRequestReason | None:
        return next((r for r in self.reasons if r.key == key), None)


def load_bin_requests(files: Any, bins: BinsFile, placeholders: dict[str, str]) -> BinRequestRules:
    """bin_requests.yml, checked against bins.yml, with {phone} and the like filled in."""
    from bot.council.loader import CouncilDataError

    name = "bin_requests.yml"
    rules = files.yaml_model(name, BinRequestRules)
    place = files.show(name)
    bin_keys = {bin_type.key for bin_type in bins.bin_types}
    for container in rules.containers:
        if container.bin_type not in bin_keys:
            raise CouncilDataError(
                f"{place}: containers: bin type '{container.bin_type}' is not in bins.yml"
            )

    def fill(field: str, text: str) -> str:
        return files.fill(name, field, text, placeholders)

    containers = tuple(
        c.copy(
            update={
                "not_offered": fill(f"{c.bin_type} not_offered", c.not_offered),
                "note": fill(f"{c.bin_type} note", c.note) if c.note else None,
            }
        )
        for c in rules.containers
    )
    larger = rules.larger_bin.copy(
        update={"refused": fill("larger_bin refused", rules.larger_bin.refused)}
    )
    return rules.copy(
        update={
            "containers": containers,
            "larger_bin": larger,
            "payment": rules.payment.filled(
                lambda field, text, link: files.fill(name, field, text, placeholders, link)
            ),
            "delivery": fill("delivery", rules.delivery),
            "old_bin": fill("old_bin", rules.old_bin),
        }
    )
