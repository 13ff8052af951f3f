"""Starts the real action server and Rasa server (webchat channel) for end-to-end tests."""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from bot.cli.launcher import (
    action_server_command,
    rasa_server_command,
    server_environment,
    stop,
    wait_until_up,
)
from bot.settings import PROJECT_ROOT, Settings
from tests.support.ports import free_port


@dataclass
class LiveServers:
    """Both servers on free loopback ports, sharing one database."""

    model: Path
    database_url: str
    log_dir: Path
    extra_env: dict[str, str] = field(default_factory=dict)
    processes: list[subprocess.Popen] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.settings = Settings(
            database_url=self.database_url,
            rasa_port=free_port(),
            action_server_port=free_port(),
        )

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.settings.rasa_port}"

    @property
    def webchat(self) -> str:
        return f"{self.base_url}/webhooks/webchat"

    def _spawn(self, command: list[str], log_name: str) -> subprocess.Popen:
        env = server_environment(self.settings)
        # The tests stand in for nginx: each simulated resident sends its own X-Forwarded-For.
        env.update({"ENVIRONMENT": "test", "TRUSTED_PROXIES": "127.0.0.1", **self.extra_env})
        log = open(self.log_dir / log_name, "ab")  # noqa: SIM115 - closed with the process
        return subprocess.Popen(command, cwd=PROJECT_ROOT, env=env, stdout=log, stderr=log)

    def start_actions(self) -> None:
        process = self._spawn(action_server_command(self.settings), "actions.log")
        self.processes.append(process)
        wait_until_up(f"http://127.0.0.1:{self.settings.action_server_port}/health", process, 120)

    def start_rasa(self) -> None:
        process = self._spawn(rasa_server_command(self.settings, self.model), "rasa.log")
        self.processes.append(process)
        self.rasa_process = process
        wait_until_up(f"{self.webchat}/", process, 300)

    def restart_rasa(self) -> None:
        """Stop the Rasa server (webchat, console and tracker) and start it again on the same port."""
        stop([self.rasa_process])
        self.processes.remove(self.rasa_process)
        self.start_rasa()

    def start(self) -> LiveServers:
        os.makedirs(self.log_dir, exist_ok=True)
        self.start_actions()
        self.start_rasa()
        return self

    def stop(self) -> None:
        stop(self.processes)
        self.processes.clear()
