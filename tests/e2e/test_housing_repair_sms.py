"""End to end over SMS: a council tenant reports a repair by text and is never asked for a phone number."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import create_engine, select

from bot.storage.models import ServiceRequest
from tests.e2e.test_sms_conversations import SmsResident, sms_servers, telegram_fake, twilio_fake

pytestmark = [pytest.mark.e2e, pytest.mark.model]
__all__ = ["sms_servers", "telegram_fake", "twilio_fake"]  # fixtures used from the SMS tests


def _option(reply: str, title: str) -> str:
    options = {text.strip(): number for number, text in re.findall(r"Reply (\d+) for (.+)", reply)}
    assert title in options, reply
    return options[title]


def test_a_tenant_texting_us_reports_a_repair_and_the_number_they_text_from_is_kept(
    sms_servers, twilio_fake
):
    resident = SmsResident(sms_servers, twilio_fake)
    asked = resident.send("my boiler isn't working")
    asked = resident.send(_option(asked, "I rent from the council"))
    assert "where in your home" in asked.lower(), asked
    asked = resident.send(_option(asked, "Kitchen"))
    asked = resident.send("It shows an error code and won't fire up")
    asked = resident.send(_option(asked, "No"))
    asked = resident.send(_option(asked, "Weekday mornings (8am to 12pm)"))
    assert "postcode" in asked.lower() and "phone number" not in asked.lower(), asked
    asked = resident.send("PL1 2JT")
    asked = resident.send("9")
    assert "the number you're texting from" in asked, asked
    done = resident.send(_option(asked, "Yes, send it"))
    match = re.search(r"reference is (HR-[A-Z0-9]{6})", done)
    assert match, done

    engine = create_engine(sms_servers.database_url, future=True)
    with engine.connect() as connection:
        details = connection.execute(
            select(ServiceRequest.details).where(ServiceRequest.reference == match.group(1))
        ).scalar_one()
    engine.dispose()
    assert details["contact_phone"] == resident.number
    assert all(len(body) <= 3 * 153 for body in resident._sent_to_me())
