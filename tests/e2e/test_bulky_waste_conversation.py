"""End to end: a resident books a bulky waste collection through webchat, then cancels it."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import create_engine, select

from bot.council import get_council
from bot.storage.models import BulkySlot, ServiceRequest
from tests.e2e.webchat_client import WebchatClient, texts

pytestmark = [pytest.mark.e2e, pytest.mark.model]


def _rows(url: str, model):
    engine = create_engine(url, future=True)
    with engine.connect() as connection:
        rows = connection.execute(select(model.__table__)).mappings().all()
    engine.dispose()
    return rows


def _street_alone_at_its_postcode():
    council = get_council()
    return next(s for s in council.streets if len(council.streets_for_postcode(s.postcode)) == 1)


def test_a_resident_books_a_bulky_collection_from_first_message_to_reference_then_cancels_it(
    live_servers,
):
    street = _street_alone_at_its_postcode()
    chat = WebchatClient(live_servers.webchat)

    asked = chat.send("book a bulky waste collection")
    assert "postcode" in texts(asked).lower(), texts(asked)

    asked = chat.send(street.postcode.lower())
    assert "house number or name" in texts(asked).lower(), texts(asked)

    number = street.first_number or 1
    asked = chat.send(str(number))
    assert "what would you like us to collect" in texts(asked).lower(), texts(asked)

    asked = chat.send("a wardrobe and 2 mattresses")
    assert "which day" in texts(asked).lower(), texts(asked)
    first_date = asked[-1]["buttons"][0]["title"]

    asked = chat.press(first_date, first_date)
    reply = texts(asked)
    assert "1 x Wardrobe: £25.00" in reply and "Total: £25.00" in reply, reply
    assert f"Collection on {first_date}" in reply

    done = chat.press("/affirm", "Yes, book it")
    reply = texts(done)
    match = re.search(r"reference is (BW-[A-Z0-9]{6})", reply)
    assert match, reply
    assert "by 7am" in reply and "£25.00" in reply

    row = next(
        r
        for r in _rows(live_servers.database_url, ServiceRequest)
        if r["reference"] == match.group(1)
    )
    assert row["service"] == "bulky_waste" and row["status"] == "received"
    assert row["address"] == f"{number}, {street.name}, {street.postcode}"
    assert [item["key"] for item in row["details"]["items"]] == ["wardrobe", "mattress"]
    slot = next(
        s
        for s in _rows(live_servers.database_url, BulkySlot)
        if s["collection_date"] == row["due_by"]
    )
    assert slot["booked"] >= 1
    booked_before = slot["booked"]

    # Booked in this same chat, so its reference is enough: no postcode asked to prove it.
    cancelled = chat.send(f"cancel my bulky collection {match.group(1)}")
    assert "Cancelled" in texts(cancelled) and match.group(1) in texts(cancelled), texts(cancelled)

    row = next(
        r
        for r in _rows(live_servers.database_url, ServiceRequest)
        if r["reference"] == match.group(1)
    )
    assert row["status"] == "cancelled"
    slot = next(
        s
        for s in _rows(live_servers.database_url, BulkySlot)
        if s["collection_date"] == row["due_by"]
    )
    assert slot["booked"] == booked_before - 1


def _fill_day(url: str, day) -> None:
    """Someone else takes every remaining place on ``day`` (as if they confirmed a moment earlier)."""
    engine = create_engine(url, future=True)
    with engine.begin() as connection:
        found = connection.execute(
            select(BulkySlot.__table__).where(BulkySlot.collection_date == day)
        ).first()
        if found is None:
            connection.execute(
                BulkySlot.__table__.insert().values(collection_date=day, capacity=1, booked=1)
            )
        else:
            connection.execute(
                BulkySlot.__table__.update()
                .where(BulkySlot.collection_date == day)
                .values(booked=BulkySlot.capacity)
            )
    engine.dispose()


def test_a_resident_whose_date_was_just_taken_is_offered_the_next_one_and_can_still_book(
    live_servers,
):
    from datetime import datetime

    street = _street_alone_at_its_postcode()
    chat = WebchatClient(live_servers.webchat)
    chat.send("book a bulky waste collection")
    chat.send(street.postcode)
    chat.send(str((street.first_number or 1) + 1))
    asked = chat.send("fridge freezer x2")
    first_date = asked[-1]["buttons"][0]["title"]
    asked = chat.press(first_date, first_date)
    assert "Total: £40.00" in texts(asked), texts(asked)

    year = datetime.now().year
    day = datetime.strptime(f"{first_date.split(' ', 1)[1]} {year}", "%d %B %Y").date()
    if day < datetime.now().date():
        day = day.replace(year=year + 1)
    _fill_day(live_servers.database_url, day)

    lost = chat.press("/affirm", "Yes, book it")
    reply = texts(lost)
    assert f"{first_date} has just been taken" in reply, reply
    titles = [b["title"] for b in lost[-1]["buttons"]]
    assert first_date not in titles and titles, reply

    asked = chat.press(titles[0], titles[0])
    assert f"Collection on {titles[0]}" in texts(asked), texts(asked)
    done = chat.press("/affirm", "Yes, book it")
    assert re.search(r"reference is BW-[A-Z0-9]{6}", texts(done)), texts(done)


def test_saying_no_at_the_confirmation_books_nothing(live_servers):
    street = _street_alone_at_its_postcode()
    before = len(_rows(live_servers.database_url, ServiceRequest))
    chat = WebchatClient(live_servers.webchat)
    chat.send("book a bulky waste collection")
    chat.send(street.postcode)
    chat.send(str((street.first_number or 1) + 2))
    asked = chat.send("a wardrobe")
    first_date = asked[-1]["buttons"][0]["title"]
    chat.press(first_date, first_date)
    stopped = chat.press("/deny", "No, don't book")
    assert "Nothing has been sent" in texts(stopped), texts(stopped)
    assert len(_rows(live_servers.database_url, ServiceRequest)) == before
