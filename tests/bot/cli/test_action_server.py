"""The action server entry point applies LOG_LEVEL to our loggers, starts the daily jobs, then runs the Rasa SDK."""

from __future__ import annotations

import logging
import sys

import pytest


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


@pytest.mark.e2e
def test_an_unknown_path_on_the_real_action_server_is_a_quiet_404(tmp_path):
    import subprocess

    import requests

    from bot.cli.launcher import action_server_command, server_environment, stop, wait_until_up
    from bot.settings import PROJECT_ROOT, Settings
    from bot.storage.migrate import upgrade_database
    from tests.support.ports import free_port

    database_url = f"sqlite:///{tmp_path / 'actions.db'}"  # its daily jobs touch only this one
    upgrade_database(database_url)
    settings = Settings(action_server_port=free_port(), database_url=database_url)
    base = f"http://127.0.0.1:{settings.action_server_port}"
    log = tmp_path / "actions.log"
    with log.open("wb") as output:
        server = subprocess.Popen(
            action_server_command(settings), cwd=PROJECT_ROOT, env=server_environment(settings),
            stdout=output, stderr=output,
        )  # fmt: skip
        try:
            wait_until_up(f"{base}/health", server, 120)
            missing = requests.get(f"{base}/no-such-page", timeout=30)
            wrong_method = requests.get(f"{base}/webhook", timeout=30)
            unknown_action = requests.post(
                f"{base}/webhook", json={"next_action": "action_nobody_wrote", "tracker": {}},
                timeout=30,
            )  # fmt: skip
        finally:
            stop([server])
    written = log.read_text(errors="replace")

    assert missing.status_code == 404 and missing.json()["error"]
    assert wrong_method.status_code == 405
    assert unknown_action.status_code == 404
    assert "Traceback" not in written
    assert "request_body" not in missing.text
