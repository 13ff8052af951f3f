"""`councilbot run`: migrate, train if needed, start the action and Rasa servers, print URLs."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from bot.log_level import rasa_sdk_verbosity
from bot.settings import PROJECT_ROOT, Settings

STARTUP_TIMEOUT_S = 300
# Runs `rasa run` with the project's start-up tweaks installed (see bot/rasa_plugins/server.py).
RASA_SERVER_MODULE = "bot.rasa_plugins.server"
# Runs the Rasa SDK action server with LOG_LEVEL applied (see bot/cli/action_server.py).
ACTION_SERVER_MODULE = "bot.cli.action_server"


def server_environment(settings: Settings) -> dict[str, str]:
    """Environment for child processes: our settings plus Rasa's quietening flags."""
    env = dict(os.environ)
    env.update(
        {
            "PYTHONPATH": os.pathsep.join(filter(None, [str(PROJECT_ROOT), env.get("PYTHONPATH")])),
            "ACTION_SERVER_URL": settings.action_server_webhook,
            "DATABASE_URL": settings.database_url,
            "COUNCIL_DIR": str(settings.council_dir),
            "SANIC_WORKERS": str(settings.rasa_workers),
            "LOG_LEVEL": settings.log_level,
            "TF_CPP_MIN_LOG_LEVEL": "2",
            "RASA_TELEMETRY_ENABLED": "false",
            "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
            # Each Rasa worker process writes its metrics here; a scrape adds them up.
            "PROMETHEUS_MULTIPROC_DIR": str(
                PROJECT_ROOT / "var" / "metrics" / str(settings.rasa_port)
            ),
        }
    )
    return env


def action_server_command(settings: Settings) -> list[str]:
    return [
        sys.executable, "-m", ACTION_SERVER_MODULE, "--actions", "actions",
        "--port", str(settings.action_server_port),
        *rasa_sdk_verbosity(settings.log_level),
    ]  # fmt: skip


def rasa_server_command(settings: Settings, model: Path) -> list[str]:
    bot = PROJECT_ROOT / "bot"
    return [
        sys.executable, "-m", RASA_SERVER_MODULE, "run",
        "--model", str(model),
        "--endpoints", str(bot / "endpoints.yml"),
        "--credentials", str(bot / "credentials.yml"),
        "--interface", settings.rasa_host,
        "--port", str(settings.rasa_port),
    ]  # fmt: skip


def wait_until_up(
    url: str, process: subprocess.Popen, timeout_s: float = STARTUP_TIMEOUT_S
) -> None:
    """Poll a health URL until it answers 200, or fail if the process died."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{url} did not start (exit code {process.returncode}).")
        try:
            with urllib.request.urlopen(url, timeout=2) as reply:
                if reply.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.5)
    raise RuntimeError(f"{url} did not answer within {timeout_s:.0f} s.")


def stop(processes: list[subprocess.Popen]) -> None:
    """Ask each child to stop, then kill whatever is still running after 10 s."""
    for process in processes:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
    deadline = time.monotonic() + 10
    for process in processes:
        try:
            process.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            process.kill()


def run_all(settings: Settings, model: Path) -> int:
    """Start both servers, print where to go, and stop them cleanly on Ctrl-C."""
    env = server_environment(settings)
    processes: list[subprocess.Popen] = []
    try:
        actions = subprocess.Popen(action_server_command(settings), cwd=PROJECT_ROOT, env=env)
        processes.append(actions)
        wait_until_up(f"http://127.0.0.1:{settings.action_server_port}/health", actions)
        rasa = subprocess.Popen(rasa_server_command(settings, model), cwd=PROJECT_ROOT, env=env)
        processes.append(rasa)
        base = f"http://{settings.rasa_host}:{settings.rasa_port}"
        print("Starting the assistant (loading the model takes about 20 seconds)...", flush=True)
        wait_until_up(f"{base}/webhooks/webchat/", rasa)
        print(
            "\nThe council assistant is running.\n"
            f"  Webchat page:     {base}/webhooks/webchat/chat\n"
            f"  Webchat API:      {base}/webhooks/webchat/webhook\n"
            f"  Advisor console:  {base}/webhooks/console/login\n"
            "                    (create an account: .venv/bin/councilbot advisor add NAME)\n"
            f"  Action server:    http://127.0.0.1:{settings.action_server_port}/health\n"
            f"  Database:         {_shown_url(settings.database_url)}\n"
            "Press Ctrl-C to stop.\n",
            flush=True,
        )
        while all(p.poll() is None for p in processes):
            time.sleep(0.5)
        print("A server stopped unexpectedly; stopping the others.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\nStopping...", file=sys.stderr)
        return 0
    finally:
        stop(processes)


def _shown_url(url: str) -> str:
    """The database URL with any password hidden."""
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)
