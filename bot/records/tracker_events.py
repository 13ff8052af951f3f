"""Rasa's own tracker events table (made by Rasa's SQL tracker store), read beside our tables."""

from __future__ import annotations

from sqlalchemy import MetaData, Table, inspect
from sqlalchemy.engine import Connection

#: The table Rasa's SQLTrackerStore keeps every conversation's events in (one row per event).
EVENTS_TABLE = "events"


def events_table(connection: Connection) -> Table | None:
    """Rasa's events table as it is in this database, or None before Rasa first ran."""
    if not inspect(connection).has_table(EVENTS_TABLE):
        return None
    return Table(EVENTS_TABLE, MetaData(), autoload_with=connection)
