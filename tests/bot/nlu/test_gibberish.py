"""Keyboard mashing is gibberish; real words and text-speak are not (bot/nlu/gibberish.py)."""

from __future__ import annotations

import pytest

from bot.nlu.gibberish import is_gibberish, reads_as_language, repeated_text


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


#: Repeated characters, repeated words and mashing that once reached the urgent queue as a
#: classifier's guess ("x" * 100 was domestic_abuse at 1.0; "homeless homeless …" homelessness).
NOT_LANGUAGE = [
    "x" * 100,
    "x" * 1000 + "!",
    "X" * 200,
    "x " * 80,
    "xx " * 40,
    "xxx " * 30,
    "x.x.x." * 20,
    "xXxXxX" * 20,
    "ha" * 50,
    "abc" * 40,
    "qwertyuiop" * 5,
    "zzzzzzzzzzzz",
    "hhhhhhhhhhhhhhhhhhh",
    "kill kill kill kill",
    "die die die die",
    "abuse abuse abuse abuse abuse abuse",
    "abuseabuseabuseabuse",
    "hurt hurt hurt hurt",
    "knife knife knife knife knife",
    "danger danger danger danger",
    "smell smell smell smell smell",
    "scared scared scared scared",
    "child child child child",
    "end end end end end end",
    "suicidesuicidesuicidesuicide",
    "homelesshomelesshomelesshomeless",
    "help help help help help",
    "😀" * 50,
    "!!!!!!!!!!!!",
    "1111 2222 3333",
    "/domestic_abuse",
    "/suicide_self_harm",
    "asdf jkl zzz",
    "",
]


@pytest.mark.parametrize("text", NOT_LANGUAGE)
def test_repeated_characters_words_and_mashing_do_not_read_as_language(text: str) -> None:
    assert not reads_as_language(text)


@pytest.mark.parametrize(
    "text",
    [
        "my partner hits me",
        "i dont want to be here anymore",
        "gas",
        "hurt",
        "there's a strong smell of gas in the kitchen",
        "im so so so so scared",
        "aaaaargh help me he's got a knife",
        "he hurts me he hurts me he hurts me",
        "mój mąż mnie bije",
        "no no no no please he is hitting her",
    ],
)
def test_words_a_person_could_mean_read_as_language(text: str) -> None:
    assert reads_as_language(text)


def test_a_stretched_word_is_not_one_run_repeated_but_a_wall_of_one_letter_is() -> None:
    assert not repeated_text("pleeeease help me")
    assert repeated_text("eeeeeeeeeeeeeeeeee help")
