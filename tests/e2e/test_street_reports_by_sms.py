"""End to end over SMS: fly-tipping reported with numbered options, and bin days in one text."""

from __future__ import annotations

import re

import pytest

from bot.council import get_council
from tests.e2e.test_sms_conversations import (  # noqa: F401 - the fixtures are used by name
    SmsResident,
    sms_servers,
    telegram_fake,
    twilio_fake,
)

pytestmark = [pytest.mark.e2e, pytest.mark.model]


def _option(reply: str, title: str) -> str:
    options = {name.strip(): number for number, name in re.findall(r"Reply (\d) for (.+)", reply)}
    assert title in options, reply
    return options[title]


def test_a_resident_reports_fly_tipping_by_text_choosing_numbered_options(sms_servers, twilio_fake):  # noqa: F811
    resident = SmsResident(sms_servers, twilio_fake)
    asked = resident.send("report fly tipping")
    asked = resident.send(_option(asked, "Furniture"))
    asked = resident.send(_option(asked, "A car boot load"))
    assert "where is it" in asked.lower(), asked
    asked = resident.send("in the lay-by on Tamar Road")
    asked = resident.send(_option(asked, "Yesterday"))
    assert "What: furniture (a car boot load)" in asked, asked
    done = resident.send("yes")
    assert re.search(r"reference is FT-[A-Z0-9]{6}", done), done
    assert all(len(body) <= 3 * 153 for body in resident._sent_to_me())


def test_bin_days_by_text_name_every_bin_within_three_segments(sms_servers, twilio_fake):  # noqa: F811
    council = get_council()
    street = next(s for s in council.streets if len(council.streets_for_postcode(s.postcode)) == 1)
    resident = SmsResident(sms_servers, twilio_fake)
    resident.send("when is my bin day")
    reply = resident.send(street.postcode)
    assert f"Your next collections at {street.name}" in reply, reply
    assert "recycling bin" in reply and "..." not in reply
    assert len(reply) <= 3 * 153
