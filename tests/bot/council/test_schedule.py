"""Calendar arithmetic for council data: opening hours, working days and collection cycles (bot/council/schedule.py)."""

from __future__ import annotations

from datetime import time

from bot.council.schedule import opening_hours_text


def test_opening_hours_with_a_saturday_morning_read_naturally() -> None:
    weekday = (time(8, 30), time(17, 0))
    hours = {
        0: weekday,
        1: weekday,
        2: weekday,
        3: weekday,
        4: (time(9, 0), time(16, 30)),
        5: (time(9), time(12)),
    }
    assert opening_hours_text(hours) == (
        "Monday to Thursday, 8:30am to 5pm; Friday, 9am to 4:30pm; Saturday, 9am to midday"
    )
