"""End to end: council tax moves and discounts, benefit changes, answers and arrears, through the real servers."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import create_engine, select

from bot.storage.models import HandoffTicket, ServiceRequest
from tests.e2e.webchat_client import WebchatClient, texts

pytestmark = [pytest.mark.e2e, pytest.mark.model]


def _rows(url: str, model):  # type: ignore[no-untyped-def]
    engine = create_engine(url, future=True)
    with engine.connect() as connection:
        rows = connection.execute(select(model.__table__)).mappings().all()
    engine.dispose()
    return rows


def _stored(url: str, reference: str):  # type: ignore[no-untyped-def]
    return next(r for r in _rows(url, ServiceRequest) if r["reference"] == reference)


def test_a_resident_moving_out_tells_council_tax_from_first_message_to_reference(live_servers):
    chat = WebchatClient(live_servers.webchat)

    asked = texts(chat.send("I'm moving out of the area next month"))
    assert "What date are you moving out" in asked, asked  # "out" was read from the first message

    asked = texts(chat.send("12/01/2027"))
    assert "address you're leaving" in asked, asked

    asked = texts(chat.send("3 Citadel Mews, PL1 2JT"))
    assert "anywhere in the UK" in asked, asked

    asked = chat.send("14 High Street, Exeter EX1 1AA")
    assert "account number" in texts(asked), texts(asked)
    assert "I don't know it" in [b["title"] for b in asked[-1]["buttons"]]

    readback = texts(chat.press("I don't know it"))
    assert "moving out of the area on Tuesday 12 January 2027" in readback, readback
    assert (
        "Leaving: 3 Citadel Mews, PL1 2JT" in readback and "Account number: not given" in readback
    )

    done = texts(chat.press("/affirm", "Yes, send it"))
    match = re.search(r"Your reference is (CM-[A-Z0-9]{6})", done)
    assert match, done
    assert "send your final bill by" in done

    row = _stored(live_servers.database_url, match.group(1))
    assert row["service"] == "council_tax_move" and row["postcode"] == "PL1 2JT"
    assert row["details"]["new_address"] == "14 High Street, Exeter, EX1 1AA"
    assert row["details"]["move_date"] == "2027-01-12" and row["details"]["account_number"] is None

    other = WebchatClient(live_servers.webchat)
    other.press("/check_request_status", "Check a request")
    other.send(match.group(1))
    status = texts(other.send("PL1 2JT"))
    assert "moving out of the area on Tuesday 12 January 2027" in status, status


def test_a_resident_living_alone_applies_for_the_single_person_discount(live_servers):
    chat = WebchatClient(live_servers.webchat)

    asked = texts(chat.send("I live on my own, can I get a discount"))
    assert "How many adults" in asked, asked

    asked = texts(chat.press("Just me"))
    assert "only adult living there" in asked, asked

    asked = texts(chat.send("today"))
    assert "What's your address" in asked, asked

    asked = texts(chat.send("3 Citadel Mews PL1 2JT"))
    assert "account number" in asked, asked

    readback = texts(chat.send("5123 4567"))
    assert "Single person discount (25% off)" in readback and "Account number: 51234567" in readback

    done = texts(chat.press("/affirm", "Yes, send it"))
    match = re.search(r"Your reference is (CD-[A-Z0-9]{6})", done)
    assert match, done
    row = _stored(live_servers.database_url, match.group(1))
    assert (
        row["service"] == "council_tax_discount" and row["details"]["account_number"] == "51234567"
    )


def test_two_adults_are_told_why_they_cannot_get_the_discount_and_nothing_is_stored(live_servers):
    before = len(_rows(live_servers.database_url, ServiceRequest))
    chat = WebchatClient(live_servers.webchat)
    chat.send("apply for single person discount")
    reply = texts(chat.press("2"))
    assert "doesn't apply" in reply and "haven't sent anything" in reply, reply
    assert len(_rows(live_servers.database_url, ServiceRequest)) == before


def test_a_resident_reports_a_change_of_circumstances_from_first_message_to_reference(live_servers):
    chat = WebchatClient(live_servers.webchat)

    asked = chat.send("report a change of circumstances")
    assert "What has changed" in texts(asked), texts(asked)
    assert "I started or stopped work" in [b["title"] for b in asked[-1]["buttons"]]

    asked = texts(chat.press("I started or stopped work"))
    assert "When did it change" in asked, asked

    asked = texts(chat.send("last Monday"))
    assert "sentence or two" in asked, asked

    asked = texts(chat.send("I started a new job at the hospital on 20 hours a week"))
    assert "postcode" in asked, asked

    readback = texts(chat.send("pl1 2jt"))
    assert "What changed: I started or stopped work" in readback and "Postcode: PL1 2JT" in readback

    done = texts(chat.press("/affirm", "Yes, send it"))
    match = re.search(r"Your reference is (BC-[A-Z0-9]{6})", done)
    assert match, done
    assert "pay it back" in done
    row = _stored(live_servers.database_url, match.group(1))
    assert row["service"] == "benefits_change" and row["details"]["change"] == "job"
    assert row["details"]["description"] == "I started a new job at the hospital on 20 hours a week"


def test_talk_to_a_person_still_works_in_the_middle_of_a_council_tax_move(live_servers):
    chat = WebchatClient(live_servers.webchat)
    chat.send("I'm moving out of the area next month")
    replies = texts(chat.press("/request_human", "Talk to a person"))
    assert re.search(r"reference is AD-[A-Z0-9]{6}", replies), replies


def test_a_crisis_in_the_middle_of_a_change_of_circumstances_still_gets_the_safety_number_first(
    live_servers,
):
    chat = WebchatClient(live_servers.webchat)
    chat.send("report a change of circumstances")
    chat.press("My income changed")
    replies = texts(chat.send("i want to end it all"))
    assert "116 123" in replies, replies


def test_how_much_is_band_c_is_answered_with_the_figure(live_servers):
    chat = WebchatClient(live_servers.webchat)
    reply = texts(chat.send("how much is band C council tax"))
    assert "£1,988.00" in reply, reply


def test_council_tax_arrears_get_free_debt_advice_first_then_an_advisor(live_servers):
    chat = WebchatClient(live_servers.webchat)
    replies = chat.send("I can't pay my council tax and I've had a summons")
    first = replies[0]["text"]
    assert "payment plan" in first and "StepChange" in first and "don't ignore it" in first, texts(
        replies
    )
    assert re.search(r"reference is AD-[A-Z0-9]{6}", texts(replies)), texts(replies)
    assert any(
        t["intent"] == "council_tax_arrears"
        for t in _rows(live_servers.database_url, HandoffTicket)
    )
