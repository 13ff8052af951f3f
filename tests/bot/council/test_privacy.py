"""privacy.yml: the privacy notice and a retention period with a reason for every kind of record."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

from bot.council import CouncilDataError, get_council, load_council
from bot.council.privacy import RECORD_KINDS, months_before
from tests.bot.council.test_council import broken_copy

NOW = datetime(2026, 12, 3, 12, 0, tzinfo=timezone.utc)


def test_the_demo_council_keeps_every_kind_of_record_for_a_stated_time_and_reason() -> None:
    privacy = get_council().privacy
    assert privacy is not None
    assert privacy.privacy_notice.startswith("https://")
    for kind in RECORD_KINDS:
        line = privacy.retention.period(kind)
        assert line.cutoff(NOW) < NOW and len(line.reason) > 20


def test_housing_repairs_are_kept_longer_than_other_requests() -> None:
    requests = get_council().privacy.retention.service_requests
    assert requests.for_service("housing_repair").cutoff(NOW).year == 2020
    assert requests.for_service("missed_bin").cutoff(NOW) == datetime(
        2024, 12, 3, 12, 0, tzinfo=timezone.utc
    )


def test_periods_in_months_end_on_a_real_day() -> None:
    assert months_before(datetime(2026, 3, 31, tzinfo=timezone.utc), 1).day == 28
    assert get_council().privacy.retention.conversations.cutoff(NOW) == datetime(
        2026, 9, 4, 12, 0, tzinfo=timezone.utc
    )


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("period: 90 days", "period: ninety days", "should read like '90 days'"),
        ("      housing_repair:", "      house_repairs:", "'house_repairs' is not a service"),
        ("  analytics_events:\n", "  analytics:\n", "analytics"),
    ],
)
def test_a_mistake_in_the_schedule_is_named(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    folder = broken_copy(tmp_path, "privacy.yml", old, new)
    with pytest.raises(CouncilDataError, match=message):
        load_council(folder)
