"""End to end: a resident applies for a parking permit through webchat; streets outside zones are told plainly."""

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


def test_a_resident_applies_for_a_permit_from_first_message_to_reference_then_checks_it(
    live_servers,
):
    chat = WebchatClient(live_servers.webchat)
    asked = chat.send("apply for a resident parking permit")
    assert "postcode" in texts(asked).lower(), texts(asked)

    asked = chat.send("PL1 2JT")
    assert "house number or name" in texts(asked).lower(), texts(asked)

    asked = chat.send("7")
    reply = texts(asked)
    assert "Citadel Mews is in Zone A" in reply and "£60.00" in reply, reply

    asked = chat.press("resident", "Resident permit")
    assert "registration" in texts(asked).lower(), texts(asked)

    asked = chat.send("ab12 cde")
    reply = texts(asked)
    assert "Vehicle: AB12 CDE" in reply and "Price: £60.00" in reply, reply

    done = chat.press("/affirm", "Yes, apply")
    reply = texts(done)
    match = re.search(r"reference is (PP-[A-Z0-9]{6})", reply)
    assert match, reply
    assert "To pay £60.00" in reply and "logbook (V5C)" in reply

    row = next(
        r
        for r in _rows(live_servers.database_url, ServiceRequest)
        if r["reference"] == match.group(1)
    )
    assert row["service"] == "parking_permit" and row["address"] == "7, Citadel Mews, PL1 2JT"
    assert row["details"]["vehicle_reg"] == "AB12 CDE" and row["details"]["zone"] == "A"

    chat.press("/check_request_status", "Check a request")
    chat.send(match.group(1))
    status = texts(chat.send("PL1 2JT"))
    assert "Resident permit for AB12 CDE in Zone A" in status, status


def test_a_street_outside_every_zone_is_told_no_permit_is_needed(live_servers):
    chat = WebchatClient(live_servers.webchat)
    chat.send("I need a permit to park on my street")
    reply = texts(chat.send("PL2 1QH"))
    assert "isn't in a residents' parking zone" in reply and "don't need a permit" in reply, reply


def test_talk_to_a_person_interrupts_a_permit_application(live_servers):
    chat = WebchatClient(live_servers.webchat)
    chat.send("visitor parking permit")
    chat.send("PL1 2JT")
    replies = texts(chat.press("/request_human", "Talk to a person"))
    match = re.search(r"reference is (AD-[A-Z0-9]{6})", replies)
    assert match, replies
    ticket = next(
        t
        for t in _rows(live_servers.database_url, HandoffTicket)
        if t["reference"] == match.group(1)
    )
    assert ticket["form_values"].get("postcode") == "PL1 2JT"
