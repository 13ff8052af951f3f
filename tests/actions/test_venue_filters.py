"""What a resident wants from a venue is read from their own words, typos and all."""

from __future__ import annotations

import pytest

from actions.venue_filters import describe, read_barrier, read_wants


@pytest.mark.parametrize(
    ("text", "facilities"),
    [
        ("somewhere with wifi that's open on Saturday", {"wifi"}),
        ("free wi-fi please", {"wifi"}),
        ("is there wiffi", {"wifi"}),
        ("I need to print my boarding pass", {"printing"}),
        ("need a printer and a computer", {"printing", "computers"}),
        ("where can I use a PC", {"computers"}),
        ("I use a wheelchair", {"step_free"}),
        ("step-free access and a hearing loop", {"step_free", "hearing_loop"}),
        ("I wear a hearing aid", {"hearing_loop"}),
        ("beginners classes for email", {"courses"}),
        ("somewhere near me", set()),
    ],
)
def test_facilities_are_read_from_plain_words(text: str, facilities: set[str]) -> None:
    assert read_wants(text).facilities == facilities


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("open on Saturday", {5}),
        ("open saturdays?", {5}),
        ("satuday morning", {5}),
        ("anything at the weekend", {5, 6}),
        ("on a sunday", {6}),
        ("monday or tuesday", {0, 1}),
        ("any day", set()),
    ],
)
def test_days_are_read_from_plain_words(text: str, days: set[int]) -> None:
    assert read_wants(text).days == days


@pytest.mark.parametrize(
    "text", ["is anywhere open now", "open right now?", "somewhere open at the moment"]
)
def test_open_now_is_understood(text: str) -> None:
    assert read_wants(text).open_now


def test_open_now_is_not_assumed() -> None:
    assert not read_wants("wifi on Saturday").open_now


@pytest.mark.parametrize(
    ("text", "barrier"),
    [
        ("No device or internet at home", "no_access"),
        ("I don't have a computer", "no_access"),
        ("I'm not confident online", "confidence"),
        ("it makes me nervous", "confidence"),
        ("I'm worried about scams", "scams"),
        ("scared of being hacked", "scams"),
        ("I want to learn", "learn"),
        ("I just need a computer or WiFi", "just_access"),
    ],
)
def test_what_gets_in_the_way_is_read_from_the_buttons_or_own_words(
    text: str, barrier: str
) -> None:
    assert read_barrier(text) == barrier


def test_an_answer_that_names_no_barrier_gives_none() -> None:
    assert read_barrier("hello there") is None


def test_the_barrier_adds_facilities_that_help_with_it() -> None:
    assert read_wants("", "scams").any_of == {"assisted_digital", "courses"}


def test_filters_are_described_back_in_plain_words() -> None:
    assert describe(read_wants("wifi and printing on saturday, open now")) == (
        "with printing and WiFi, open on Saturday, open now"
    )
    assert describe(read_wants("at the weekend")) == "open at the weekend"
