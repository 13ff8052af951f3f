"""A PostgreSQL server in a local data folder (var/postgres), from Debian's server binaries, for `run-cluster`."""

from __future__ import annotations

import glob
import os
import pwd
import subprocess
from pathlib import Path

from sqlalchemy import create_engine, text

DATABASE = "councilbot"


class PostgresNotInstalled(RuntimeError):
    """No PostgreSQL server binaries: `make system-deps` installs them."""


def server_bin_dir() -> Path:
    """The newest installed PostgreSQL's bin folder (Debian keeps each version apart)."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not found:
        raise PostgresNotInstalled(
            "PostgreSQL is not installed. Run `make system-deps` (apt-get install postgresql), "
            "or set DATABASE_URL to a PostgreSQL database."
        )
    return Path(found[-1]).parent


class LocalPostgres:
    """initdb once, then pg_ctl start/stop/restart; listens on 127.0.0.1 only, trust auth.

    For one machine (development, tests, the chaos run): a council's servers use their own
    PostgreSQL through DATABASE_URL.
    """

    def __init__(self, root: Path, port: int) -> None:
        self.bin = server_bin_dir()
        self.root = root
        self.data = root / "data"
        self.port = port
        self._as_user: list[str] = []
        self.root.mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:  # initdb and postgres refuse to run as root
            user = pwd.getpwnam("postgres")
            os.chown(self.root, user.pw_uid, user.pw_gid)
            self._as_user = ["runuser", "-u", "postgres", "--"]

    def _run(self, *args: str) -> None:
        subprocess.run(
            [*self._as_user, *args], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )

    def start(self) -> LocalPostgres:
        """Create the data folder the first time, start the server and the database."""
        if not (self.data / "PG_VERSION").exists():
            self._run(
                str(self.bin / "initdb"), "-D", str(self.data), "-A", "trust",
                "-U", "postgres", "-E", "UTF8",
            )  # fmt: skip
        if not self.running():
            self._pg_ctl_start()
        self._create_database()
        return self

    def _pg_ctl_start(self) -> None:
        self._run(
            str(self.bin / "pg_ctl"), "-D", str(self.data), "-w", "-l", str(self.root / "log"),
            "-o", f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c max_connections=300",
            "start",
        )  # fmt: skip

    def running(self) -> bool:
        status = subprocess.run(
            [*self._as_user, str(self.bin / "pg_ctl"), "-D", str(self.data), "status"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        return status.returncode == 0

    def stop(self) -> None:
        if self.running():
            self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")

    def restart(self) -> None:
        """Stop (fast: open connections are cut) and start again on the same data."""
        self.stop()
        self._pg_ctl_start()

    def url(self, database: str = DATABASE) -> str:
        return f"postgresql+psycopg2://postgres@127.0.0.1:{self.port}/{database}"

    def _create_database(self) -> None:
        engine = create_engine(self.url("postgres"), isolation_level="AUTOCOMMIT", future=True)
        try:
            with engine.connect() as connection:
                exists = connection.execute(
                    text("SELECT 1 FROM pg_database WHERE datname = :d"), {"d": DATABASE}
                ).first()
                if exists is None:
                    connection.execute(text(f'CREATE DATABASE "{DATABASE}"'))
        finally:
            engine.dispose()
