"""The daily purge in real action server processes: two servers on one database purge once."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.storage.engine import get_engine
from bot.storage.models import AuditEvent
from tests.support.records_seed import Seeder
from tests.support.servers import LiveServers

pytestmark = [pytest.mark.e2e]


def _purges() -> list[str]:
    with get_engine().connect() as connection:
        return list(
            connection.execute(
                select(AuditEvent.subject).where(AuditEvent.action == "retention.purge")
            ).scalars()
        )


def test_two_action_servers_on_one_database_purge_what_is_due_once(sqlite_url, tmp_path):
    seed = Seeder()
    seed.conversation("old-chat", ["my bin was missed"], days_ago=400)
    seed.conversation("recent-chat", ["my bin was missed"], days_ago=1)
    first = LiveServers(Path("unused"), sqlite_url, tmp_path / "first")
    second = LiveServers(Path("unused"), sqlite_url, tmp_path / "second")
    for servers in (first, second):
        servers.log_dir.mkdir()
    try:
        first.start_actions()
        second.start_actions()
        deadline = time.monotonic() + 60
        while not _purges() and time.monotonic() < deadline:
            time.sleep(0.5)
        time.sleep(3)  # give the second server time to try too
        purges = _purges()
    finally:
        first.stop()
        second.stop()

    assert purges == ["records:2"]
    with get_engine().connect() as connection:
        senders = set(connection.execute(select(Seeder().events.c.sender_id).distinct()).scalars())
    assert senders == {"recent-chat"}
