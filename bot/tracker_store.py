"""Rasa's SQL tracker store pointed at DATABASE_URL, so conversations live beside our tables."""

from __future__ import annotations

from typing import Any

from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from sqlalchemy.orm import sessionmaker

from bot.settings import get_settings
from bot.storage.engine import make_engine


class CouncilTrackerStore(SQLTrackerStore):
    """SQLTrackerStore configured from settings instead of endpoints.yml fields."""

    def __init__(
        self,
        domain: Domain | None = None,
        event_broker: EventBroker | None = None,
        **_kwargs: Any,
    ) -> None:
        url = get_settings().database_url
        # A host containing "://" is taken by Rasa as the complete database URL.
        super().__init__(domain=domain, host=url, event_broker=event_broker)
        if url.startswith("sqlite"):
            # Rasa's own SQLite engine opens a connection per query; ours pools them
            # and uses WAL, so the action server and console can read while Rasa writes.
            self.engine.dispose()
            self.engine = make_engine(url)
            self.sessionmaker = sessionmaker(bind=self.engine)
