"""End to end over SMS: a council tax move with numbered options, within three text messages a reply."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import create_engine, select

from bot.storage.models import ServiceRequest
from tests.e2e.test_sms_conversations import (  # noqa: F401 (fixtures)
    SmsResident,
    sms_servers,
    telegram_fake,
    twilio_fake,
)

pytestmark = [pytest.mark.e2e, pytest.mark.model]


def _option(reply: str, title: str) -> str:
    options = dict(re.findall(r"Reply (\d) for (.+)", reply))
    return next(number for number, text in options.items() if text.strip() == title)


def test_a_resident_tells_council_tax_they_are_moving_in_by_text(sms_servers, twilio_fake):  # noqa: F811
    resident = SmsResident(sms_servers, twilio_fake)
    asked = resident.send("I'm moving house")
    assert "moving into the area" in asked.lower(), asked

    asked = resident.send(_option(asked, "Moving into the area"))
    assert "What date are you moving in" in asked, asked

    asked = resident.send("1st of january")
    assert "new address in the area" in asked, asked

    readback = resident.send("3 Citadel Mews PL1 2JT")
    assert (
        "moving into the area on" in readback and "New address: 3 Citadel Mews, PL1 2JT" in readback
    )

    done = resident.send(_option(readback, "Yes, send it"))
    match = re.search(r"reference is (CM-[A-Z0-9]{6})", done)
    assert match, done
    assert all(len(body) <= 3 * 153 for body in resident._sent_to_me())

    engine = create_engine(sms_servers.database_url, future=True)
    with engine.connect() as connection:
        rows = connection.execute(select(ServiceRequest.__table__)).mappings().all()
    engine.dispose()
    row = next(r for r in rows if r["reference"] == match.group(1))
    assert row["channel"] == "twilio_sms" and row["details"]["move"] == "in"
    assert row["details"]["move_date"].endswith("-01-01")
