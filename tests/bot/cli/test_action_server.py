"""The action server entry point applies LOG_LEVEL to our loggers, starts the daily jobs, then runs the Rasa SDK."""

from __future__ import annotations

import logging
import sys


def test_the_action_server_sets_our_loggers_before_the_rasa_sdk_starts(monkeypatch):
    import rasa_sdk.__main__

    from bot.cli import action_server
    from bot.records import daily_jobs
    from bot.settings import get_settings

    seen: list[int] = []
    started: list[bool] = []
    monkeypatch.setattr(daily_jobs, "start_daily_jobs", lambda: started.append(True))
    monkeypatch.setenv("LOG_LEVEL", "ERROR")
    get_settings.cache_clear()
    monkeypatch.setattr(
        rasa_sdk.__main__, "main", lambda: seen.append(logging.getLogger("actions").level)
    )
    monkeypatch.setattr(sys, "argv", ["action_server", "--actions", "actions"])
    before = logging.getLogger("actions").level
    try:
        action_server.main()
    finally:
        get_settings.cache_clear()
        for name in ("bot", "actions", "channels"):
            logging.getLogger(name).setLevel(before)
    assert seen == [logging.ERROR]
    assert started == [True]  # the retention purge is checked for daily
