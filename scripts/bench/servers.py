"""Start a Rasa server (ours or the default-config bot) and measure start-up and memory."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from bot.cli.launcher import RASA_SERVER_MODULE, server_environment, stop, wait_until_up
from bot.settings import PROJECT_ROOT, Settings


def rss_mb(pid: int) -> float:
    """Resident memory of a process and its children, in MiB (from /proc)."""
    total = 0
    pids = [pid]
    children = Path(f"/proc/{pid}/task/{pid}/children")
    if children.exists():
        pids += [int(p) for p in children.read_text().split()]
    for one in pids:
        try:
            for line in Path(f"/proc/{one}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except FileNotFoundError:
            continue
    return total / 1024


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time of a process and its children so far (from /proc)."""
    total = 0.0
    pids = [pid]
    children = Path(f"/proc/{pid}/task/{pid}/children")
    if children.exists():
        pids += [int(p) for p in children.read_text().split()]
    ticks = os.sysconf("SC_CLK_TCK")
    for one in pids:
        try:
            fields = Path(f"/proc/{one}/stat").read_text().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            continue
        total += (int(fields[11]) + int(fields[12])) / ticks
    return total


class Server:
    """One child process with its start-up time measured until its health URL answers."""

    def __init__(
        self, name: str, command: list[str], health: str, settings: Settings, log: Path
    ) -> None:
        self.name = name
        env = server_environment(settings)
        env["ENVIRONMENT"] = "test"
        env["TRUSTED_PROXIES"] = "127.0.0.1"  # the load generator says which resident it is
        self._log = open(log, "ab")  # noqa: SIM115 - closed in stop()
        started = time.perf_counter()
        self.process = subprocess.Popen(
            command, cwd=PROJECT_ROOT, env=env, stdout=self._log, stderr=self._log
        )
        wait_until_up(health, self.process, 600)
        self.startup_s = time.perf_counter() - started

    def memory_mb(self) -> float:
        return rss_mb(self.process.pid)

    def cpu_s(self) -> float:
        return cpu_seconds(self.process.pid)

    def stop(self) -> None:
        stop([self.process])
        self._log.close()


def rasa_command(
    model: Path, endpoints: Path, credentials: Path, port: int, *, runner: str = RASA_SERVER_MODULE
) -> list[str]:
    """`rasa run` through our start-up module (ours); runner="rasa" for Rasa as shipped."""
    return [
        sys.executable, "-m", runner, "run", "--model", str(model),
        "--endpoints", str(endpoints), "--credentials", str(credentials),
        "--interface", "127.0.0.1", "--port", str(port),
    ]  # fmt: skip


def quiet_env() -> None:
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
