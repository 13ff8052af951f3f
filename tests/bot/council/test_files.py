"""Reading a council folder's files: every problem is named with its file, never a crash (bot/council/files.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.council import CouncilDataError, load_council
from tests.bot.council.test_council import broken_copy


def test_a_misspelt_field_is_refused(tmp_path: Path) -> None:
    folder = broken_copy(tmp_path, "bins.yml", "    colour: black", "    color: black")
    with pytest.raises(
        CouncilDataError, match=r"bins\.yml: bin_types > entry 1 > color: is not a field we know"
    ):
        load_council(folder)


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    folder = broken_copy(tmp_path, "bins.yml", "bin_types:", "bin_types:")
    (folder / "bins.yml").unlink()
    with pytest.raises(CouncilDataError, match=r"bins\.yml: the file is missing"):
        load_council(folder)


def test_a_yaml_file_that_cannot_be_read_is_named_with_the_line(tmp_path: Path) -> None:
    folder = broken_copy(tmp_path, "services.yml", "missed_bin:\n", "missed_bin:\n  - [unclosed\n")
    with pytest.raises(CouncilDataError, match=r"services\.yml: not valid YAML near line \d+"):
        load_council(folder)


def test_an_impossible_date_in_a_yaml_file_is_named_not_a_crash(tmp_path: Path) -> None:
    folder = broken_copy(tmp_path, "council.yml", "- 2026-01-01", "- 2026-13-01")
    with pytest.raises(CouncilDataError, match=r"council\.yml: a value could not be read"):
        load_council(folder)
