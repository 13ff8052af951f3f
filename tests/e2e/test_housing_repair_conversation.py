"""End to end: council tenants report routine and emergency repairs through webchat; others are signposted."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import create_engine, select

from bot.storage.models import HandoffTicket, ServiceRequest
from tests.e2e.webchat_client import WebchatClient, texts

pytestmark = [pytest.mark.e2e, pytest.mark.model]


def _rows(url: str, model):
    engine = create_engine(url, future=True)
    with engine.connect() as connection:
        rows = connection.execute(select(model.__table__)).mappings().all()
    engine.dispose()
    return rows


def _request(url: str, reference: str):
    return next(r for r in _rows(url, ServiceRequest) if r["reference"] == reference)


def test_a_council_tenant_reports_a_routine_repair_from_first_message_to_reference(live_servers):
    chat = WebchatClient(live_servers.webchat)
    asked = chat.send("my boiler isn't working")
    assert "do you rent your home from the council" in texts(asked).lower(), texts(asked)

    asked = chat.press("I rent from the council")
    assert "where in your home" in texts(asked).lower(), texts(asked)  # the boiler was understood

    asked = chat.press("Kitchen")
    assert "what's wrong" in texts(asked).lower(), texts(asked)

    asked = chat.send("It shows an error code and won't fire up")
    assert "over 70, disabled, unwell, or a baby" in texts(asked), texts(asked)

    asked = chat.press("No")
    assert "when can our repairs team come in" in texts(asked).lower(), texts(asked)

    asked = chat.press("mornings", "Weekday mornings (8am to 12pm)")
    assert "phone number" in texts(asked).lower(), texts(asked)

    asked = chat.send("07700 900123")
    assert "postcode" in texts(asked).lower(), texts(asked)

    asked = chat.send("pl1 2jt")
    assert "house or flat number" in texts(asked).lower(), texts(asked)

    asked = chat.send("3")
    reply = texts(asked)
    assert "What: Boiler, Kitchen" in reply and "Address: 3, Citadel Mews, PL1 2JT" in reply, reply

    done = chat.press("/affirm", "Yes, send it")
    reply = texts(done)
    match = re.search(r"reference is (HR-[A-Z0-9]{6})", reply)
    assert match, reply
    assert "we aim to finish the repair by" in reply.lower()

    row = _request(live_servers.database_url, match.group(1))
    assert row["service"] == "housing_repair" and row["address"] == "3, Citadel Mews, PL1 2JT"
    assert row["details"]["priority"] == "routine" and row["details"]["repair_kind"] == "boiler"
    assert row["details"]["contact_phone"] == "07700 900123"

    asked = chat.press("/check_request_status", "Check a request")
    assert "reference" in texts(asked).lower(), texts(asked)
    asked = chat.send(match.group(1))
    assert "postcode" in texts(asked).lower(), texts(asked)
    status = chat.send("PL1 2JT")
    assert "Repair: Boiler, kitchen." in texts(status), texts(status)


def test_a_leak_that_will_not_stop_is_an_emergency_with_an_urgent_call_back(live_servers):
    chat = WebchatClient(live_servers.webchat)
    chat.send("there's a leak coming through the ceiling")
    chat.press("I rent from the council")
    chat.press("Bathroom")
    asked = chat.send("Water is pouring through the ceiling from the flat above")
    reply = texts(asked)
    assert "emergency repair" in reply and "0808 157 0100" in reply, reply
    assert "phone you back straight away" in reply, reply

    asked = chat.press("skip", "Skip")
    assert "postcode" in texts(asked).lower(), texts(asked)
    chat.send("PL1 2JT")
    asked = chat.send("5")
    assert "Emergency: yes" in texts(asked), texts(asked)

    done = chat.press("/affirm", "Yes, send it")
    reply = texts(done)
    match = re.search(r"reference is (HR-[A-Z0-9]{6})", reply)
    assert match, reply
    assert "contact you as soon as possible" in reply

    row = _request(live_servers.database_url, match.group(1))
    assert row["details"]["priority"] == "emergency" and row["details"]["contact_phone"] is None
    ticket = next(
        t for t in _rows(live_servers.database_url, HandoffTicket) if match.group(1) in t["reason"]
    )
    assert ticket["priority"] == "urgent" and ticket["status"] == "open"


def test_a_private_tenant_is_signposted_and_nothing_is_stored(live_servers):
    before = len(_rows(live_servers.database_url, ServiceRequest))
    chat = WebchatClient(live_servers.webchat)
    chat.send("damp and mould in my bedroom")
    reply = texts(chat.press("I rent from a private landlord"))
    assert "landlord or letting agent" in reply and "01632 960320" in reply, reply
    assert len(_rows(live_servers.database_url, ServiceRequest)) == before


def test_a_smell_of_gas_in_the_middle_of_a_repair_goes_straight_to_the_gas_emergency_line(
    live_servers,
):
    chat = WebchatClient(live_servers.webchat)
    chat.send("report a repair")
    asked = chat.press("I rent from the council")
    assert "what needs repairing" in texts(asked).lower(), texts(asked)
    reply = texts(chat.send("I can smell gas in the kitchen"))
    assert "0800 111 999" in reply, reply
