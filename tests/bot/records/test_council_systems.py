"""COUNCIL_SYSTEMS chooses the connector every service request goes through; a bad value names the choices."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

import pytest

from actions import context
from bot.records.bulky_bookings import BulkyBookingStore
from bot.records.capacity import NoPlaceLeft
from bot.records.council_systems import (
    Cancellation,
    CouncilSystems,
    ReleasePlace,
    TakePlace,
    UnknownConnector,
    connect,
    connector_class,
)
from bot.records.digital_sessions import DigitalSessionStore
from bot.records.service_requests import ServiceRequestStore, StoredRequest, make_dedupe_key
from bot.settings import Settings, get_settings
from bot.storage.engine import session_scope

RECORDING = f"{__name__}.RecordingConnector"


class RecordingConnector(CouncilSystems):
    """A connector for tests: keeps requests in memory, takes places in our database."""

    received: list[StoredRequest] = []

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
        key = make_dedupe_key([service, *same_job])
        for request in self.received:
            if request.details.get("_key") == key:
                return request
        with session_scope(self._url) as session:
            if take_place is not None:
                take_place(session)
            request = StoredRequest(
                reference=f"{reference_prefix}-{len(self.received) + 1:06d}",
                service=service,
                status="received",
                postcode=postcode,
                address=address,
                due_by=due_by,
                details={**details, "_key": key},
                created_now=True,
            )
            self.received.append(request)
        return request

    def find(self, reference: str, postcode: str) -> StoredRequest | None:
        return next((r for r in self.received if r.reference == reference), None)

    def amend_own(self, reference: str, sender_id: str, **_: Any) -> StoredRequest | None:
        return None

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
        return Cancellation("not_found")


@pytest.fixture(autouse=True)
def _fresh_connector() -> None:
    RecordingConnector.received = []


def test_sql_is_the_default_connector_and_stores_in_our_database(database_url):
    assert Settings(_env_file=None).council_systems == "sql"
    assert isinstance(connect(), ServiceRequestStore)
    assert isinstance(context.service_requests(), ServiceRequestStore)


def test_an_unknown_connector_is_refused_with_the_valid_choices():
    for name in ("ftp", "nowhere.Connector", "bot.settings.Settings"):
        with pytest.raises(
            UnknownConnector, match=r"one of 'sql' or the dotted path of a .*CouncilSystems"
        ):
            connector_class(name)


def test_a_connector_named_by_its_dotted_path_is_accepted_by_the_settings(monkeypatch):
    monkeypatch.setenv("COUNCIL_SYSTEMS", RECORDING)
    assert Settings(_env_file=None).council_systems == RECORDING
    assert connector_class(RECORDING) is RecordingConnector


def test_every_booking_and_request_goes_through_the_chosen_connector(database_url, monkeypatch):
    monkeypatch.setenv("COUNCIL_SYSTEMS", RECORDING)
    get_settings.cache_clear()
    context.service_requests.cache_clear()
    assert isinstance(context.service_requests(), RecordingConnector)
    bulky = BulkyBookingStore().book(
        collection_date=date(2026, 12, 1), capacity=1, reference_prefix="BW", channel="webchat",
        sender_id="s1", postcode="PL1 2JT", address="12, Citadel Mews", details={}, same_job=["12"],
    )  # fmt: skip
    with pytest.raises(NoPlaceLeft):  # the place is still counted in our database
        BulkyBookingStore().book(
            collection_date=date(2026, 12, 1), capacity=1, reference_prefix="BW", channel="webchat",
            sender_id="s2", postcode="PL1 2JT", address="14, Citadel Mews", details={}, same_job=["14"],
        )  # fmt: skip
    session = DigitalSessionStore().book(
        venue_id="central-library", begins=datetime(2026, 11, 26, 14, 0), capacity=2,
        reference_prefix="DS", channel="webchat", sender_id="s1", postcode="PL1 2JT",
        address="Central Library", details={},
    )  # fmt: skip
    assert [r.reference for r in RecordingConnector.received] == [
        bulky.reference,
        session.reference,
    ]
    assert ServiceRequestStore().find(bulky.reference, "PL1 2JT") is None  # nothing in our table
