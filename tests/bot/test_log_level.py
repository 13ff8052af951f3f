"""LOG_LEVEL reaches our own loggers and the servers in every process the project starts."""

from __future__ import annotations

import logging

import pytest

from bot.log_level import OUR_LOGGERS, apply_log_level, rasa_sdk_verbosity
from bot.settings import Settings


@pytest.fixture(autouse=True)
def _restore_our_loggers():
    before = {name: logging.getLogger(name).level for name in OUR_LOGGERS}
    yield
    for name, level in before.items():
        logging.getLogger(name).setLevel(level)


def test_our_loggers_take_the_level():
    apply_log_level("WARNING")
    assert all(logging.getLogger(name).level == logging.WARNING for name in OUR_LOGGERS)
    assert not logging.getLogger("actions.missed_bin").isEnabledFor(logging.INFO)


def test_the_setting_accepts_any_case_and_refuses_an_unknown_level(monkeypatch):
    monkeypatch.setenv("LOG_LEVEL", "debug")
    assert Settings(_env_file=None).log_level == "DEBUG"
    monkeypatch.setenv("LOG_LEVEL", "loud")
    with pytest.raises(ValueError, match="LOG_LEVEL must be one of DEBUG, INFO"):
        Settings(_env_file=None)


def test_both_servers_are_started_with_the_level(monkeypatch):
    from bot.cli.launcher import ACTION_SERVER_MODULE, action_server_command, server_environment

    monkeypatch.setenv("LOG_LEVEL", "WARNING")
    settings = Settings(_env_file=None)
    assert server_environment(settings)["LOG_LEVEL"] == "WARNING"  # read by Rasa itself
    command = action_server_command(settings)
    assert command[1:3] == ["-m", ACTION_SERVER_MODULE] and command[-1] == "--quiet"
    assert rasa_sdk_verbosity("DEBUG") == ["--debug"] and rasa_sdk_verbosity("INFO") == []


def test_the_rasa_server_sets_our_loggers_before_rasa_starts(monkeypatch):
    import rasa.__main__

    from bot.rasa_plugins import server as rasa_server
    from bot.rasa_plugins import speedups as rasa_speedups
    from bot.settings import get_settings

    seen: list[int] = []
    monkeypatch.setenv("LOG_LEVEL", "ERROR")
    get_settings.cache_clear()
    monkeypatch.setattr(rasa_speedups, "install", lambda: None)
    monkeypatch.setattr(
        rasa.__main__, "main", lambda: seen.append(logging.getLogger("channels").level)
    )
    try:
        rasa_server.main()
    finally:
        get_settings.cache_clear()
    assert seen == [logging.ERROR]
