"""Rasa's SQL tracker store pointed at DATABASE_URL, so conversations live beside our tables.

Every event is stored with card numbers, bank details, National Insurance numbers and
passwords removed (bot.sensitive_numbers).
"""

from __future__ import annotations

import json
import logging
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import SessionStarted, deserialise_events
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY
from sqlalchemy.orm import Session, sessionmaker

from bot.rasa_plugins.insight_hook import record_turn
from bot.sensitive_numbers import mask_json
from bot.settings import get_settings
from bot.storage.engine import make_engine

logger = logging.getLogger(__name__)

# Conversations kept in memory per server worker (a tracker is a few hundred events at most).
CACHED_TRACKERS = 256
_STORED = "_council_stored"


@dataclass(frozen=True)
class _Stored:
    """What the database held for a conversation when this tracker was loaded or saved."""

    events: int  # len(tracker.events): all of them are stored
    rows: int  # rows in the events table for the sender (every session)
    last_id: int  # the highest event row id for the sender


class CouncilTrackerStore(SQLTrackerStore):
    """SQLTrackerStore configured from settings instead of endpoints.yml fields.

    Rasa rebuilds the tracker from every event of the session for each message (a third of
    the server's time per message under load). This store keeps the trackers it saved in
    memory and, for the next message, checks one indexed count against the database: if
    nothing was added meanwhile the tracker is reused, if another worker added events they
    are replayed onto it, and anything else (a new session, deleted rows, an unsaved
    change) loads the tracker from the database as Rasa does. A cached tracker is handed
    to one caller at a time, so two messages never share one object.
    """

    def __init__(
        self,
        domain: Domain | None = None,
        event_broker: EventBroker | None = None,
        **_kwargs: Any,
    ) -> None:
        url = get_settings().database_url
        # A host containing "://" is taken by Rasa as the complete database URL.
        super().__init__(domain=domain, host=url, event_broker=event_broker)
        # Rasa's own SQLite engine opens a connection per query; ours pools them and uses
        # WAL, so the action server and console can read while Rasa writes. On PostgreSQL
        # ours checks a pooled connection before use, so after the database restarts the
        # next message gets a fresh connection instead of failing on a dead one.
        if url.startswith(("sqlite", "postgresql")):
            self.engine.dispose()  # type: ignore[has-type]  # set by Rasa's SQLTrackerStore
            self.engine = make_engine(url)
            self.sessionmaker = sessionmaker(bind=self.engine)
        self._cache: OrderedDict[str, DialogueStateTracker] = OrderedDict()

    @property
    def domain(self) -> Domain:
        return self._domain

    @domain.setter
    def domain(self, domain: Domain | None) -> None:
        # A new model's domain may have other slots: trackers made with the old one are dropped.
        self._domain = domain or Domain.empty()
        cache = getattr(self, "_cache", None)
        if cache is not None:
            cache.clear()

    def _rows(self, session: Session, sender_id: str) -> tuple[int, int]:
        event = self.SQLEvent
        rows, last_id = session.execute(
            sa.select(sa.func.count(event.id), sa.func.max(event.id)).where(
                event.sender_id == sender_id
            )
        ).one()
        return int(rows or 0), int(last_id or 0)

    def _remember(self, tracker: DialogueStateTracker) -> None:
        self._cache[tracker.sender_id] = tracker
        self._cache.move_to_end(tracker.sender_id)
        while len(self._cache) > CACHED_TRACKERS:
            self._cache.popitem(last=False)

    async def exists(self, conversation_id: str) -> bool:
        with self.session_scope() as session:
            return self._rows(session, conversation_id)[0] > 0

    async def retrieve(self, sender_id: str) -> DialogueStateTracker | None:
        """The tracker of the latest session, as Rasa's SQL store returns it."""
        cached = self._cache.pop(sender_id, None)
        with self.session_scope() as session:
            rows, last_id = self._rows(session, sender_id)
            if cached is not None and self.domain:
                tracker = self._bring_up_to_date(session, cached, rows, last_id)
                if tracker is not None:
                    return tracker
            query = self._event_query(session, sender_id, fetch_events_from_all_sessions=False)
            events = [json.loads(event.data) for event in query.all()]
        if not (self.domain and events):
            return None
        tracker = DialogueStateTracker.from_dict(sender_id, events, self.domain.slots)
        setattr(tracker, _STORED, _Stored(len(tracker.events), rows, last_id))
        return tracker

    def _bring_up_to_date(
        self, session: Session, tracker: DialogueStateTracker, rows: int, last_id: int
    ) -> DialogueStateTracker | None:
        stored: _Stored | None = getattr(tracker, _STORED, None)
        if stored is None or stored.events != len(tracker.events):
            return None  # changed in memory without being saved
        if (rows, last_id) == (stored.rows, stored.last_id):
            return tracker
        event = self.SQLEvent
        newer = session.execute(
            sa.select(event.type_name, event.data)
            .where(event.sender_id == tracker.sender_id, event.id > stored.last_id)
            .order_by(event.id)
        ).all()
        if stored.rows + len(newer) != rows or any(t == SessionStarted.type_name for t, _ in newer):
            return None  # rows removed, or a new session: load it as Rasa does
        for added in deserialise_events([json.loads(data) for _, data in newer]):
            tracker.update(added)
        setattr(tracker, _STORED, _Stored(len(tracker.events), rows, last_id))
        return tracker

    def replies_to(self, sender_id: str, message_id: str) -> list[dict[str, Any]] | None:
        """The assistant's replies (text, buttons) to a message already in the conversation, found
        by its message id; None if Rasa has not stored that message.

        A turn can be stored here and its replies lost before the channel records them (the
        process killed in between): the channel's retry gives these instead of running the
        turn twice.
        """
        event = self.SQLEvent
        marker = f'"message_id": {json.dumps(message_id)}'
        with self.session_scope() as session:
            found = session.execute(
                sa.select(event.id, event.data)
                .where(
                    event.sender_id == sender_id,
                    event.type_name == "user",
                    event.data.contains(marker, autoescape=True),
                )
                .order_by(event.id)
            ).all()
            first = next(
                (i for i, d in found if json.loads(d).get("message_id") == message_id), None
            )
            if first is None:
                return None
            following = session.execute(
                sa.select(event.type_name, event.data)
                .where(event.sender_id == sender_id, event.id > first)
                .order_by(event.id)
            ).all()
        replies = []
        for type_name, data in following:
            if type_name == "user":
                break
            if type_name == "bot":
                bot = json.loads(data)
                replies.append({"text": bot.get("text") or "", **(bot.get("data") or {})})
        return replies

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Add the tracker's new events (as Rasa does) and keep the tracker for the next message."""
        await self.stream_events(tracker)
        self._cache.pop(tracker.sender_id, None)
        stored: _Stored | None = getattr(tracker, _STORED, None)
        with self.session_scope() as session:
            rows, last_id = self._rows(session, tracker.sender_id)
            if stored is not None and (rows, last_id) == (stored.rows, stored.last_id):
                already = stored.events
            else:  # not loaded by this store, or the database changed since: Rasa's own count
                already = self._event_query(
                    session, tracker.sender_id, fetch_events_from_all_sessions=False
                ).count()
                stored = None
            new_events = list(tracker.events)[already:]
            added = []
            for new_event in new_events:
                # The channels already removed card numbers and the like; this is the second
                # line of defence for anything that reaches Rasa another way (e.g. its HTTP API).
                data = mask_json(new_event.as_dict())
                row = self.SQLEvent(
                    sender_id=tracker.sender_id,
                    type_name=new_event.type_name,
                    timestamp=data.get("timestamp"),
                    intent_name=data.get("parse_data", {}).get("intent", {}).get(INTENT_NAME_KEY),
                    action_name=data.get("name"),
                    data=json.dumps(data),
                )
                session.add(row)
                added.append(row)
            session.flush()
            added_ids = [row.id for row in added]
            session.commit()
        record_turn(tracker, new_events)
        new_session = any(isinstance(e, SessionStarted) for e in new_events)
        if stored is None or new_session or already > len(tracker.events):
            # Rasa would now load only part of this tracker (a new session) or the counts are
            # not ours: the next message loads it from the database.
            setattr(tracker, _STORED, None)
            return
        last = max(added_ids, default=last_id)
        setattr(tracker, _STORED, _Stored(len(tracker.events), rows + len(added_ids), last))
        self._remember(tracker)


def fail_loudly() -> None:
    """Use our store as it is, not inside Rasa's FailSafeTrackerStore.

    On a database error Rasa's wrapper reads an empty tracker and saves the turn in memory
    only: the resident gets an answer out of context (a postcode met with "Sorry, I didn't
    understand") and the conversation forgets the turn. Unwrapped, the error reaches the
    channel, which answers 503 (webchat, whose retry is answered in context once the
    database is back) or answers later (SMS and Telegram keep the message until then).
    """
    from rasa.core.agent import Agent

    if getattr(Agent, "_council_fail_loudly", False):
        return
    original = Agent._create_tracker_store

    def create_tracker_store(store: Any, domain: Domain) -> Any:
        if isinstance(store, CouncilTrackerStore):
            store.domain = domain
            return store
        return original(store, domain)

    Agent._create_tracker_store = staticmethod(create_tracker_store)  # type: ignore[method-assign]
    Agent._council_fail_loudly = True  # type: ignore[attr-defined]
