"""End to end: a resident finds help getting online nearby and books a helper session, then checks it."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import create_engine, select

from bot.storage.models import DigitalSessionSlot, ServiceRequest
from tests.e2e.webchat_client import WebchatClient, texts

pytestmark = [pytest.mark.e2e, pytest.mark.model]


def _rows(url: str, model):  # type: ignore[no-untyped-def]
    engine = create_engine(url, future=True)
    with engine.connect() as connection:
        rows = connection.execute(select(model.__table__)).mappings().all()
    engine.dispose()
    return rows


def test_a_resident_finds_nearby_help_books_a_session_and_checks_the_reference(live_servers):
    chat = WebchatClient(live_servers.webchat)

    asked = chat.send("where can I use a computer for free")
    assert "what gets in the way" in texts(asked).lower()
    assert "I'm not confident online" in [b["title"] for b in asked[-1]["buttons"]]

    asked = chat.press("I'm not confident online")
    assert "postcode" in texts(asked).lower()

    listed = chat.send("PL1 2JT")
    reply = texts(listed)
    assert "The nearest places" in reply and reply.count(" away)") == 3
    assert "Central Library" in reply and "PL4 8AL" in reply
    assert "/book_assisted_digital" in [b["payload"] for b in listed[-1]["buttons"]]

    where = chat.press("/book_assisted_digital", "Book a session with a helper")
    venues = [b["title"] for b in where[-1]["buttons"]]
    assert (
        venues[0] == "Central Library"
    )  # the nearest with sessions; the postcode is not asked again

    when = chat.press(venues[0])
    session = when[-1]["buttons"][0]["title"]
    assert re.match(r"^[A-Z][a-z]+day \d{1,2} [A-Z][a-z]+, ", session), session

    reminder = chat.press(session)
    assert "remind you the day before" in texts(reminder)

    confirm = chat.press("No reminder")
    assert f"on {session}" in texts(confirm)

    done = texts(chat.press("Yes, book it"))
    match = re.search(r"Your reference is (DS-[A-Z0-9]{6})", done)
    assert match, done
    assert "Where: Central Library, Drake Circus, Plymouth, PL4 8AL." in done
    reference = match.group(1)

    row = next(
        r for r in _rows(live_servers.database_url, ServiceRequest) if r["reference"] == reference
    )
    assert row["service"] == "assisted_digital" and row["postcode"] == "PL1 2JT"
    assert row["details"]["venue_id"] == "central-library"
    assert row["details"]["remind_by_text_day_before"] is False
    slots = [
        s
        for s in _rows(live_servers.database_url, DigitalSessionSlot)
        if s["venue_id"] == "central-library"
    ]
    assert [s["booked"] for s in slots if s["starts_at"] == row["details"]["starts_at"]] == [1]

    # Any channel: a new conversation checks the booking by reference and postcode.
    other = WebchatClient(live_servers.webchat)
    asked = other.press("/check_request_status", "Check a request")
    assert "reference" in texts(asked).lower()
    asked = other.send(reference)
    assert "postcode" in texts(asked).lower()
    status = texts(other.send("PL1 2JT"))
    assert reference in status and "booked in for" in status


def test_talk_to_a_person_still_works_in_the_middle_of_the_getting_online_questions(live_servers):
    chat = WebchatClient(live_servers.webchat)
    chat.send("I need help learning to use a computer")
    replies = chat.press("/request_human", "Talk to a person")
    assert re.search(r"reference is AD-[A-Z0-9]{6}", texts(replies))


def test_a_crisis_in_the_middle_of_a_booking_still_gets_the_safety_number_first(live_servers):
    chat = WebchatClient(live_servers.webchat)
    chat.send("can I book a session with a digital helper")
    replies = chat.send("i can smell gas in the kitchen")
    assert "0800 111 999" in texts(replies)
