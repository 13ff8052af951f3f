"""Every channel cleans what a resident typed the same way, and accepts only known button payloads (channels/text.py)."""

from __future__ import annotations

import pytest

from channels.text import clean_text, is_intent_payload, readable


def test_spaces_and_line_ends_are_tidied_but_lines_are_kept() -> None:
    assert (
        clean_text("  my bin   was\tmissed \r\n  on Tuesday  ") == "my bin was missed\non Tuesday"
    )


def test_invisible_and_control_characters_are_dropped() -> None:
    assert clean_text("bin\u200b day\x00 please\ufeff") == "bin day please"


def test_accented_letters_typed_two_ways_become_the_same_text() -> None:
    assert clean_text("cafe\u0301") == "caf\u00e9"


def test_a_message_of_only_spaces_is_empty() -> None:
    assert clean_text(" \n\t ") == ""


def test_a_button_payload_for_a_known_intent_is_accepted() -> None:
    assert is_intent_payload("/report_missed_bin", {"report_missed_bin", "greet"})


@pytest.mark.parametrize(
    "payload",
    [
        "/unknown_intent",
        "report_missed_bin",
        '/report_missed_bin{"bin_type": "general"}',
        "/Report_Missed_Bin",
        "/report_missed_bin ",
    ],
)
def test_a_payload_for_an_unknown_intent_or_carrying_slots_is_refused(payload: str) -> None:
    assert not is_intent_payload(payload, {"report_missed_bin"})


def test_card_numbers_and_the_like_are_removed_as_the_text_is_cleaned() -> None:
    assert clean_text("  card\t4111 1111 1111 1111 ,  NI  AB 12 34 56 C ") == (
        "card [card number removed] , NI [National Insurance number removed]"
    )
    assert clean_text("account 51234567 ref MB-7K3F9Q") == "account 51234567 ref MB-7K3F9Q"


def test_a_lone_surrogate_is_unreadable_and_cleaned_to_a_replacement_character():
    assert not readable("bin \ud800 day") and not readable("\udfff")
    assert readable("bin day \U0001f5d1") and readable("")
    assert clean_text("bin \ud800 day") == "bin \ufffd day"
    assert clean_text("bin \ud800 day").encode("utf-8")
