"""UK phone numbers as residents and advisors type them, read with phonenumbers (Google's libphonenumber)."""

from __future__ import annotations

import re
from dataclasses import dataclass

import phonenumbers
from phonenumbers import Leniency, PhoneNumberFormat, PhoneNumberType

UK_COUNTRY_CODE = 44
#: Ofcom keeps these ranges for drama and examples: libphonenumber calls them unassigned, but the
#: demo council, the README and the tests use them because they reach no one.
_DRAMA_MOBILE = re.compile(r"^7700900\d{3}$")
_DRAMA_LANDLINE = re.compile(
    r"^(?:1632960\d{3}|(?:113|114|115|116|117|118|121|131|141|151|161)4960\d{3}|1914980\d{3}"
    r"|2079460\d{3}|2896496\d{3}|2920180\d{3})$"
)
#: Numbers a person can be called or texted back on (not freephone, premium or pager numbers).
_CALLABLE = {
    PhoneNumberType.MOBILE: "mobile",
    PhoneNumberType.FIXED_LINE: "landline",
    PhoneNumberType.FIXED_LINE_OR_MOBILE: "landline",
    PhoneNumberType.UAN: "landline",  # 03 numbers, charged as a landline
    PhoneNumberType.VOIP: "landline",  # 056 numbers
}


@dataclass(frozen=True)
class UkPhone:
    """A UK number: +447700900123 to store or compare, 07700 900123 to show, and what kind it is."""

    e164: str
    national: str
    kind: str  # "mobile" or "landline"

    @property
    def is_mobile(self) -> bool:
        return self.kind == "mobile"


def _kind(number: phonenumbers.PhoneNumber) -> str | None:
    significant = phonenumbers.national_significant_number(number)
    if _DRAMA_MOBILE.match(significant):
        return "mobile"
    if _DRAMA_LANDLINE.match(significant):
        return "landline"
    if not phonenumbers.is_valid_number(number):
        return None
    return _CALLABLE.get(phonenumbers.number_type(number))


def read_uk_phone(text: str | None) -> UkPhone | None:
    """The first UK mobile or landline number in what was typed ("07700 900123", "+44 7700 900123",
    "my number is 01752 668000 thanks"); None if there is none."""
    for match in phonenumbers.PhoneNumberMatcher(str(text or ""), "GB", leniency=Leniency.POSSIBLE):
        number = match.number
        if number.country_code != UK_COUNTRY_CODE:
            continue
        kind = _kind(number)
        if kind is None:
            continue
        return UkPhone(
            e164=phonenumbers.format_number(number, PhoneNumberFormat.E164),
            national=phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL),
            kind=kind,
        )
    return None
