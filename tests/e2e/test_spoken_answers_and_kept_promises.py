"""End to end on webchat: dates and account numbers as people type them, and only promises we can keep."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import create_engine, select

from bot.council import get_council
from bot.storage.models import ServiceRequest
from tests.e2e.webchat_client import WebchatClient, texts

pytestmark = [pytest.mark.e2e, pytest.mark.model]


def _stored(url: str, reference: str):  # type: ignore[no-untyped-def]
    engine = create_engine(url, future=True)
    with engine.connect() as connection:
        rows = connection.execute(select(ServiceRequest.__table__)).mappings().all()
    engine.dispose()
    return next(r for r in rows if r["reference"] == reference)


def test_a_discount_from_the_start_of_this_month_with_an_account_number_said_in_passing(
    live_servers,
):
    council = get_council()
    first_of_month = council.now().date().replace(day=1)
    chat = WebchatClient(live_servers.webchat)

    asked = texts(chat.send("I live on my own, can I get a discount"))
    assert "How many adults" in asked, asked
    asked = texts(chat.press("Just me"))
    assert "only adult living there" in asked, asked

    asked = texts(chat.send("from the start of this month"))
    assert "What's your address" in asked, asked  # the date was understood, not asked again

    asked = texts(chat.send("3 Citadel Mews PL1 2JT"))
    assert "account number" in asked, asked

    readback = texts(chat.send("sorry 51948230"))
    assert "Account number: 51948230" in readback, readback
    assert (
        f"from {first_of_month:%A} {first_of_month.day} {first_of_month:%B}" in readback
    ), readback

    done = texts(chat.press("/affirm", "Yes, send it"))
    match = re.search(r"Your reference is (CD-[A-Z0-9]{6})", done)
    assert match, done
    row = _stored(live_servers.database_url, match.group(1))
    assert row["details"]["account_number"] == "51948230"
    assert row["details"]["from_date"] == first_of_month.isoformat()


def test_a_bulky_booking_on_webchat_says_how_to_pay_without_promising_a_text(live_servers):
    council = get_council()
    street = next(s for s in council.streets if len(council.streets_for_postcode(s.postcode)) == 1)
    chat = WebchatClient(live_servers.webchat)

    chat.send("hi can u come and take away my old wardrobe pls")
    asked = chat.send(street.postcode)
    assert "house number or name" in texts(asked).lower(), texts(asked)
    asked = chat.send(str(street.first_number or 1))
    if "what would you like us to collect" in texts(asked).lower():
        asked = chat.send("a wardrobe")
    assert "which day" in texts(asked).lower(), texts(asked)
    first_date = asked[-1]["buttons"][0]["title"]
    chat.press(first_date, first_date)

    done = texts(chat.press("/affirm", "Yes, book it"))
    match = re.search(r"reference is (BW-[A-Z0-9]{6})", done)
    assert match, done
    assert "text" not in done.lower().replace("cancel", ""), done  # we have no number to text
    assert council.bulky_waste.payment.link in done and council.config.contact.phone in done, done
    row = _stored(live_servers.database_url, match.group(1))
    assert "payment_link_text_to" not in row["details"]  # no phone number kept without a reason


def test_a_resident_who_cannot_get_online_reaches_a_person_at_once_and_is_promised_only_this_chat(
    live_servers,
):
    chat = WebchatClient(live_servers.webchat)
    offer = texts(chat.send("I can't use computers and I have no one to help me"))
    assert "passing you to a person now" in offer and "Your reference is AD-" in offer, offer
    assert "for the rest of this chat" in offer and "whenever you contact us" not in offer, offer
    assert "From now on" not in offer

    # True to its word: a new web chat is the assistant again, not the advisor queue.
    later = WebchatClient(live_servers.webchat)
    replies = texts(later.send("when is my bin collected"))
    assert "registered for extra support" not in replies and "postcode" in replies.lower(), replies
