"""Pydantic models for council_tax.yml and benefits.yml (council tax, discounts, benefits)."""

from __future__ import annotations

import re
from datetime import date

from pydantic import root_validator, validator

from bot.council.fields import check_key, check_phone, check_url
from bot.council.models import Model

BANDS = ("A", "B", "C", "D", "E", "F", "G", "H")
#: Discount handled by the chat itself; every other discount is signposted.
SELF_SERVICE_DISCOUNT = "single_person"


class DateWindow(Model):
    """How many days back and ahead a date a resident gives may be."""

    earliest_days_ago: int
    latest_days_ahead: int

    @validator("earliest_days_ago", "latest_days_ahead")
    def _not_negative(cls, value: int) -> int:
        if value < 0:
            raise ValueError("cannot be negative")
        return value


class PaymentMethod(Model):
    """One way to pay council tax, with its link or phone number if it has one."""

    name: str
    how: str
    link: str | None = None
    phone: str | None = None

    _check_link = validator("link", allow_reuse=True)(check_url)
    _check_phone = validator("phone", allow_reuse=True)(
        lambda v: v if v is None else check_phone(v)
    )


class AccountNumber(Model):
    """The format of a council tax account number, as a regular expression and in words."""

    pattern: str
    description: str
    example: str

    @validator("pattern")
    def _compiles(cls, value: str) -> str:
        try:
            re.compile(value)
        except re.error as error:
            raise ValueError(f"'{value}' is not a regular expression ({error})") from None
        return value

    @root_validator(skip_on_failure=True)
    def _example_fits(cls, values: dict) -> dict:
        if not re.fullmatch(values["pattern"], values["example"]):
            raise ValueError(f"the example '{values['example']}' does not match the pattern")
        return values

    def matches(self, text: str) -> bool:
        return re.fullmatch(self.pattern, text) is not None


class Arrears(Model):
    """What the first reply about council tax arrears says, with care for court and bailiff words."""

    opening: str
    summons_words: tuple[str, ...]
    summons: str
    enforcement_words: tuple[str, ...]
    enforcement: str
    debt_advice: str


