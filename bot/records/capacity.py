"""Places per slot that are never oversold: the one capacity mechanism every booking store uses."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot.records.council_systems import TakePlace
from bot.storage.engine import session_scope

#: The columns that name one slot and their values, e.g. {"collection_date": date(2026, 12, 1)}.
SlotKey = Mapping[str, Any]


class NoPlaceLeft(Exception):
    """Every place in that slot has been taken (perhaps a moment ago): the one way to say "full"."""


class CapacityLedger:
    """Counts the places taken per slot in one table with a ``booked`` column.

    A place is taken by one conditional UPDATE (``booked + 1`` only while ``booked < capacity``)
    inside the transaction that stores the booking, so two residents racing for the last place
    get one booking and one NoPlaceLeft, on SQLite and PostgreSQL alike. A table with its own
    ``capacity`` column keeps the capacity the slot was created with; otherwise the capacity
    given with each booking counts.
    """

    def __init__(self, model: Any, database_url: str | None = None) -> None:
        self._model = model
        self._url = database_url
        self._stores_capacity = "capacity" in model.__table__.c

    def _where(self, slot: SlotKey) -> list[Any]:
        return [getattr(self._model, column) == value for column, value in slot.items()]

    def ensure(self, slot: SlotKey, capacity: int) -> None:
        """Create the slot's row (nothing booked) unless it exists; safe when two bookings race."""
        values = {**slot, "booked": 0}
        if self._stores_capacity:
            values["capacity"] = capacity
        try:
            with session_scope(self._url) as session:
                exists = session.execute(select(self._model).where(*self._where(slot))).first()
                if exists is None:
                    session.execute(insert(self._model).values(**values))
        except IntegrityError:
            pass  # another booking created the row a moment ago

    def take(self, session: Session, slot: SlotKey, capacity: int) -> None:
        """Take one place in ``session``'s transaction; NoPlaceLeft if the slot is full."""
        limit = self._model.capacity if self._stores_capacity else capacity
        taken = session.execute(
            update(self._model)
            .where(*self._where(slot), self._model.booked < limit)
            .values(booked=self._model.booked + 1)
            .execution_options(synchronize_session=False)
        )
        if taken.rowcount != 1:
            raise NoPlaceLeft(", ".join(str(value) for value in slot.values()))

    def taker(self, slot: SlotKey, capacity: int) -> TakePlace:
        """`take` for this slot, as the ``take_place`` a connector runs while storing the booking."""

        def take_place(session: Session) -> None:
            self.take(session, slot, capacity)

        return take_place

    def release(self, session: Session, slot: SlotKey) -> None:
        """Give one place back (a cancelled booking), in ``session``'s transaction."""
        session.execute(
            update(self._model)
            .where(*self._where(slot), self._model.booked > 0)
            .values(booked=self._model.booked - 1)
            .execution_options(synchronize_session=False)
        )
