"""Rasa's agent reduced to its tracker and lock stores, in memory: enough for pausing and transcripts."""

from __future__ import annotations

import asyncio
from typing import Any

from rasa.core.lock_store import InMemoryLockStore
from rasa.core.tracker_store import InMemoryTrackerStore
from rasa.shared.core.domain import Domain


class TrackerProcessor:
    """Enough of Rasa's MessageProcessor for the channels: fetch a conversation's tracker."""

    def __init__(self, tracker_store: InMemoryTrackerStore) -> None:
        self.tracker_store = tracker_store

    async def fetch_tracker_and_update_session(self, sender_id: str, *_: Any) -> Any:
        return await self.tracker_store.get_or_create_tracker(sender_id)


class InMemoryAgent:
    """Rasa's agent reduced to its stores: the channels pause, resume and record through them."""

    def __init__(self) -> None:
        self.tracker_store = InMemoryTrackerStore(Domain.empty())
        self.lock_store = InMemoryLockStore()
        self.processor = TrackerProcessor(self.tracker_store)

    def tracker(self, sender_id: str) -> Any:
        """The conversation's tracker as stored (None if it was never saved)."""
        return asyncio.run(self.tracker_store.retrieve(sender_id))
