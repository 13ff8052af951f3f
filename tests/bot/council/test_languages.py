"""languages.yml: the interpreter line in the resident's language, then English; mistakes named."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.council import CouncilDataError, get_council, load_council
from tests.bot.council.test_council import broken_copy

#: Welsh (an official language in the UK) and the UK's most spoken other languages.
REQUIRED = ("cy", "pl", "ro", "ar", "ur", "pa", "bn", "pt", "es", "lt", "zh")


@pytest.mark.parametrize("code", REQUIRED)
def test_the_demo_council_has_a_line_in_each_main_language_with_its_phone_number(code: str) -> None:
    languages = get_council().languages
    assert languages is not None
    own, english = languages.reply(code)
    assert "01632 960000" in own and "{" not in own
    assert "Talk to a person" in own
    assert english == languages.english


def test_the_english_line_says_how_to_get_an_interpreter_and_a_person() -> None:
    languages = get_council().languages
    assert languages is not None
    assert languages.reply("xx") == [languages.english]
    assert "interpreter" in languages.english and "01632 960000" in languages.english
    assert "999" in languages.english


def test_a_language_key_that_is_not_an_iso_code_is_named(tmp_path: Path) -> None:
    folder = broken_copy(tmp_path, "languages.yml", "  cy:\n", "  welsh:\n")
    with pytest.raises(
        CouncilDataError, match="languages.yml: lines: 'welsh' should be a two-letter"
    ):
        load_council(folder)


def test_an_unknown_placeholder_in_a_line_is_named(tmp_path: Path) -> None:
    folder = broken_copy(tmp_path, "languages.yml", "ffoniwch {phone}", "ffoniwch {ffon}")
    with pytest.raises(CouncilDataError, match="languages.yml: lines > cy > line"):
        load_council(folder)
