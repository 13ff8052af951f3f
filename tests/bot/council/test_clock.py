"""The council clock: one "now" for every module, in the council's time zone."""

from __future__ import annotations

from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import pytest

from actions import context
from bot.council import clock, get_council
from bot.settings import get_settings

LONDON = ZoneInfo("Europe/London")
SUMMER_NOON_UTC = datetime(2026, 7, 1, 11, 0, tzinfo=timezone.utc)


def test_the_clock_reads_the_current_moment_in_utc():
    before = datetime.now(timezone.utc)
    assert before <= clock.instant() <= datetime.now(timezone.utc)
    assert clock.instant().tzinfo is timezone.utc


def test_now_in_a_zone_is_the_same_moment_on_that_zones_wall_clock(monkeypatch):
    monkeypatch.setattr(clock, "instant", lambda: SUMMER_NOON_UTC)
    assert clock.now_in(LONDON) == SUMMER_NOON_UTC
    assert clock.now_in(LONDON).hour == 12  # British Summer Time
    assert clock.today_in(ZoneInfo("Pacific/Kiritimati")).day == 2  # UTC+14: already tomorrow


def test_the_council_and_the_actions_read_the_one_clock_in_the_councils_time_zone(monkeypatch):
    monkeypatch.setattr(clock, "instant", lambda: SUMMER_NOON_UTC)
    council = get_council(get_settings().council_dir)
    assert council.now() == SUMMER_NOON_UTC
    assert council.now().tzinfo == council.zone == ZoneInfo(council.config.timezone)
    assert council.today() == context.today() == SUMMER_NOON_UTC.astimezone(council.zone).date()
    assert context.now() == council.now()
    assert context.now().utcoffset() == council.now().utcoffset()


@pytest.mark.clock(datetime(2026, 12, 1, 10, 0, tzinfo=LONDON))
def test_the_clock_marker_stops_every_clock_at_the_moment_asked_for(fixed_clock):
    at = datetime(2026, 12, 1, 10, 0, tzinfo=LONDON)
    assert fixed_clock == at
    assert clock.instant() == at
    assert get_council(get_settings().council_dir).now() == at
    assert context.now() == at and context.today() == at.date()


def test_without_the_marker_the_clock_runs(fixed_clock):
    assert fixed_clock is None
    assert abs((clock.instant() - datetime.now(timezone.utc)).total_seconds()) < 5
