"""Starts `run-cluster`'s processes (PostgreSQL, action server, Rasa servers, nginx) on free ports, with fake Twilio and Telegram APIs."""

from __future__ import annotations

import contextlib
import os
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from bot.cli.cluster import Cluster, ClusterPlan
from bot.settings import Settings
from tests.channels.sms_helpers import ACCOUNT_SID, AUTH_TOKEN, FROM_NUMBER, PUBLIC_BASE
from tests.support.fake_providers import FakeApi
from tests.support.ports import free_port

TELEGRAM_SECRET = "cluster-telegram-secret_0123456789"


@dataclass
class LiveCluster:
    """A running cluster, the fakes its texts go to, and the thread restarting what dies."""

    cluster: Cluster
    twilio: FakeApi
    telegram: FakeApi
    stopped: threading.Event

    @property
    def base_url(self) -> str:
        return self.cluster.base_url

    @property
    def database_url(self) -> str:
        return self.cluster.database_url


def provider_env(twilio: FakeApi, telegram: FakeApi) -> dict[str, str]:
    """SMS and Telegram switched on and pointed at the fakes; nothing reaches the real APIs."""
    return {
        "ENVIRONMENT": "test",
        "TWILIO_ACCOUNT_SID": ACCOUNT_SID,
        "TWILIO_AUTH_TOKEN": AUTH_TOKEN,
        "TWILIO_FROM_NUMBER": FROM_NUMBER,
        "TWILIO_API_URL": twilio.url,
        "PUBLIC_BASE_URL": PUBLIC_BASE,  # what the residents' signatures are computed for
        "TELEGRAM_BOT_TOKEN": "123456:TEST-token",
        "TELEGRAM_SECRET_TOKEN": TELEGRAM_SECRET,
        "TELEGRAM_API_URL": f"{telegram.url}/bot",
    }


@contextlib.contextmanager
def running_cluster(
    model: Path,
    *,
    rasa_servers: int = 2,
    workers: int = 1,
    action_servers: int = 1,
    extra_env: dict[str, str] | None = None,
    var_dir: Path | None = None,
) -> Iterator[LiveCluster]:
    """The whole cluster on its own PostgreSQL (so it can be restarted), supervised in a thread."""
    root = var_dir or Path(tempfile.mkdtemp(prefix="councilbot-cluster-"))
    os.chmod(root, 0o755)  # PostgreSQL runs as its own user and must reach its folder
    twilio = FakeApi("twilio").start()
    telegram = FakeApi("telegram").start()
    plan = ClusterPlan(
        port=free_port(),
        rasa_ports=[free_port() for _ in range(rasa_servers)],
        actions_port=free_port(),
        action_ports=[free_port() for _ in range(action_servers)],
        workers=workers,
        var_dir=root,
        postgres_port=free_port(),
    )
    env = {**provider_env(twilio, telegram), **(extra_env or {})}
    cluster = Cluster(Settings(rasa_workers=workers), model, plan, extra_env=env, own_postgres=True)
    stopped = threading.Event()
    supervisor = threading.Thread(target=cluster.supervise, args=(stopped,), daemon=True)
    try:
        cluster.start()
        supervisor.start()
        yield LiveCluster(cluster, twilio, telegram, stopped)
    finally:
        stopped.set()
        if supervisor.is_alive():
            supervisor.join(timeout=5)
        cluster.stop()
        twilio.stop()
        telegram.stop()
