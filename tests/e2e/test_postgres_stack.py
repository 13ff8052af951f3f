"""The whole stack on PostgreSQL: a missed-bin report end to end, and the database going down."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
import requests
from sqlalchemy import create_engine, text

from bot.storage.migrate import upgrade_database
from tests.e2e.test_webchat_conversations import complete_missed_bin_report
from tests.e2e.webchat_client import WebchatClient, texts
from tests.support.postgres import LocalPostgres
from tests.support.servers import LiveServers

pytestmark = [pytest.mark.e2e, pytest.mark.model, pytest.mark.postgres]


@pytest.fixture(scope="module")
def stack(trained_model, tmp_path_factory) -> Iterator[tuple[LiveServers, LocalPostgres]]:
    """Its own PostgreSQL cluster, so stopping it cannot disturb other tests."""
    database = LocalPostgres().start()
    url = database.create_database()
    upgrade_database(url)
    servers = LiveServers(trained_model, url, tmp_path_factory.mktemp("pg-live")).start()
    yield servers, database
    servers.stop()
    database.cleanup()


def test_a_missed_bin_report_is_stored_in_postgresql_with_the_conversation(stack):
    servers, _ = stack
    reference = complete_missed_bin_report(servers)
    engine = create_engine(servers.database_url, future=True)
    with engine.connect() as connection:
        stored = connection.execute(
            text("SELECT COUNT(*) FROM service_requests WHERE reference = :r"), {"r": reference}
        ).scalar_one()
        events = connection.execute(text("SELECT COUNT(*) FROM events")).scalar_one()
    engine.dispose()
    assert stored == 1
    assert events > 0


def test_when_the_database_is_down_the_resident_is_told_plainly_and_it_recovers(stack):
    servers, database = stack
    chat = WebchatClient(servers.webchat)
    assert chat.send("hello")

    database.stop()
    try:
        reply = chat.post({"message": "my bin was missed", "client_message_id": "down-1"})
        assert reply.status_code == 503
        error = reply.json()["error"]
        assert "wasn't received" in error and "01632 960000" in error
        assert "Traceback" not in reply.text
        page = requests.get(f"{servers.webchat}/chat", timeout=30)
        assert page.status_code == 200  # the page itself still loads
    finally:
        database.restart()

    # Once the database is back, the same message (same id) is handled normally.
    deadline = time.monotonic() + 30
    while True:
        retry = chat.post({"message": "my bin was missed", "client_message_id": "down-1"})
        if retry.status_code == 200 or time.monotonic() > deadline:
            break
        time.sleep(1)
    assert retry.status_code == 200
    assert "postcode" in texts(retry.json()["messages"]).lower()
