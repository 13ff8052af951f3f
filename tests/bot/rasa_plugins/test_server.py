"""The Rasa server is started through bot.rasa_plugins.server, which installs the start-up tweaks first."""

from __future__ import annotations

from pathlib import Path

import pytest


def test_every_rasa_server_the_project_starts_runs_through_the_start_up_module():
    from bot.cli.launcher import RASA_SERVER_MODULE, rasa_server_command
    from bot.settings import Settings

    command = rasa_server_command(Settings(), Path("models/council.tar.gz"))
    assert command[1:4] == ["-m", RASA_SERVER_MODULE, "run"]
    assert RASA_SERVER_MODULE == "bot.rasa_plugins.server"


def test_the_speed_ups_are_installed_before_rasa_reads_its_command_line(
    monkeypatch: pytest.MonkeyPatch,
):
    import rasa.__main__

    from bot.rasa_plugins import server as rasa_server
    from bot.rasa_plugins import speedups as rasa_speedups

    calls: list[str] = []
    monkeypatch.setattr(rasa_speedups, "install", lambda: calls.append("speed-ups"))
    monkeypatch.setattr(rasa.__main__, "main", lambda: calls.append("rasa"))
    rasa_server.main()
    assert calls == ["speed-ups", "rasa"]


def test_the_webchat_channel_no_longer_installs_anything_when_it_is_loaded(
    monkeypatch: pytest.MonkeyPatch,
):
    from bot.rasa_plugins import speedups as rasa_speedups
    from channels.webchat import WebchatInput

    monkeypatch.setattr(rasa_speedups, "install", lambda: pytest.fail("installed by a channel"))
    assert isinstance(WebchatInput.from_credentials({}), WebchatInput)
