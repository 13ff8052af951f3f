"""End to end: the Rasa server is killed (-9) in the middle of a webchat turn, and the resident's retry is answered once."""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from sqlalchemy import create_engine, select

from bot.storage.models import MessageReceipt
from tests.e2e.webchat_client import WebchatClient

pytestmark = [pytest.mark.e2e, pytest.mark.model]


@pytest.fixture
def one_process_servers(trained_model: Path, tmp_path: Path) -> Iterator:
    """Rasa in one process (no workers that would outlive it) and the action server."""
    from bot.storage.migrate import upgrade_database
    from tests.support.servers import LiveServers

    url = f"sqlite:///{tmp_path / 'live.db'}"
    upgrade_database(url)
    servers = LiveServers(trained_model, url, tmp_path / "logs", extra_env={"SANIC_WORKERS": "1"})
    servers.start()
    yield servers
    servers.stop()


def _receipt_status(database_url: str, receipt_id: str) -> str | None:
    engine = create_engine(database_url)
    try:
        with engine.connect() as connection:
            return connection.execute(
                select(MessageReceipt.status).where(MessageReceipt.external_id == receipt_id)
            ).scalar_one_or_none()
    finally:
        engine.dispose()


def test_a_turn_cut_off_by_kill_9_is_answered_once_when_the_resident_retries(one_process_servers):
    servers = one_process_servers
    chat = WebchatClient(servers.webchat)
    assert chat.send("hello")  # warmed up
    actions = next(p for p in servers.processes if p is not servers.rasa_process)
    body = {"message": "my bin wasn't collected", "client_message_id": "cut-off"}
    receipt_id = f"{chat.session_id}:cut-off"

    # The action server stops answering, so the turn is held inside Rasa: then Rasa is killed.
    os.kill(actions.pid, signal.SIGSTOP)
    try:
        first: list[object] = []
        sending = threading.Thread(target=lambda: first.append(_post_quietly(chat, body)))
        sending.start()
        deadline = time.monotonic() + 30
        while _receipt_status(servers.database_url, receipt_id) != "processing":
            assert time.monotonic() < deadline, "the message never reached the server"
            time.sleep(0.1)
        time.sleep(1.0)
        assert sending.is_alive(), "the turn finished before the crash; nothing was tested"
        servers.rasa_process.kill()
        servers.rasa_process.wait(30)
        sending.join(30)
    finally:
        os.kill(actions.pid, signal.SIGCONT)
    assert first == [None]  # the resident's widget saw the connection drop
    assert _receipt_status(servers.database_url, receipt_id) == "processing"

    servers.processes.remove(servers.rasa_process)
    servers.start_rasa()
    deadline = time.monotonic() + 120
    while True:  # the widget's Retry button: the same client_message_id
        retry = chat.post(body)
        if retry.status_code == 200 or time.monotonic() > deadline:
            break
        assert retry.status_code == 202 and retry.json() == {"messages": []}
        time.sleep(2)

    assert retry.status_code == 200
    answer = retry.json()["messages"]
    assert "postcode" in " ".join(m["text"] for m in answer).lower()
    assert chat.post(body).json() == retry.json()  # answered once; a later retry replays it
    lines = [(m["sender"], m["text"]) for m in chat.poll()]
    assert lines.count(("resident", "my bin wasn't collected")) == 1
    assert [line for line in lines if line[0] == "bot"][-len(answer) :] == [
        ("bot", m["text"]) for m in answer
    ]


def _post_quietly(chat: WebchatClient, body: dict[str, str]) -> int | None:
    try:
        return chat.post(body).status_code
    except requests.RequestException:
        return None
