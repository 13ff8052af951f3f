"""Tests for UK postcode parsing and the ONS Postcode Directory lookup."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.records.postcodes import (
    PostcodeDirectory,
    PostcodeRecord,
    get_postcode_directory,
    normalise_postcode,
)

PLYMOUTH = "E06000026"
CORNWALL = "E06000052"


@pytest.fixture(scope="module")
def directory() -> PostcodeDirectory:
    return get_postcode_directory()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("PL1 2AA", "PL1 2AA"),
        ("pl1 2aa", "PL1 2AA"),
        ("PL12AA", "PL1 2AA"),
        (" pl1  2aa ", "PL1 2AA"),
        ("my postcode is pl1 2aa thanks", "PL1 2AA"),
        ("It's PL11 2AA.", "PL11 2AA"),
        ("PL112AA", "PL11 2AA"),
        ("B1 1AA", "B1 1AA"),
        ("M60 1NW", "M60 1NW"),
        ("CR2 6XH", "CR2 6XH"),
        ("DN55 1PT", "DN55 1PT"),
        ("W1A 1HQ", "W1A 1HQ"),
        ("EC1A 1BB", "EC1A 1BB"),
        ("sw1a2aa", "SW1A 2AA"),
        ("PL1 OAA", "PL1 0AA"),  # letter O typed for a zero in the inward code
    ],
)
def test_a_postcode_is_found_in_free_text_and_written_the_standard_way(
    text: str, expected: str
) -> None:
    assert normalise_postcode(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "hello",
        "my bin was missed",
        "PL1",
        "12345",
        "reference MB123456",
        "PL1 2CA",
        "ABC1 2DE",
        "PL1 2AAA",
    ],
)
def test_text_without_a_postcode_gives_none(text: str) -> None:
    assert normalise_postcode(text) is None


@given(st.text())
def test_normalising_never_raises_on_any_text(text: str) -> None:
    result = normalise_postcode(text)
    assert result is None or (result == result.upper() and result.count(" ") == 1)


@given(st.from_regex(r"[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][ABD-HJLNP-UW-Z]{2}", fullmatch=True))
def test_any_well_formed_postcode_survives_normalising(postcode: str) -> None:
    compact = postcode.replace(" ", "")
    assert normalise_postcode(postcode.lower()) == f"{compact[:-3]} {compact[-3:]}"


def test_a_plymouth_postcode_is_in_plymouth(directory: PostcodeDirectory) -> None:
    record = directory.lookup("PL1 1AA")
    assert record is not None
    assert record.postcode == "PL1 1AA"
    assert record.local_authority == PLYMOUTH
    assert 240_000 < record.easting < 260_000 and 45_000 < record.northing < 65_000


@pytest.mark.parametrize(
    ("postcode", "council"),
    [("PL11 2AA", CORNWALL), ("PL19 8AA", "E07000047"), ("PL21 0AA", "E07000044")],
)
def test_neighbouring_pl_postcodes_belong_to_their_own_councils(
    directory: PostcodeDirectory, postcode: str, council: str
) -> None:
    record = directory.lookup(postcode)
    assert record is not None and record.local_authority == council


def test_lookup_accepts_any_spacing_and_case(directory: PostcodeDirectory) -> None:
    assert (
        directory.lookup("pl11aa") == directory.lookup(" PL1  1AA ") == directory.lookup("PL1 1AA")
    )


@pytest.mark.parametrize("postcode", ["ZZ99 9ZZ", "PL1 1ZZ", "QQ1 1AA", "not a postcode", ""])
def test_an_unknown_or_nonsense_postcode_gives_none(
    directory: PostcodeDirectory, postcode: str
) -> None:
    assert directory.lookup(postcode) is None


def test_postcodes_elsewhere_in_the_uk_are_found_too(directory: PostcodeDirectory) -> None:
    record = directory.lookup("SW1A 2AA")
    assert record is not None and record.local_authority.startswith("E09")


def test_distance_is_the_straight_line_in_metres(directory: PostcodeDirectory) -> None:
    a = PostcodeRecord("A1 1AA", "X", 0.0, 0.0)
    b = PostcodeRecord("B1 1AA", "X", 300.0, 400.0)
    assert directory.distance_m(a, b) == 500.0
    assert 0 < directory.distance_m("PL1 1AA", "PL4 8AA") < 2_000
    assert directory.distance_m("PL1 1AA", "PL1 1AA") == 0.0


def test_distance_to_an_unknown_postcode_is_refused(directory: PostcodeDirectory) -> None:
    with pytest.raises(ValueError, match="not a known postcode"):
        directory.distance_m("PL1 1AA", "ZZ99 9ZZ")


def test_a_letter_is_loaded_once_even_when_many_threads_ask_at_once(tmp_path: Path) -> None:
    source = get_postcode_directory().data_dir / "postcodes_Z.msgpack.br"
    shutil.copy(source, tmp_path / source.name)
    directory = PostcodeDirectory(tmp_path)
    reads: list[str] = []
    original = directory._read

    def counting_read(letter: str):  # type: ignore[no-untyped-def]
        reads.append(letter)
        return original(letter)

    directory._read = counting_read  # type: ignore[method-assign]
    threads = [threading.Thread(target=directory.lookup, args=("ZE1 0AA",)) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert reads == ["Z"]


def test_a_data_folder_without_a_letter_file_just_finds_nothing(tmp_path: Path) -> None:
    (tmp_path / "README").write_text("only some letters here")
    assert PostcodeDirectory(tmp_path).lookup("PL1 1AA") is None


def test_a_missing_data_folder_is_reported(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        PostcodeDirectory(tmp_path / "nowhere").lookup("PL1 1AA")


def test_preload_loads_letters_ahead_of_time(tmp_path: Path) -> None:
    source = get_postcode_directory().data_dir / "postcodes_Z.msgpack.br"
    shutil.copy(source, tmp_path / source.name)
    directory = PostcodeDirectory(tmp_path)
    directory.preload(["z"])
    assert "Z" in directory._tables
