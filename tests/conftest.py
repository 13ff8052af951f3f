"""Shared fixtures: real databases (SQLite and PostgreSQL), the trained model, live servers."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

os.environ["ENVIRONMENT"] = "test"
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
os.environ.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")


def reset_cached_state() -> None:
    """Forget settings, engines and stores cached from a previous DATABASE_URL."""
    from actions import context
    from bot.settings import get_settings
    from bot.storage import engine

    get_settings.cache_clear()
    engine.get_engine.cache_clear()
    engine._session_factory.cache_clear()
    context.service_requests.cache_clear()
    context.bulky_bookings.cache_clear()
    context.tickets.cache_clear()
    context.support_register.cache_clear()
    context.digital_sessions.cache_clear()


@pytest.fixture(autouse=True)
def fixed_clock(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> datetime | None:
    """The one clock fixture: a test (or module) marked ``@pytest.mark.clock(moment)`` runs with
    the council clock, and so every module's "now", stopped at that moment."""
    marker = request.node.get_closest_marker("clock")
    if marker is None:
        return None
    from tests.support.clock import stop_clock

    at: datetime = marker.args[0]
    stop_clock(monkeypatch, at)
    return at


@pytest.fixture(scope="session")
def postgres() -> Iterator:
    from tests.support.postgres import LocalPostgres

    server = LocalPostgres().start()
    yield server
    server.cleanup()


def _use_database(url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    from bot.storage.migrate import upgrade_database

    monkeypatch.setenv("DATABASE_URL", url)
    reset_cached_state()
    upgrade_database(url)
    return url


@pytest.fixture
def sqlite_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    yield _use_database(f"sqlite:///{tmp_path / 'test.db'}", monkeypatch)
    reset_cached_state()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[str]:
    """Each storage test runs on SQLite and on a real PostgreSQL."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'test.db'}"
    else:
        url = request.getfixturevalue("postgres").create_database()
    yield _use_database(url, monkeypatch)
    reset_cached_state()


@pytest.fixture(scope="session")
def trained_model() -> Path:
    """The model for the current data (trained once per CI run by `make test`)."""
    from bot.cli.model_store import train
    from bot.settings import get_settings

    return train(get_settings().model_dir)


@pytest.fixture(scope="session")
def live_servers(trained_model: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator:
    """The real Rasa server and action server on a fresh SQLite database."""
    from bot.storage.migrate import upgrade_database
    from tests.support.servers import LiveServers

    root = tmp_path_factory.mktemp("live")
    url = f"sqlite:///{root / 'live.db'}"
    upgrade_database(url)
    servers = LiveServers(trained_model, url, root / "logs").start()
    yield servers
    servers.stop()
