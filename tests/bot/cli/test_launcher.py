"""`councilbot run` starts the action server and the Rasa server with our settings (bot/cli/launcher.py)."""

from __future__ import annotations

from pathlib import Path

from bot.cli.launcher import (
    ACTION_SERVER_MODULE,
    action_server_command,
    rasa_server_command,
    server_environment,
)
from bot.settings import PROJECT_ROOT, get_settings


def test_the_servers_get_the_database_council_and_action_server_from_our_settings(sqlite_url):
    settings = get_settings()
    env = server_environment(settings)
    assert env["DATABASE_URL"] == settings.database_url
    assert env["COUNCIL_DIR"] == str(settings.council_dir)
    assert env["ACTION_SERVER_URL"] == settings.action_server_webhook
    assert env["RASA_TELEMETRY_ENABLED"] == "false"
    assert env["PYTHONPATH"].split(":")[0] == str(PROJECT_ROOT)


def test_the_action_server_runs_our_actions_package_on_its_port(sqlite_url):
    settings = get_settings()
    command = action_server_command(settings)
    assert command[1:5] == ["-m", ACTION_SERVER_MODULE, "--actions", "actions"]
    assert command[command.index("--port") + 1] == str(settings.action_server_port)


def test_the_rasa_server_runs_through_our_start_up_module_with_the_projects_endpoints(sqlite_url):
    settings = get_settings()
    command = rasa_server_command(settings, Path("models/council-x.tar.gz"))
    assert command[1:4] == ["-m", "bot.rasa_plugins.server", "run"]
    assert command[command.index("--model") + 1] == "models/council-x.tar.gz"
    assert command[command.index("--endpoints") + 1] == str(PROJECT_ROOT / "bot" / "endpoints.yml")
    assert command[command.index("--credentials") + 1] == str(
        PROJECT_ROOT / "bot" / "credentials.yml"
    )
    assert command[command.index("--port") + 1] == str(settings.rasa_port)
