"""schools.yml: school admissions topics and this year's key dates, quoted relative to today."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from pydantic import validator

from bot.council.fields import check_key, check_unique_keys, check_url
from bot.council.models import Model
from bot.word_match import best_match

if TYPE_CHECKING:
    from bot.council.files import CouncilFiles

FILE = "schools.yml"


class KeyDate(Model):
    """One date in the admissions year, with what to say before it and once it has passed."""

    date: date
    before: str
    after: str

    @validator("before", "after")
    def _names_the_date(cls, value: str) -> str:
        if "{date}" not in value:
            raise ValueError("should say when, with {date}")
        if value.replace("{date}", "").count("{") or value.count("}") > value.count("{date}"):
            raise ValueError("the only placeholder allowed is {date}")
        return value


class SchoolTopic(Model):
    """Something residents ask about: starting primary, moving to secondary, appeals ..."""

    key: str
    name: str
    words: tuple[str, ...] = ()
    summary: str
    link: str
    dates: tuple[KeyDate, ...] = ()

    _check_key = validator("key", allow_reuse=True)(check_key)
    _check_link = validator("link", allow_reuse=True)(check_url)

    @validator("dates")
    def _in_order(cls, value: tuple[KeyDate, ...]) -> tuple[KeyDate, ...]:
        for earlier, later in zip(value, value[1:], strict=False):
            if later.date <= earlier.date:
                raise ValueError(
                    f"{later.date.isoformat()} should come after {earlier.date.isoformat()}"
                )
        return value

    def dates_now(self, today: date, say: Callable[[date], str]) -> list[str]:
        """What has most recently happened and what comes next, as of today."""
        passed = [d for d in self.dates if d.date < today]
        coming = [d for d in self.dates if d.date >= today]
        lines = []
        if passed:
            lines.append(passed[-1].after.replace("{date}", say(passed[-1].date)))
        if coming:
            lines.append(coming[0].before.replace("{date}", say(coming[0].date)))
        return lines


class SchoolAdmissions(Model):
    """schools.yml."""

    link: str
    topics: tuple[SchoolTopic, ...]

    _check_link = validator("link", allow_reuse=True)(check_url)

    @validator("topics")
    def _topics(cls, value: tuple[SchoolTopic, ...]) -> tuple[SchoolTopic, ...]:
        if not value:
            raise ValueError("should list at least one topic")
        return check_unique_keys(value, "topic")

    def topic(self, key: str | None) -> SchoolTopic | None:
        return next((t for t in self.topics if t.key == key), None)

    def match_topic(self, text: str) -> SchoolTopic | None:
        return best_match(text, [(t, (t.name, *t.words)) for t in self.topics])


def load_schools(files: CouncilFiles) -> SchoolAdmissions | None:
    """schools.yml (optional: without it, admissions are answered from information.yml)."""
    if not files.has(FILE):
        return None
    return files.yaml_model(FILE, SchoolAdmissions)
