"""Keyboard mashing is gibberish; real words and text-speak are not (bot/nlu/gibberish.py)."""

from __future__ import annotations

import pytest

from bot.nlu.gibberish import is_gibberish


@pytest.mark.parametrize(
    "text",
    [
        "qqqq wwww eeee",
        "asdf jkl zzz",
        "asdfgh",
        "jkjkjk",
        "sdfsdfsdf",
        "xcvbnm",
        "zzzz",
        "ksjdhfksjdhf",
    ],
)
def test_keyboard_mashing_is_gibberish(text: str) -> None:
    assert is_gibberish(text)


@pytest.mark.parametrize(
    "text",
    ["blah blah", "hmmm", "banana", "brb", "soz", "innit", "lol", "wat", "mhm", "PCN", "hmm ok"],
)
def test_real_words_and_text_speak_are_not_gibberish(text: str) -> None:
    assert not is_gibberish(text)
