"""How a status check describes each kind of request: which one, its status, and our promise while it is open (actions/status_describers.py)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from actions.status_describers import describe
from bot.council import Council, get_council
from bot.records.service_requests import StoredRequest

DUE = date(2099, 3, 3)  # a year never "this year": the date always reads the same


@pytest.fixture(scope="module")
def council() -> Council:
    return get_council()


def _found(service: str, status: str = "received", **details: Any) -> StoredRequest:
    return StoredRequest(
        reference="XX-7K3F9Q",
        service=service,
        status=status,
        postcode="PL1 2JT",
        address="12, Example Street, PL1 2JT",
        due_by=DUE,
        details=details,
        created_now=False,
    )


def test_an_open_missed_bin_report_says_which_bin_we_will_collect_and_by_when(council):
    lines = describe(council, _found("missed_bin", bin_type="general"))
    bin_name = council.bin_types["general"].name
    assert (
        lines[0]
        == f"{council.service('missed_bin').name}, reference XX-7K3F9Q, at 12, Example Street, PL1 2JT."
    )
    assert lines[1] == "We've received it and passed it to the team."
    assert lines[-1] == f"We'll collect your {bin_name} by Tuesday 3 March 2099."


def test_a_finished_request_makes_no_promise(council):
    lines = describe(council, _found("missed_bin", status="completed", bin_type="general"))
    assert lines[-1] == "It has been done."


def test_a_bulky_collection_gives_the_date_the_resident_chose(council):
    lines = describe(council, _found("bulky_waste", collection_date="2099-03-03"))
    assert lines[-1] == "Your collection is booked for Tuesday 3 March 2099."


def test_a_booked_helper_session_says_when_to_come_instead_of_a_status(council):
    lines = describe(council, _found("assisted_digital", starts_at="2099-03-03T14:00"))
    assert lines[1].startswith("You're booked in for Tuesday 3 March 2099 at 2pm.")
    assert "We've received it" not in " ".join(lines)


def test_an_unknown_status_is_shown_as_it_is_stored(council):
    lines = describe(council, _found("missed_bin", status="on_hold", bin_type="general"))
    assert "Status: on_hold." in lines


@pytest.mark.parametrize("service", sorted(get_council().services))
def test_every_service_gives_the_reference_first_and_a_status(council, service):
    lines = describe(council, _found(service))
    assert ", reference XX-7K3F9Q" in lines[0]
    assert len(lines) >= 2
