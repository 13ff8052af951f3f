"""`councilbot run-cluster`: PostgreSQL, action servers, several Rasa servers and nginx on one machine, restarted when they die."""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from bot.cli.launcher import (
    action_server_command,
    rasa_server_command,
    server_environment,
    stop,
    wait_until_up,
)
from bot.cli.local_postgres import LocalPostgres
from bot.cli.nginx_config import NginxLayout, nginx_binary, render
from bot.settings import PROJECT_ROOT, Settings

logger = logging.getLogger(__name__)

STARTUP_TIMEOUT_S = 600
LONGEST_BACKOFF_S = 30.0
STEADY_AFTER_S = 30.0  # a process that ran this long is restarted at once when it dies
DEFAULT_POSTGRES_PORT = 5433


@dataclass
class ClusterPlan:
    """How many of each process, and their ports. nginx takes RASA_PORT and ACTION_SERVER_PORT,
    so the URLs are the same as with `make run`; the processes behind it take the next ports."""

    port: int
    rasa_ports: list[int]
    actions_port: int
    action_ports: list[int]
    workers: int
    var_dir: Path
    postgres_port: int = DEFAULT_POSTGRES_PORT

    @classmethod
    def from_settings(
        cls, settings: Settings, rasa_servers: int, action_servers: int, var_dir: Path
    ) -> ClusterPlan:
        return cls(
            port=settings.rasa_port,
            rasa_ports=[settings.rasa_port + 1 + i for i in range(rasa_servers)],
            actions_port=settings.action_server_port,
            action_ports=[settings.action_server_port + 1 + i for i in range(action_servers)],
            workers=settings.rasa_workers,
            var_dir=var_dir,
        )


@dataclass
class Supervised:
    """One child process the cluster keeps running."""

    name: str
    command: list[str]
    env: dict[str, str]
    log: Path
    health: str
    process: subprocess.Popen | None = None
    started_at: float = 0.0
    restarts: int = 0
    backoff_s: float = 1.0
    down_since: float | None = None

    def start(self) -> None:
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen(
                self.command, cwd=PROJECT_ROOT, env=self.env, stdout=log, stderr=log
            )
        self.started_at = time.monotonic()
        self.down_since = None

    @property
    def pid(self) -> int | None:
        return self.process.pid if self.process is not None else None

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def worker_pids(self) -> list[int]:
        """The server's worker processes (a Rasa server forks one per RASA_WORKERS)."""
        if self.pid is None:
            return []
        children = Path(f"/proc/{self.pid}/task/{self.pid}/children")
        try:
            return [int(p) for p in children.read_text().split()]
        except (FileNotFoundError, ProcessLookupError):
            return []


