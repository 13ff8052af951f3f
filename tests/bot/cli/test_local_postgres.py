"""run-cluster's own PostgreSQL: created once in its folder, restarted with the data kept."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from bot.cli.local_postgres import LocalPostgres, PostgresNotInstalled
from tests.support.ports import free_port

pytestmark = pytest.mark.postgres


def test_the_database_is_created_and_survives_a_restart():
    root = Path(
        tempfile.mkdtemp(prefix="councilbot-local-pg-")
    )  # pytest's tmp_path is private to root
    try:
        server = LocalPostgres(root, free_port())
    except PostgresNotInstalled:
        pytest.skip("PostgreSQL is not installed (make system-deps)")
    server.start()
    try:
        engine = create_engine(server.url(), future=True)
        with engine.begin() as connection:
            connection.execute(text("CREATE TABLE kept (n int)"))
            connection.execute(text("INSERT INTO kept VALUES (7)"))
        engine.dispose()
        server.restart()
        server.start()  # a second start on the same folder reuses it
        engine = create_engine(server.url(), future=True)
        with engine.connect() as connection:
            assert connection.execute(text("SELECT n FROM kept")).scalar_one() == 7
        engine.dispose()
    finally:
        server.stop()
    assert not server.running()
    shutil.rmtree(root, ignore_errors=True)
