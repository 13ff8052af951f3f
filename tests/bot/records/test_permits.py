"""Counting the parking permits an address already holds, for the council's household limit (bot/records/permits.py)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import update

from bot.records.permits import permits_held
from bot.records.service_requests import ServiceRequestStore
from bot.storage.engine import session_scope
from bot.storage.models import ServiceRequest

HOME = "3, Citadel Mews, PL1 2PD"


def _apply(
    address: str, permit_type: str, registration: str, service: str = "parking_permit"
) -> str:
    stored = ServiceRequestStore().create(
        service=service,
        reference_prefix="PP",
        channel="webchat",
        sender_id="session-permits",
        postcode="PL1 2PD",
        address=address,
        due_by=date(2026, 12, 10),
        details={"permit_type": permit_type, "registration": registration},
        same_job=[address, permit_type, registration],
    )
    return stored.reference


def _set_status(reference: str, status: str) -> None:
    with session_scope() as session:
        session.execute(
            update(ServiceRequest)
            .where(ServiceRequest.reference == reference)
            .values(status=status)
        )


def test_an_address_with_no_applications_holds_no_permits(database_url):
    assert permits_held(HOME, "resident") == 0


def test_each_application_of_the_type_for_the_address_counts(database_url):
    _apply(HOME, "resident", "AB12 CDE")
    _apply(HOME, "resident", "XY65 ZZZ")
    assert permits_held(HOME, "resident") == 2


def test_other_permit_types_other_addresses_and_other_services_do_not_count(database_url):
    _apply(HOME, "visitor", "AB12 CDE")
    _apply("4, Citadel Mews, PL1 2PD", "resident", "AB12 CDE")
    _apply(HOME, "resident", "AB12 CDE", service="missed_bin")
    assert permits_held(HOME, "resident") == 0


def test_cancelled_refused_and_expired_permits_free_the_place(database_url):
    for number, status in enumerate(("cancelled", "refused", "expired", "received")):
        _set_status(_apply(HOME, "resident", f"AB1{number} CDE"), status)
    assert permits_held(HOME, "resident") == 1