@dataclass
class Cluster:
    """Starts everything, then `check()` (or `supervise()`) restarts whatever died."""

    settings: Settings
    model: Path
    plan: ClusterPlan
    extra_env: dict[str, str] = field(default_factory=dict)
    postgres: LocalPostgres | None = None
    rasa: list[Supervised] = field(default_factory=list)
    actions: list[Supervised] = field(default_factory=list)
    nginx: Supervised | None = None
    database_url: str = ""
    own_postgres: bool = False  # always the local server (the chaos run restarts it)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.plan.port}"

    @property
    def log_dir(self) -> Path:
        return self.plan.var_dir / "logs"

    def _database(self) -> str:
        """DATABASE_URL if it names PostgreSQL; otherwise a local server under var/postgres."""
        url = self.settings.database_url
        if url.startswith("postgresql") and not self.own_postgres:
            return url
        if "database_url" in self.settings.__fields_set__ and not self.own_postgres:
            raise SystemExit(
                "run-cluster needs PostgreSQL: several servers cannot share a SQLite file. "
                "Set DATABASE_URL=postgresql+psycopg2://… or leave it unset for a local one."
            )
        self.postgres = LocalPostgres(self.plan.var_dir / "postgres", self.plan.postgres_port)
        self.postgres.start()
        return self.postgres.url()

    def _environment(self) -> dict[str, str]:
        env = server_environment(self.settings.copy(update={"database_url": self.database_url}))
        env.update(
            {
                "DATABASE_URL": self.database_url,
                "ACTION_SERVER_URL": f"http://127.0.0.1:{self.plan.actions_port}/webhook",
                "SANIC_WORKERS": str(self.plan.workers),
                # nginx on this machine is the only proxy whose X-Forwarded-For is believed.
                "TRUSTED_PROXIES": os.environ.get("TRUSTED_PROXIES", "127.0.0.1"),
            }
        )
        env.update(self.extra_env)
        return env

    def _nginx(self) -> Supervised:
        run = self.plan.var_dir / "nginx"
        run.mkdir(parents=True, exist_ok=True)
        layout = NginxLayout(
            self.plan.port,
            self.plan.rasa_ports,
            self.plan.actions_port,
            self.plan.action_ports,
            run,
        )
        config = run / "nginx.conf"
        config.write_text(render(layout))
        command = [nginx_binary(), "-p", str(run), "-c", str(config), "-g", "daemon off;"]
        return Supervised(
            "nginx", command, dict(os.environ), self.log_dir / "nginx.log",
            f"{self.base_url}/webhooks/webchat/",
        )  # fmt: skip

    def start(self) -> Cluster:
        """PostgreSQL, migrations (once, here), action servers, nginx, then the Rasa servers."""
        from bot.storage.migrate import upgrade_database

        self.log_dir.mkdir(parents=True, exist_ok=True)
        self.database_url = self._database()
        upgrade_database(self.database_url)
        _create_rasa_tables(self.database_url)
        env = self._environment()
        for index, port in enumerate(self.plan.action_ports, start=1):
            settings = self.settings.copy(update={"action_server_port": port})
            self.actions.append(
                Supervised(
                    f"actions-{index}",
                    action_server_command(settings),
                    env,
                    self.log_dir / f"actions-{index}.log",
                    f"http://127.0.0.1:{port}/health",
                )  # fmt: skip
            )
        for index, port in enumerate(self.plan.rasa_ports, start=1):
            settings = self.settings.copy(update={"rasa_port": port, "rasa_host": "127.0.0.1"})
            self.rasa.append(
                Supervised(
                    f"rasa-{index}",
                    rasa_server_command(settings, self.model),
                    env,
                    self.log_dir / f"rasa-{index}.log",
                    f"http://127.0.0.1:{port}/webhooks/webchat/",
                )  # fmt: skip
            )
        self.nginx = self._nginx()
        for child in [*self.actions, self.nginx, *self.rasa]:
            child.start()
        for child in [*self.actions, *self.rasa, self.nginx]:
            assert child.process is not None
            wait_until_up(child.health, child.process, STARTUP_TIMEOUT_S)
        return self

    def children(self) -> list[Supervised]:
        return [*self.actions, *self.rasa, *([self.nginx] if self.nginx else [])]

    def check(self) -> list[str]:
        """Restart every child that has died (at once if it had been running a while,
        otherwise after a growing pause); returns the names restarted."""
        restarted = []
        with self._lock:
            now = time.monotonic()
            for child in self.children():
                if child.alive():
                    continue
                if child.down_since is None:
                    child.down_since = now
                    code = child.process.returncode if child.process else None
                    print(f"{child.name} stopped (exit code {code}); restarting.", file=sys.stderr)
                    if now - child.started_at >= STEADY_AFTER_S:
                        child.backoff_s = 0.0
                    else:
                        child.backoff_s = min(LONGEST_BACKOFF_S, max(1.0, child.backoff_s * 2))
                if now - child.down_since >= child.backoff_s:
                    child.start()
                    child.restarts += 1
                    restarted.append(child.name)
        return restarted

    def supervise(self, stopped: threading.Event, every_s: float = 0.5) -> None:
        while not stopped.wait(every_s):
            self.check()

    def stop(self) -> None:
        with self._lock:
            stop([c.process for c in reversed(self.children()) if c.process is not None])
        if self.postgres is not None:
            self.postgres.stop()


def _create_rasa_tables(url: str) -> None:
    """Rasa's tracker table, created once here rather than raced by every worker at start-up."""
    from rasa.core.tracker_store import SQLTrackerStore
    from sqlalchemy import create_engine

    engine = create_engine(url, future=True)
    try:
        SQLTrackerStore.Base.metadata.create_all(engine)
    finally:
        engine.dispose()


def _interrupt(_signum: int, _frame: object) -> None:
    raise KeyboardInterrupt


def run_cluster(settings: Settings, model: Path, rasa_servers: int, action_servers: int) -> int:
    """Start the cluster, print where to go, restart what dies, stop everything on Ctrl-C."""
    plan = ClusterPlan.from_settings(
        settings, rasa_servers, action_servers, PROJECT_ROOT / "var" / "cluster"
    )
    cluster = Cluster(settings, model, plan)
    signal.signal(signal.SIGTERM, _interrupt)  # `kill` or a service manager: stop cleanly too
    try:
        print(
            f"Starting PostgreSQL, {action_servers} action server(s), {rasa_servers} Rasa "
            f"servers with {plan.workers} worker(s) each, and nginx (loading the model takes a "
            "minute)...",
            flush=True,
        )
        cluster.start()
        base = cluster.base_url
        from sqlalchemy.engine import make_url

        print(
            "\nThe council assistant is running behind nginx.\n"
            f"  Webchat page:     {base}/webhooks/webchat/chat\n"
            f"  Advisor console:  {base}/webhooks/console/login\n"
            f"  Rasa servers:     {', '.join(f'127.0.0.1:{p}' for p in plan.rasa_ports)}\n"
            f"  Action servers:   {', '.join(f'127.0.0.1:{p}' for p in plan.action_ports)} "
            f"(through nginx on {plan.actions_port})\n"
            f"  Database:         {make_url(cluster.database_url).render_as_string(hide_password=True)}\n"
            f"  Logs:             {cluster.log_dir}\n"
            "A process that stops is started again. Press Ctrl-C to stop.\n",
            flush=True,
        )
        while True:
            cluster.check()
            time.sleep(0.5)
    except KeyboardInterrupt:
        print("\nStopping...", file=sys.stderr)
        return 0
    finally:
        cluster.stop()
