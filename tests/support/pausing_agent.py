"""A stand-in Rasa agent with in-memory lock and tracker stores, for pausing and resuming tests."""

from __future__ import annotations

import asyncio
from typing import Any

from rasa.core.lock_store import InMemoryLockStore
from rasa.core.tracker_store import InMemoryTrackerStore
from rasa.shared.core.domain import Domain


class _TrackerProcessor:
    def __init__(self, store: InMemoryTrackerStore) -> None:
        self.store = store

    async def fetch_tracker_and_update_session(self, sender_id: str, *_: Any) -> Any:
        return await self.store.get_or_create_tracker(sender_id)


class PausingAgent:
    """Just the parts of a Rasa agent that pausing uses: a lock store, a tracker store, a processor."""

    def __init__(self) -> None:
        self.lock_store = InMemoryLockStore()
        self.tracker_store = InMemoryTrackerStore(Domain.empty())
        self.processor = _TrackerProcessor(self.tracker_store)

    def paused(self, sender_id: str) -> bool:
        tracker = asyncio.run(self.tracker_store.retrieve(sender_id))
        return bool(tracker and tracker.is_paused())