class Discount(Model):
    """A council tax discount: the words residents use, and how to apply (or its percentage)."""

    name: str
    words: tuple[str, ...]
    percent: int | None = None
    answer: str | None = None
    link: str | None = None
    earliest_days_ago: int | None = None
    latest_days_ahead: int | None = None

    _check_link = validator("link", allow_reuse=True)(check_url)

    @validator("words")
    def _some_words(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        if not value:
            raise ValueError("list at least one word residents use for it")
        return tuple(word.lower() for word in value)


class CouncilTaxRules(Model):
    """council_tax.yml: charges by band, instalments, payment, moving home, arrears and discounts."""

    year: str
    bands: dict[str, float]
    band_check_link: str
    instalments: tuple[date, ...]
    twelve_instalments: str
    direct_debit_days: tuple[int, ...]
    direct_debit_link: str
    payment_methods: tuple[PaymentMethod, ...]
    account_link: str
    missing_bill: str
    missing_bill_link: str
    account_number: AccountNumber
    moving: DateWindow
    arrears: Arrears
    discounts: dict[str, Discount]

    _check_links = validator(
        "band_check_link",
        "direct_debit_link",
        "account_link",
        "missing_bill_link",
        allow_reuse=True,
    )(check_url)

    @validator("bands")
    def _bands(cls, value: dict[str, float]) -> dict[str, float]:
        names = tuple(str(band).upper() for band in value)
        if names != BANDS:
            raise ValueError("list the bands A to H, in order, once each")
        amounts = list(value.values())
        if any(amount <= 0 for amount in amounts):
            raise ValueError("each band's amount should be more than zero")
        if any(later <= earlier for earlier, later in zip(amounts, amounts[1:], strict=False)):
            raise ValueError("each band should cost more than the band before it")
        return {str(band).upper(): amount for band, amount in value.items()}

    @validator("instalments")
    def _instalments(cls, value: tuple[date, ...]) -> tuple[date, ...]:
        if not value:
            raise ValueError("list at least one instalment date")
        if list(value) != sorted(set(value)):
            raise ValueError("instalment dates should be in order, each once")
        return value

    @validator("direct_debit_days")
    def _days(cls, value: tuple[int, ...]) -> tuple[int, ...]:
        if not value or any(not 1 <= day <= 28 for day in value):
            raise ValueError("direct debit days should be days of the month from 1 to 28")
        return value

    @validator("payment_methods")
    def _methods(cls, value: tuple[PaymentMethod, ...]) -> tuple[PaymentMethod, ...]:
        if not value:
            raise ValueError("list at least one way to pay")
        return value

    @validator("discounts")
    def _discounts(cls, value: dict[str, Discount]) -> dict[str, Discount]:
        single = value.get(SELF_SERVICE_DISCOUNT)
        if single is None:
            raise ValueError(f"'{SELF_SERVICE_DISCOUNT}' is missing")
        if not single.percent or not 0 < single.percent <= 100:
            raise ValueError(f"{SELF_SERVICE_DISCOUNT}: percent should be from 1 to 100")
        if single.earliest_days_ago is None or single.latest_days_ahead is None:
            raise ValueError(
                f"{SELF_SERVICE_DISCOUNT}: earliest_days_ago and latest_days_ahead are needed"
            )
        for key, discount in value.items():
            if key != SELF_SERVICE_DISCOUNT and (not discount.answer or not discount.link):
                raise ValueError(f"{key}: needs an answer and a link to the form")
        seen: dict[str, str] = {}
        for key, discount in value.items():
            for word in discount.words:
                if word in seen and seen[word] != key:
                    raise ValueError(f"'{word}' is used for both {seen[word]} and {key}")
                seen[word] = key
        return value

    @property
    def single_person(self) -> Discount:
        return self.discounts[SELF_SERVICE_DISCOUNT]

    @property
    def single_person_window(self) -> DateWindow:
        single = self.single_person
        return DateWindow(
            earliest_days_ago=single.earliest_days_ago or 0,
            latest_days_ahead=single.latest_days_ahead or 0,
        )


class ChangeKind(Model):
    """A kind of change of circumstances: its button title and the words residents use."""

    key: str
    title: str
    words: tuple[str, ...] = ()

    _check_key = validator("key", allow_reuse=True)(check_key)


class BenefitsRules(Model):
    """benefits.yml: who gets what, how to apply, and the rules for reporting a change."""

    state_pension_age: int
    apply_link: str
    working_age: str
    pension_age: str
    council_tax_support: str
    how_to_apply: str
    claim_progress: str
    changes: tuple[ChangeKind, ...]
    earliest_days_ago: int
    latest_days_ahead: int
    description_max_chars: int
    overpayment_note: str

    _check_link = validator("apply_link", allow_reuse=True)(check_url)

    @validator("changes")
    def _changes(cls, value: tuple[ChangeKind, ...]) -> tuple[ChangeKind, ...]:
        if not value:
            raise ValueError("list at least one kind of change")
        keys = [change.key for change in value]
        repeated = sorted({key for key in keys if keys.count(key) > 1})
        if repeated:
            raise ValueError(f"the change '{repeated[0]}' is listed twice")
        return value

    @validator("description_max_chars")
    def _length(cls, value: int) -> int:
        if not 20 <= value <= 1000:
            raise ValueError("should be from 20 to 1000 characters")
        return value

    @validator("earliest_days_ago", "latest_days_ahead", "state_pension_age")
    def _not_negative(cls, value: int) -> int:
        if value < 0:
            raise ValueError("cannot be negative")
        return value

    @property
    def window(self) -> DateWindow:
        return DateWindow(
            earliest_days_ago=self.earliest_days_ago, latest_days_ahead=self.latest_days_ahead
        )
