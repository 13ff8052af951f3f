"""Prometheus metrics: token-protected, queue length from the database, counters added up over processes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import requests

from bot.intents import Priority, Route
from bot.records.tickets import TicketQueue
from channels import metrics
from channels.metrics import MetricsInput
from tests.conftest import reset_cached_state
from tests.support.channel_app import RunningChannel, ScriptedBot

TOKEN = "a-long-metrics-token"


@pytest.fixture
def scrape_url(sqlite_url, monkeypatch):
    monkeypatch.setenv("METRICS_TOKEN", TOKEN)
    monkeypatch.delenv(metrics.MULTIPROCESS_ENV, raising=False)
    reset_cached_state()
    with RunningChannel(MetricsInput.from_credentials(None), ScriptedBot()) as running:
        yield running.base_url


def test_prometheus_finds_the_metrics_at_its_default_path(scrape_url):
    from urllib.parse import urlparse

    assert urlparse(scrape_url).path == "/metrics"  # mounted as Rasa's register() mounts it
    token = {"Authorization": f"Bearer {TOKEN}"}
    for path in (scrape_url, f"{scrape_url}/"):
        assert requests.get(path, headers=token, timeout=30).status_code == 200


def test_metrics_need_the_token(scrape_url):
    assert requests.get(scrape_url, timeout=30).status_code == 401
    wrong = requests.get(scrape_url, headers={"Authorization": "Bearer nope"}, timeout=30)
    assert wrong.status_code == 401


def test_metrics_are_switched_off_without_a_token(sqlite_url, monkeypatch):
    monkeypatch.delenv("METRICS_TOKEN", raising=False)
    reset_cached_state()
    with RunningChannel(MetricsInput.from_credentials(None), ScriptedBot()) as running:
        assert requests.get(f"{running.base_url}/", timeout=30).status_code == 404


def test_a_scrape_shows_messages_latency_and_the_queue_read_from_the_database(scrape_url):
    TicketQueue().raise_ticket(
        channel="webchat", sender_id="web-1", intent="request_human", route=Route.ADVISOR,
        priority=Priority.NORMAL, reason="asked", summary="", form_values={},
    )  # fmt: skip
    with metrics.turn("telegram"):
        pass
    metrics.count_send_failure("twilio_sms")
    body = requests.get(scrape_url, headers={"Authorization": f"Bearer {TOKEN}"}, timeout=30).text
    assert 'councilbot_queue_length{priority="normal"} 1.0' in body
    assert 'councilbot_messages_total{channel="telegram"}' in body
    assert 'councilbot_reply_seconds_count{channel="telegram"}' in body
    assert 'councilbot_outbound_send_failures_total{channel="twilio_sms"}' in body


def test_counts_from_several_worker_processes_are_added_up(tmp_path: Path, sqlite_url):
    files = tmp_path / "metrics"  # not beside the test database: every *.db there is read
    files.mkdir()
    env = {**os.environ, metrics.MULTIPROCESS_ENV: str(files), "PYTHONPATH": os.getcwd()}
    worker = "from channels import metrics\nwith metrics.turn('webchat'):\n    pass\n"
    for _ in range(3):  # three worker processes, one message each
        subprocess.run([sys.executable, "-c", worker], env=env, check=True, timeout=120)
    scrape = "from channels import metrics\nprint(metrics.exposition().decode())"
    out = subprocess.run(
        [sys.executable, "-c", scrape],
        env=env,
        check=True,
        timeout=120,
        capture_output=True,
        text=True,
    ).stdout
    assert 'councilbot_messages_total{channel="webchat"} 3.0' in out
