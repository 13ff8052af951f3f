"""Reading a council folder's files: each problem becomes a CouncilDataError naming the file."""

from __future__ import annotations

import csv
import string
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import ValidationError

from bot.council.models import Model

M = TypeVar("M", bound=Model)


class CouncilDataError(ValueError):
    """A council data file is missing or wrong; the message names the file, the place and the problem."""


class CouncilFiles:
    """Reads files from the folder and turns any problem into a CouncilDataError naming the file."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def show(self, name: str) -> str:
        path = self.directory / name
        try:
            return str(path.resolve().relative_to(Path.cwd().resolve()))
        except ValueError:
            return str(path)

    def _text(self, name: str) -> str:
        path = self.directory / name
        if not path.is_file():
            raise CouncilDataError(f"{self.show(name)}: the file is missing")
        try:
            return path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError:
            raise CouncilDataError(f"{self.show(name)}: save the file as UTF-8 text") from None

    def yaml(self, name: str) -> dict[str, Any]:
        try:
            data = yaml.safe_load(self._text(name))
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            where = f" near line {mark.line + 1}" if mark is not None else ""
            problem = getattr(error, "problem", None) or "it could not be read"
            raise CouncilDataError(
                f"{self.show(name)}: not valid YAML{where} ({problem})"
            ) from None
        except ValueError as error:  # e.g. an impossible date such as 2026-13-01
            raise CouncilDataError(
                f"{self.show(name)}: a value could not be read ({error})"
            ) from None
        if not isinstance(data, dict):
            raise CouncilDataError(f"{self.show(name)}: should hold named entries (key: value)")
        return data

    def csv(
        self, name: str, required: Sequence[str], optional: Sequence[str] = (), suffix: str = ""
    ) -> list[tuple[str, dict[str, str | None]]]:
        """Rows as (place, values) where place reads "councils/x/file.csv row 12" (header is row 1)."""
        reader = csv.DictReader(self._text(name).splitlines())
        header = [column.strip() for column in reader.fieldnames or []]
        missing = [column for column in required if column not in header]
        if missing:
            raise CouncilDataError(f"{self.show(name)}: the column '{missing[0]}' is missing")
        unknown = [
            c
            for c in header
            if c not in required and c not in optional and not (suffix and c.endswith(suffix))
        ]
        if unknown:
            raise CouncilDataError(
                f"{self.show(name)}: the column '{unknown[0]}' is not one we know"
            )
        rows = []
        for raw in reader:
            values = {
                key.strip(): (value.strip() or None) if isinstance(value, str) else None
                for key, value in raw.items()
                if key is not None
            }
            if None in raw:
                raise CouncilDataError(
                    f"{self.show(name)} row {reader.line_num}: has more values than columns"
                )
            if any(values.values()):
                rows.append((f"{self.show(name)} row {reader.line_num}", values))
        return rows

    def has(self, name: str) -> bool:
        """Whether an optional file is in the folder."""
        return (self.directory / name).is_file()

    def yaml_model(self, name: str, model: type[M]) -> M:
        """A YAML file read and checked as a model."""
        return self.model(name, model, self.yaml(name))

    def fill(
        self, name: str, field: str, text: str, values: dict[str, str], link: str | None = None
    ) -> str:
        """A text from the file with its {placeholders} filled ({link} only where a link is given)."""
        place = f"{self.show(name)}: {field}"
        return fill_placeholders(
            place, text, {**values, "link": link or ""}, has_link=link is not None
        )

    def model(self, place: str, model: type[M], data: Any) -> M:
        """Build a model, reporting the first problem in plain words with the place it came from."""
        if place.endswith((".yml", ".yaml")):
            place = self.show(place)
        try:
            return model.parse_obj(data)
        except ValidationError as error:
            # A misspelt field also makes the real one "missing"; the spelling is the more useful clue.
            first = sorted(error.errors(), key=lambda e: e["type"] != "value_error.extra")[0]
            field = " > ".join(
                f"entry {part + 1}" if isinstance(part, int) else str(part)
                for part in first["loc"]
                if part != "__root__"
            )
            raise CouncilDataError(
                f"{place}: {field + ': ' if field else ''}{_plain(first)}"
            ) from None


def _plain(error: Mapping[str, Any]) -> str:
    """Pydantic's message for one problem, reworded where it is not plain English."""
    kind = error["type"]
    if kind == "value_error.const":
        return "should be " + " or ".join(f"'{value}'" for value in error["ctx"]["permitted"])
    return {
        "value_error.missing": "is missing",
        "type_error.none.not_allowed": "is empty",
        "value_error.extra": "is not a field we know (check the spelling)",
        "type_error.integer": "should be a whole number",
        "type_error.bool": "should be true or false",
        "value_error.date": "should be a date like 2026-01-05",
        "type_error.date": "should be a date like 2026-01-05",
        "value_error.time": "should be a time like 17:00",
        "type_error.dict": "should hold named entries (key: value)",
        "type_error.list": "should be a list",
        "type_error.tuple": "should be a list",
    }.get(kind, error["msg"])


def fill_placeholders(place: str, text: str, values: dict[str, str], has_link: bool) -> str:
    """The text with its {placeholders} filled, or a CouncilDataError naming the place."""
    try:
        fields = [field for _, field, _, _ in string.Formatter().parse(text) if field is not None]
    except ValueError:
        raise CouncilDataError(
            f"{place}: a {{ or }} is unmatched; placeholders look like {{phone}}"
        ) from None
    for field in fields:
        if field == "link" and not has_link:
            raise CouncilDataError(f"{place}: the answer uses {{link}} but there is no link")
        if field not in values:
            raise CouncilDataError(f"{place}: the placeholder {{{field}}} is not one we know")
    return text.format_map(values)
