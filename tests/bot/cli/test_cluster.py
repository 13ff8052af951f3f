"""run-cluster's plan and supervision: ports beside `make run`'s, and a dead process started again."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

from bot.cli import cluster as cluster_module
from bot.cli.cluster import Cluster, ClusterPlan, Supervised
from bot.settings import Settings


def test_nginx_takes_the_usual_ports_and_the_servers_the_next_ones(tmp_path):
    settings = Settings(rasa_port=6000, action_server_port=6100, rasa_workers=3)
    plan = ClusterPlan.from_settings(settings, 2, 2, tmp_path)
    assert (plan.port, plan.rasa_ports) == (6000, [6001, 6002])
    assert (plan.actions_port, plan.action_ports) == (6100, [6101, 6102])
    assert plan.workers == 3


def test_a_sqlite_database_url_given_on_purpose_is_refused(tmp_path):
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'x.db'}")
    plan = ClusterPlan.from_settings(settings, 2, 1, tmp_path)
    with pytest.raises(SystemExit, match="needs PostgreSQL"):
        Cluster(settings, Path("model.tar.gz"), plan)._database()


def _sleeper(tmp_path: Path, name: str) -> Supervised:
    command = [sys.executable, "-c", "import time; time.sleep(60)"]
    return Supervised(name, command, {}, tmp_path / f"{name}.log", "http://unused")


def test_a_process_that_dies_is_started_again(tmp_path, monkeypatch):
    monkeypatch.setattr(cluster_module, "STEADY_AFTER_S", 0.0)
    settings = Settings()
    cluster = Cluster(
        settings, Path("model.tar.gz"), ClusterPlan.from_settings(settings, 1, 1, tmp_path)
    )
    child = _sleeper(tmp_path, "rasa-1")
    cluster.rasa.append(child)
    child.start()
    try:
        first = child.pid
        assert cluster.check() == []
        child.process.kill()
        child.process.wait()
        time.sleep(0.05)
        assert cluster.check() == ["rasa-1"]
        assert child.alive() and child.pid != first and child.restarts == 1
    finally:
        cluster.stop()
    assert not child.alive()


def test_a_process_that_keeps_dying_at_start_is_retried_after_a_growing_pause(tmp_path):
    settings = Settings()
    cluster = Cluster(
        settings, Path("model.tar.gz"), ClusterPlan.from_settings(settings, 1, 1, tmp_path)
    )
    child = Supervised(
        "actions-1", [sys.executable, "-c", "raise SystemExit(3)"], {}, tmp_path / "a.log", ""
    )
    cluster.actions.append(child)
    child.start()
    child.process.wait()
    assert cluster.check() == []  # it died at once: not restarted straight away
    assert child.backoff_s >= 1.0
    child.down_since = time.monotonic() - child.backoff_s
    assert cluster.check() == ["actions-1"]
    child.process.wait()
    cluster.check()
    assert child.backoff_s >= 2.0


def test_the_deploy_files_start_the_same_modules_run_cluster_starts():
    from bot.cli.launcher import ACTION_SERVER_MODULE, RASA_SERVER_MODULE
    from bot.settings import PROJECT_ROOT

    deploy = PROJECT_ROOT / "deploy"
    rasa = (deploy / "systemd" / "councilbot-rasa.service").read_text()
    actions = (deploy / "systemd" / "councilbot-actions.service").read_text()
    assert f"-m {RASA_SERVER_MODULE} run" in rasa and f"-m {ACTION_SERVER_MODULE}" in actions
    site = "\n".join(
        line.split("#")[0]
        for line in (deploy / "nginx" / "councilbot.conf").read_text().splitlines()
    )
    assert "X-Real-IP $remote_addr" in site and "X-Forwarded-For $proxy_add_x_forwarded_for" in site
    assert "ip_hash" not in site and "sticky" not in site
    env = (deploy / "systemd" / "councilbot.env.example").read_text()
    for name in (
        "DATABASE_URL",
        "SECRET_KEY",
        "TRUSTED_PROXIES",
        "ACTION_SERVER_URL",
        "SANIC_WORKERS",
    ):
        assert f"{name}=" in env
