"""Matching residents' own words, typos included, to the council's lists of terms (bot/word_match.py)."""

from __future__ import annotations

from bot.word_match import best_match, match_keys, match_one, phrase_hits, words

BINS = [
    ("general", ["black bin", "rubbish"]),
    ("recycling", ["green bin", "recycling"]),
    ("garden", ["brown bin", "garden waste"]),
]


def test_words_are_lower_case_without_apostrophes_or_punctuation():
    assert words("Won't lock! Flat 2B.") == ["wont", "lock", "flat", "2b"]


def test_a_term_is_found_in_a_residents_sentence():
    assert match_one("my black bin wasn't emptied", BINS) == "general"


def test_a_small_typo_in_a_longer_word_still_matches():
    assert match_one("the recyclng was left", BINS) == "recycling"


def test_short_words_must_be_exact():
    assert match_one("the bin", [("bin", ["bins"])]) is None


def test_nothing_named_gives_none():
    assert match_one("hello there", BINS) is None


def test_every_key_named_is_returned_best_first():
    assert match_keys("green bin and garden waste", BINS) == ["garden", "recycling"]


def test_phrases_found_in_a_message_are_listed():
    assert phrase_hits(
        "there's a smell of gas in the kitchen", ["smell of gas", "carbon monoxide"]
    ) == ["smell of gas"]


def test_the_longest_phrase_wins_and_ties_go_to_the_first_option():
    options = [("leak", ["water"]), ("flood", ["water everywhere"])]
    assert best_match("there is water everywhere", options) == "flood"
    assert best_match("water", [("first", ["water"]), ("second", ["water"])]) == "first"
    assert best_match("nothing here", options) is None
