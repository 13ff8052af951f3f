"""Card numbers, bank details, NI numbers and passwords are found and removed; nothing else is."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.privacy import redact
from bot.sensitive_numbers import (
    Kind,
    mask,
    mask_json,
    mask_text,
    removal_notice,
    removed_from,
    removed_from_json,
)
from bot.storage.references import new_reference

CARD = Kind.CARD.value
BANK = Kind.BANK.value
NINO = Kind.NINO.value
PASSWORD = Kind.PASSWORD.value


@pytest.mark.parametrize(
    "text, secret",
    [
        ("my card number is 4111 1111 1111 1111", "4111 1111 1111 1111"),
        ("card 4111-1111-1111-1111 exp 12/27", "4111-1111-1111-1111"),
        ("4111111111111111", "4111111111111111"),
        ("pay with 5500 0000 0000 0004 please", "5500 0000 0000 0004"),
        ("amex 3782 822463 10005", "3782 822463 10005"),
        ("visa 4222222222222 (13 digits)", "4222222222222"),
        ("19 digits 6011 0009 9013 9424 000", "6011 0009 9013 9424 000"),
        ("it's 4111 1111 1111 1111, can I pay my council tax", "4111 1111 1111 1111"),
        ("council tax 51234567 card 4111111111111111", "4111111111111111"),
        ("51234567 4111111111111111", "4111111111111111"),
    ],
)
def test_card_numbers_that_pass_luhn_are_removed(text, secret):
    masked = mask_text(text)
    assert secret not in masked.text
    assert secret.replace(" ", "").replace("-", "") not in masked.text.replace(" ", "")
    assert CARD in masked.text and masked.found == {Kind.CARD}


@pytest.mark.parametrize(
    "text",
    [
        "4111 1111 1111 1112",  # fails Luhn
        "my council tax account number is 51234567",
        "account 5194 8230",
        "1234567890123",  # 13 digits, fails Luhn
        "0000 0000 0000 0000",  # no card starts with 0
        "call me on 07700 900123 or +44 7700 900123",
        "0044 7700 900123",
        "+441234567890123",
        "my postcode is PL1 2AA",
        "my reference is MB-7K3F9Q",
        "I paid £1,234.56 on 12/03/2026",
        "flat 12, 34 Acacia Avenue",
    ],
)
def test_other_numbers_survive(text):
    assert mask_text(text) == mask_text(text).__class__(text, frozenset())


def test_a_service_request_reference_survives_whatever_it_holds():
    for _ in range(200):
        reference = new_reference("MB")
        for text in (reference, f"ref {reference} a", reference.replace("-", " ")):
            assert mask(text) == text


@pytest.mark.parametrize(
    "text, gone",
    [
        ("sort code 12-34-56 account 12345678", ["12-34-56", "12345678"]),
        ("my sort code is 123456 and account number 87654321", ["123456", "87654321"]),
        ("Sortcode: 12 34 56, acc no 12345678", ["12 34 56", "12345678"]),
        ("account number 12345678 sort code 12-34-56", ["12345678", "12-34-56"]),
        ("123456 12345678", ["123456", "12345678"]),
        ("12-34-56 12345678", ["12-34-56", "12345678"]),
        ("12-34-56, 12345678", ["12-34-56", "12345678"]),
        ("the sort code is 20-00-00", ["20-00-00"]),
        ("my bank account number is 12345678", ["12345678"]),
        ("IBAN GB29 NWBK 6016 1331 9268 19 thanks", ["6016 1331 9268 19"]),
        ("GB29NWBK60161331926819", ["60161331926819"]),
    ],
)
def test_bank_details_are_removed(text, gone):
    masked = mask_text(text)
    for secret in gone:
        assert secret not in masked.text
    assert BANK in masked.text and masked.found == {Kind.BANK}


def test_the_council_tax_account_beside_bank_details_survives():
    for text in (
        "sort code 12-34-56 account 12345678 and my council tax account number is 51234567",
        "my council tax account 51234567, bank sort code 123456 account 87654321",
        "sort code 12-34-56, my council tax account is 51234567",
    ):
        masked = mask(text)
        assert "51234567" in masked and "12-34-56" not in masked and "123456 " not in masked


def test_an_eight_digit_number_alone_is_not_bank_details():
    assert mask("my account number is 12345678") == "my account number is 12345678"


@pytest.mark.parametrize(
    "text, secret",
    [
        ("my NI number is AB123456C", "AB123456C"),
        ("ni no: ab 12 34 56 c", "ab 12 34 56 c"),
        ("National Insurance number JT 12 34 56 D please", "JT 12 34 56 D"),
        ("QQ 12 34 56 C", "QQ 12 34 56 C"),  # HMRC's specimen, copied from forms
        ("my national insurance is AB123456", "AB123456"),  # suffix left off after the words
        ("it's ce123456a", "ce123456a"),
    ],
)
def test_national_insurance_numbers_are_removed(text, secret):
    masked = mask_text(text)
    assert secret not in masked.text and NINO in masked.text and masked.found == {Kind.NINO}


@pytest.mark.parametrize(
    "text",
    [
        "GB 12 34 56 A",  # never issued
        "ZZ123456A",
        "DA123456A",  # D is never a first letter
        "AO123456A",  # O is never a second letter
        "AB123456E",  # the suffix is A to D
        "AB123456",  # no suffix and no words saying what it is
    ],
)
def test_things_that_are_not_national_insurance_numbers_survive(text):
    assert mask(text) == text


@pytest.mark.parametrize(
    "text, secret",
    [
        ("my password is hunter2 and my bin wasn't collected", "hunter2"),
        ("pwd: s3cret!", "s3cret!"),
        ("Password=Tr0ub4dor&3", "Tr0ub4dor&3"),
        ("my password's Fluffy99", "Fluffy99"),
        ("the password for the council tax site is Rover1987", "Rover1987"),
        ('my passcode is "open sesame"', "open sesame"),
        ("my pin is 1234", "1234"),
        ("PIN 4321", "4321"),
        ("my new password is now Kettle42", "Kettle42"),
    ],
)
def test_passwords_are_removed(text, secret):
    masked = mask_text(text)
    assert secret not in masked.text and PASSWORD in masked.text
    assert masked.found == {Kind.PASSWORD}


@pytest.mark.parametrize(
    "text",
    [
        "I forgot my password",
        "my password is wrong",
        "my password is not working",
        "how do I reset my password?",
        "password: can you help",
        "I can't log in to pay my council tax",
    ],
)
def test_talking_about_a_password_keeps_the_message(text):
    assert mask(text) == text


def test_the_message_around_what_was_removed_is_kept():
    masked = mask("my bin wasn't collected at PL1 2AA, call 07700 900123, card 4111 1111 1111 1111")
    assert masked == (
        "my bin wasn't collected at PL1 2AA, call 07700 900123, card [card number removed]"
    )


def test_several_kinds_in_one_message_are_all_removed():
    masked = mask_text("card 4111111111111111, NI AB123456C, sort code 123456 acc 12345678")
    assert masked.found == {Kind.CARD, Kind.NINO, Kind.BANK}
    assert removed_from(masked.text) == masked.found


def test_json_values_are_masked_in_every_string_and_nothing_else():
    value = {"text": "card 4111111111111111", "n": 4111111111111111, "items": ["AB123456C"]}
    masked = mask_json(value)
    assert masked == {"text": f"card {CARD}", "n": 4111111111111111, "items": [NINO]}
    assert removed_from_json(masked) == {Kind.CARD, Kind.NINO}
    assert removed_from_json({"text": "nothing"}) == frozenset()


def test_masking_twice_changes_nothing_more():
    once = mask("card 4111111111111111 pwd: x7 NI AB123456C")
    assert mask(once) == once


def test_logs_never_show_what_is_never_stored():
    logged = redact("card 4111 1111 1111 1111 password is hunter2 NI AB 12 34 56 C")
    for secret in ("4111", "hunter2", "AB 12 34 56 C"):
        assert secret not in logged


def test_the_resident_is_told_kindly_what_was_removed_and_why():
    assert removal_notice(set()) is None
    assert removal_notice({Kind.CARD}) == (
        "I've removed what looked like a card number from your message, to keep it safe. "
        "Please don't send card or bank details here; we'll never ask for them in this chat."
    )
    assert "bank details" in (removal_notice({Kind.BANK}) or "")
    assert removal_notice({Kind.NINO}) == (
        "I've removed what looked like a National Insurance number from your message, to keep "
        "it safe. Please don't send it here; we'll never ask for it in this chat."
    )
    both = removal_notice({Kind.PASSWORD, Kind.CARD}) or ""
    assert "a card number and a password" in both and "send them" in both


def test_a_message_of_thousands_of_numbers_is_still_masked_to_the_end():
    text = "1 " * 2000 + "4111 1111 1111 1111"
    assert mask(text).endswith(CARD)


def luhn_digit(body: str) -> str:
    total = 0
    for i, char in enumerate(reversed(body)):
        d = int(char)
        if i % 2 == 0:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return str((10 - total % 10) % 10)


@st.composite
def card_numbers(draw: st.DrawFn) -> str:
    length = draw(st.integers(13, 19))
    first = draw(st.sampled_from("23456"))
    body = first + draw(st.text("0123456789", min_size=length - 2, max_size=length - 2))
    digits = body + luhn_digit(body)
    separator = draw(st.sampled_from(["", " ", "-"]))
    return separator.join(digits[i : i + 4] for i in range(0, len(digits), 4))


@settings(max_examples=300, deadline=None)
@given(card=card_numbers(), before=st.sampled_from(["", "my card is ", "pay with "]))
def test_any_valid_card_number_is_removed(card, before):
    masked = mask(f"{before}{card} thanks")
    assert card.replace(" ", "").replace("-", "") not in masked.replace(" ", "").replace("-", "")


def test_a_card_number_in_other_digits_is_removed_too():
    for card in ("٤١١١١١١١١١١١١١١١", "４１１１ １１１１ １１１１ １１１１"):
        assert mask(f"card {card} ok") == f"card {CARD} ok"


@settings(max_examples=500, deadline=None)
@given(text=st.text(max_size=300))
def test_any_text_at_all_is_masked_without_an_error(text):
    masked = mask_text(text)
    assert removed_from(masked.text) >= masked.found
    assert mask(masked.text) == masked.text


@settings(max_examples=500, deadline=None)
@given(
    text=st.lists(
        st.sampled_from(
            ["4111", "1111", " ", "-", "12", "34", "56", "AB", "C", "sort code", "pwd:", "pin",
             "password is", "١", "４", "GB29", "NWBK", "account", "NI", "\n", ".", "+44"]
        ),
        max_size=40,
    ).map("".join)
)  # fmt: skip
def test_awkward_mixtures_of_numbers_and_words_are_masked_without_an_error(text):
    masked = mask_text(text)
    assert mask(masked.text) == masked.text
