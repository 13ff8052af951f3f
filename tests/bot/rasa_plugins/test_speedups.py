"""The start-up tweaks keep Rasa's behaviour: action-server responses are checked exactly as before (bot/rasa_plugins/speedups.py)."""

from __future__ import annotations

import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction

from bot.rasa_plugins import speedups

GOOD = {
    "events": [{"event": "slot", "name": "postcode", "value": "PL1 2JT"}],
    "responses": [{"text": "Thanks."}],
}
BAD = {"events": "not a list", "responses": []}


@pytest.fixture
def installed(monkeypatch: pytest.MonkeyPatch) -> None:
    import sanic.app

    monkeypatch.setattr(
        RemoteAction, "_validate_action_result", RemoteAction._validate_action_result
    )
    monkeypatch.setattr(sanic.app, "serve_multiple", sanic.app.serve_multiple, raising=False)
    monkeypatch.setattr(sanic.app, "_council_balanced", False, raising=False)
    speedups.install()


def _action() -> RemoteAction:
    return RemoteAction("action_check_postcode", None)


def test_a_valid_action_server_response_is_accepted_before_and_after_installing(installed):
    assert RemoteAction._validate_action_result is speedups._validate_action_result
    assert _action()._validate_action_result(GOOD) is True


def test_an_invalid_response_is_refused_with_rasas_own_message(installed):
    with pytest.raises(ValidationError, match="Failed to validate Action server response from API"):
        _action()._validate_action_result(BAD)


def test_installing_twice_changes_nothing_more(installed):
    import sanic.app

    balanced = sanic.app.serve_multiple
    speedups.install()
    assert sanic.app.serve_multiple is balanced


SERVER = """
import os, sys
from bot.rasa_plugins import speedups
speedups.install()
from sanic import Sanic, response
app = Sanic("workers_test")

@app.get("/")
async def who(_request):
    return response.text(str(os.getpid()))

app.run(host="127.0.0.1", port=int(sys.argv[1]), workers=2, access_log=False)
"""


def _children(pid: int) -> list[int]:
    from pathlib import Path

    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except FileNotFoundError:
        return []


def _wait(condition, seconds: float = 60.0) -> bool:
    import time

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def _served_by(port: int) -> int | None:
    import urllib.request

    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as reply:
            return int(reply.read())
    except OSError:
        return None


def test_a_killed_worker_is_replaced_and_the_workers_end_with_the_server(tmp_path):
    import os
    import signal
    import subprocess
    import sys

    from bot.settings import PROJECT_ROOT
    from tests.support.ports import free_port

    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT)}
    server = subprocess.Popen(
        [sys.executable, "-c", SERVER, str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert _wait(lambda: len(_children(server.pid)) == 2 and _served_by(port) is not None)
        first, second = _children(server.pid)
        os.kill(first, signal.SIGKILL)
        assert _wait(lambda: len(set(_children(server.pid)) - {first, second}) == 1)
        (replacement,) = set(_children(server.pid)) - {first, second}
        # The replacement serves: new connections reach it as well as the other worker.
        assert _wait(lambda: _served_by(port) == replacement)

        workers = _children(server.pid)
        os.kill(server.pid, signal.SIGKILL)  # the main process dies: no worker outlives it
        server.wait()
        assert _wait(
            lambda: not any(os.path.exists(f"/proc/{p}/status") and _alive(p) for p in workers), 20
        )
    finally:
        if server.poll() is None:
            server.kill()


def _alive(pid: int) -> bool:
    from pathlib import Path

    try:
        state = next(
            line
            for line in Path(f"/proc/{pid}/status").read_text().splitlines()
            if line.startswith("State:")
        )
    except (FileNotFoundError, StopIteration):
        return False
    return "Z" not in state
