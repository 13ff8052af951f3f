"""languages.yml: what a resident writing in another language is told, in that language and in English."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from pydantic import validator

from bot.council.models import Model

if TYPE_CHECKING:
    from bot.council.files import CouncilFiles

FILE = "languages.yml"
_CODE = re.compile(r"^[a-z]{2}$")


class LanguageLine(Model):
    """One language's line: its own name for itself and how to get an interpreter or a person."""

    name: str
    line: str


class LanguageLines(Model):
    """The English line (always shown) and a line for each language the council has one for."""

    english: str
    lines: dict[str, LanguageLine] = {}

    @validator("lines")
    def _codes(cls, value: dict[str, LanguageLine]) -> dict[str, LanguageLine]:
        for code in value:
            if not _CODE.match(code):
                raise ValueError(
                    f"'{code}' should be a two-letter ISO 639-1 code, such as cy or pl"
                )
        return value

    def reply(self, language: str | None) -> list[str]:
        """The lines to send, the resident's language first when the council has a line for it."""
        own = self.lines.get(language or "")
        return [own.line, self.english] if own else [self.english]


def load_languages(files: CouncilFiles, placeholders: dict[str, str]) -> LanguageLines:
    """Read languages.yml with {placeholders} filled in; CouncilDataError names any mistake."""
    rules = files.yaml_model(FILE, LanguageLines)
    return rules.copy(
        update={
            "english": files.fill(FILE, "english", rules.english, placeholders),
            "lines": {
                code: entry.copy(
                    update={
                        "line": files.fill(FILE, f"lines > {code} > line", entry.line, placeholders)
                    }
                )
                for code, entry in rules.lines.items()
            },
        }
    )
