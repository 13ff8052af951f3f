"""A separate server process with the webchat and console channels and a scripted assistant.

Tests start two of these on one database to show that limits hold across processes:
`python -m tests.support.channel_server PORT` (DATABASE_URL and the limits from the environment).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

from sanic import Sanic

from bot.cli.launcher import stop, wait_until_up
from bot.settings import PROJECT_ROOT
from channels.console.channel import ConsoleInput
from channels.webchat.channel import WebchatInput
from tests.support.channel_app import FakeAgent, ScriptedBot
from tests.support.ports import free_port


def serve(port: int) -> None:
    app = Sanic(f"channel_server_{port}")
    app.ctx.agent = FakeAgent()
    bot = ScriptedBot()
    for channel in (WebchatInput.from_credentials(None), ConsoleInput.from_credentials(None)):
        app.blueprint(channel.blueprint(bot), url_prefix=f"/webhooks/{channel.name()}")
    app.run(host="127.0.0.1", port=port, access_log=False)


class ChannelServers:
    """`count` channel server processes on free ports, sharing the database in `env`."""

    def __init__(self, env: dict[str, str], log_dir: Path, count: int = 2) -> None:
        self.env = env
        self.log_dir = log_dir
        self.ports = [free_port() for _ in range(count)]
        self.processes: list[subprocess.Popen[Any]] = []

    def url(self, n: int) -> str:
        return f"http://127.0.0.1:{self.ports[n % len(self.ports)]}/webhooks"

    def __enter__(self) -> ChannelServers:
        for port in self.ports:
            log = open(self.log_dir / f"channel_server_{port}.log", "ab")  # noqa: SIM115
            process = subprocess.Popen(
                [sys.executable, "-m", "tests.support.channel_server", str(port)],
                cwd=PROJECT_ROOT,
                env=self.env,
                stdout=log,
                stderr=log,
            )
            self.processes.append(process)
        for port, process in zip(self.ports, self.processes, strict=True):
            wait_until_up(f"http://127.0.0.1:{port}/webhooks/webchat/", process, 120)
        return self

    def __exit__(self, *_: Any) -> None:
        stop(self.processes)


if __name__ == "__main__":
    serve(int(sys.argv[1]))
