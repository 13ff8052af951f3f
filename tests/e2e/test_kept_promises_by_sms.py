"""End to end over SMS: a resident texting us is promised the payment link by text, and it can be sent."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import create_engine, select

from bot.council import get_council
from bot.storage.models import ServiceRequest
from tests.e2e.test_sms_conversations import (  # noqa: F401 (fixtures)
    SmsResident,
    sms_servers,
    telegram_fake,
    twilio_fake,
)

pytestmark = [pytest.mark.e2e, pytest.mark.model]


def _options(reply: str) -> dict[str, str]:
    return {text.strip(): number for number, text in re.findall(r"Reply (\d) for (.+)", reply)}


def test_a_bulky_booking_by_text_promises_the_payment_link_to_this_number_and_keeps_it(
    sms_servers,  # noqa: F811
    twilio_fake,  # noqa: F811
):
    council = get_council()
    street = next(s for s in council.streets if len(council.streets_for_postcode(s.postcode)) == 1)
    resident = SmsResident(sms_servers, twilio_fake)

    asked = resident.send("book a bulky waste collection")
    assert "postcode" in asked.lower(), asked
    asked = resident.send(street.postcode)
    assert "house number or name" in asked.lower(), asked
    asked = resident.send(str(street.first_number or 1))
    assert "collect" in asked.lower(), asked
    asked = resident.send("a wardrobe")
    dates = _options(asked)
    assert dates, asked
    readback = resident.send(next(iter(dates.values())))
    yes = next(number for title, number in _options(readback).items() if title.startswith("Yes"))

    done = resident.send(yes)
    match = re.search(r"reference is (BW-[A-Z0-9]{6})", done)
    assert match, done
    assert "We'll text a secure link to pay by card to this number" in done, done

    engine = create_engine(sms_servers.database_url, future=True)
    with engine.connect() as connection:
        rows = connection.execute(select(ServiceRequest.__table__)).mappings().all()
    engine.dispose()
    row = next(r for r in rows if r["reference"] == match.group(1))
    assert row["details"]["payment_link_text_to"] == resident.number  # where the council texts it
