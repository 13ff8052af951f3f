"""Splitting a message into words and telling English letters and words from others (bot/nlu/words.py)."""

from __future__ import annotations

from bot.nlu.words import (
    english_zipf,
    has_digits,
    has_foreign_letters,
    has_word_list,
    latin_share,
    words,
    zipf_in,
)


def test_postcodes_references_and_numbers_are_not_words():
    assert words("My bin at PL1 1JB, ref MB-7K3F9Q, wasn't emptied on the 14th!") == [
        "my",
        "bin",
        "at",
        "ref",
        "wasn't",
        "emptied",
        "on",
        "the",
    ]


def test_a_chunk_with_a_digit_is_a_number_or_reference():
    assert has_digits("1JB") and not has_digits("bin")


def test_common_english_words_score_higher_than_rare_ones_and_nonsense_scores_nothing():
    assert english_zipf("bin") > english_zipf("receptacle") > 0
    assert english_zipf("xqzvbn") == 0


def test_a_language_without_a_word_list_is_never_scored_as_english():
    assert not has_word_list("cy")
    assert zipf_in("bin", "cy") == 0.0
    assert has_word_list("pl") and zipf_in("jest", "pl") > 3


def test_the_share_of_latin_letters_tells_other_scripts_apart():
    assert latin_share("my bin") == 1.0
    assert latin_share("12 34") == 1.0
    assert latin_share("مرحبا") == 0.0


def test_letters_english_never_uses_mark_another_language():
    assert has_foreign_letters("Mój kosz nie został opróżniony")
    assert not has_foreign_letters("my bin was not emptied")
