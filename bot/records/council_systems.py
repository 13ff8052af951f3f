"""The connector interface service requests go through to the council's systems, chosen by COUNCIL_SYSTEMS.

Every service request the assistant stores (reports, orders, bookings, their amendments and
cancellations) goes through the connector named by the ``COUNCIL_SYSTEMS`` setting.

- ``sql`` (the default, `bot.records.service_requests.ServiceRequestStore`): stores requests in
  our database (``service_requests``) for the council's back office to pick up.
- Any other value is the dotted path of a `CouncilSystems` subclass, e.g.
  ``COUNCIL_SYSTEMS=mycouncil.crm.CrmConnector``: the way Rasa names a custom tracker store.

To add a connector: subclass `CouncilSystems` in any importable module, implement its four
methods (their docstrings are the contract), and set ``COUNCIL_SYSTEMS`` to the class's
dotted path. To make it a built-in name, add it to `BUILT_IN_CONNECTORS`. A bad value stops
the processes at start-up with an error naming the valid choices.
"""

from __future__ import annotations

import importlib
from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from bot.records.service_requests import StoredRequest

#: Names COUNCIL_SYSTEMS accepts besides a dotted path, and the connector class each one means.
BUILT_IN_CONNECTORS = {"sql": "bot.records.service_requests.ServiceRequestStore"}

#: Takes a place for a booking inside the transaction on our database that stores it (so the place
#: is given back if storing fails); raises `bot.records.capacity.NoPlaceLeft` when none is left.
TakePlace = Callable[["Session"], None]
#: Gives back the place of a cancelled booking, inside the transaction that cancels it.
ReleasePlace = Callable[["Session", "StoredRequest"], None]


class UnknownConnector(ValueError):
    """COUNCIL_SYSTEMS names no connector; the message lists the valid choices."""


@dataclass(frozen=True)
class Cancellation:
    """What happened when a resident asked to cancel: cancelled, already_cancelled, too_late or not_found."""

    outcome: str
    booking: StoredRequest | None = None


class CouncilSystems(ABC):
    """Where service requests go: stores each one once and finds it again for status checks.

    A connector is created with the URL of our database (None: the configured DATABASE_URL);
    the booking stores keep their capacity counts there, whatever the connector.
    """

    def __init__(self, database_url: str | None = None) -> None:
        self._url = database_url

    @abstractmethod
    def create(
        self,
        *,
        service: str,
        reference_prefix: str,
        channel: str,
        sender_id: str,
        postcode: str,
        address: str,
        due_by: date,
        details: dict[str, Any],
        same_job: list[str],
        take_place: TakePlace | None = None,
    ) -> StoredRequest:
        """Store a request with a new reference, or return the one stored for the same job.

        ``same_job`` lists what makes two requests the same job (``make_dedupe_key``): asked
        twice, even at the same moment, it keeps the first reference. ``take_place`` (bookings)
        must run in the same transaction as the store, so a request is stored only with its
        place and a place is kept only with its request; its NoPlaceLeft propagates.
        """

    @abstractmethod
    def find(self, reference: str, postcode: str) -> StoredRequest | None:
        """The request with this reference, only if the postcode matches too (or it has none)."""

    @abstractmethod
    def amend_own(
        self,
        reference: str,
        sender_id: str,
        *,
        details: dict[str, Any],
        same_job: list[str],
        due_by: date,
    ) -> StoredRequest | None:
        """Put right a request the same resident has just made; None if it isn't theirs or is closed."""

    @abstractmethod
    def cancel(
        self,
        *,
        service: str,
        reference: str,
        postcode: str,
        last_day_to_cancel: Callable[[date], date],
        today: date,
        release_place: ReleasePlace | None = None,
    ) -> Cancellation:
        """Cancel a request of this service (reference and postcode must match) before its cut-off.

        ``last_day_to_cancel`` maps the request's due date to the last day a cancellation is
        accepted. A request is cancelled once, even when asked twice at the same moment.
        """


def connector_class(name: str) -> type[CouncilSystems]:
    """The connector class COUNCIL_SYSTEMS names; UnknownConnector (listing the choices) if none."""
    path = BUILT_IN_CONNECTORS.get(name, name)
    module_name, _, class_name = path.rpartition(".")
    found: Any = None
    if module_name:
        try:
            found = getattr(importlib.import_module(module_name), class_name, None)
        except ImportError:
            found = None
    if not (isinstance(found, type) and issubclass(found, CouncilSystems)):
        choices = ", ".join(repr(key) for key in BUILT_IN_CONNECTORS)
        raise UnknownConnector(
            f"COUNCIL_SYSTEMS must be one of {choices} or the dotted path of a "
            f"bot.records.council_systems.CouncilSystems subclass, not {name!r}"
        )
    return found


def connect(name: str | None = None, database_url: str | None = None) -> CouncilSystems:
    """The connector named by ``name`` (default: the COUNCIL_SYSTEMS setting)."""
    if name is None:
        from bot.settings import get_settings

        name = get_settings().council_systems
    return connector_class(name)(database_url)
