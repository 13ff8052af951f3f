"""Rasa's events table is found beside ours once Rasa has made it, and not before."""

from __future__ import annotations

from bot.records.tracker_events import events_table
from bot.storage.engine import get_engine
from tests.support.records_seed import rasa_events_table


def test_the_events_table_is_none_until_rasa_creates_it(database_url):
    with get_engine().connect() as connection:
        assert events_table(connection) is None
    rasa_events_table()
    with get_engine().connect() as connection:
        table = events_table(connection)
    assert table is not None
    assert {"sender_id", "timestamp", "data"} <= set(table.c.keys())
