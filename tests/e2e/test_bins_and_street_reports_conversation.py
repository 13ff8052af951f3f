"""End to end: ordering a bin, bin days, fly-tipping and street problems through webchat, to a stored reference."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import create_engine, select

from bot.council import get_council
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


def _street_alone_at_its_postcode():
    council = get_council()
    return next(s for s in council.streets if len(council.streets_for_postcode(s.postcode)) == 1)


def test_a_resident_orders_a_replacement_for_a_stolen_bin_and_checks_on_it(live_servers):
    street = _street_alone_at_its_postcode()
    chat = WebchatClient(live_servers.webchat)

    asked = chat.send("someone nicked my wheelie bin last night")
    assert "postcode" in texts(asked).lower(), texts(asked)
    asked = chat.send(street.postcode)
    assert "house number or name" in texts(asked).lower(), texts(asked)
    number = street.first_number or 1
    asked = chat.send(str(number))
    reply = texts(asked)
    assert "180 litre black wheelie bin (stolen)" in reply and "Price: £25.00" in reply, reply
    assert "Shall I order it?" in reply

    done = chat.press("/affirm", "Yes, order it")
    match = re.search(r"reference is (RB-[A-Z0-9]{6})", texts(done))
    assert match, texts(done)
    assert "once you've paid" in texts(done)
    row = _request(live_servers.database_url, match.group(1))
    assert (
        row["service"] == "request_bin"
        and row["address"] == f"{number}, {street.name}, {street.postcode}"
    )
    assert row["details"]["bin_type"] == "general" and row["details"]["reason"] == "stolen"

    chat.press("/check_request_status", "Check a request")
    chat.send(match.group(1))
    status = chat.send(street.postcode)
    assert "black wheelie bin" in texts(status) and "deliver it by" in texts(status), texts(status)


def test_a_resident_asks_for_their_bin_days(live_servers):
    street = _street_alone_at_its_postcode()
    chat = WebchatClient(live_servers.webchat)
    asked = chat.send("when is my bin day")
    assert "postcode" in texts(asked).lower(), texts(asked)
    reply = texts(chat.send(street.postcode))
    assert f"Your next collections at {street.name}:" in reply, reply
    assert "Black general waste bin" in reply and "recycling bin" in reply


def test_a_resident_reports_fly_tipping_behind_a_shop_from_first_message_to_reference(live_servers):
    chat = WebchatClient(live_servers.webchat)
    asked = chat.send("someone dumped a fridge outside the shops")
    assert "how much" in texts(asked).lower(), texts(asked)
    asked = chat.press("van_load", "A van load or more")
    assert "where is it" in texts(asked).lower(), texts(asked)
    asked = chat.send("outside")
    assert "landmark" in texts(asked), texts(asked)
    asked = chat.send("behind the Co-op on Union Street")
    assert "when did you see it" in texts(asked).lower(), texts(asked)
    asked = chat.press("skip", "Skip")
    reply = texts(asked)
    assert "What: a fridge or other electrical item (a van load or more)" in reply, reply
    assert "Where: behind the Co-op on Union Street" in reply

    done = chat.press("/affirm", "Yes, send it")
    match = re.search(r"reference is (FT-[A-Z0-9]{6})", texts(done))
    assert match, texts(done)
    row = _request(live_servers.database_url, match.group(1))
    assert row["service"] == "fly_tipping" and row["address"] == "behind the Co-op on Union Street"
    assert row["details"]["kind"] == "white_goods" and row["details"]["amount"] == "van_load"

    chat.press("/check_request_status", "Check a request")
    status = texts(chat.send(match.group(1)))  # no postcode to ask for: found by its reference
    assert "behind the Co-op on Union Street" in status and "clear it by" in status, status


def test_asbestos_gets_the_do_not_touch_warning_at_once_and_a_quicker_clearance(live_servers):
    chat = WebchatClient(live_servers.webchat)
    first = texts(chat.send("asbestos sheets dumped on the footpath"))
    assert "don't touch it" in first, first
    chat.press("small", "A bag or two")
    chat.send("Tamar Road")
    chat.send("this morning")
    done = texts(chat.press("/affirm", "Yes, send it"))
    match = re.search(r"reference is (FT-[A-Z0-9]{6})", done)
    assert match and "hazardous" in done, done
    assert _request(live_servers.database_url, match.group(1))["details"]["hazardous"] is True


def test_a_resident_reports_a_dangerous_pothole_and_is_promised_24_hours(live_servers):
    chat = WebchatClient(live_servers.webchat)
    asked = chat.send("pothole on my road")
    assert "where is it" in texts(asked).lower(), texts(asked)
    asked = chat.send("Tamar Road, outside number 12")
    assert "dangerous right now" in texts(asked), texts(asked)
    asked = chat.press("/affirm", "Yes")
    assert "What: dangerous pothole" in texts(asked), texts(asked)
    done = texts(chat.press("/affirm", "Yes, send it"))
    match = re.search(r"reference is (SP-[A-Z0-9]{6})", done)
    assert match and "within 24 hours" in done, done
    row = _request(live_servers.database_url, match.group(1))
    assert row["service"] == "street_problem" and row["details"]["urgent"] is True
    assert row["postcode"] == "PL2 1DE"


def test_a_street_light_report_takes_the_lamp_post_number(live_servers):
    chat = WebchatClient(live_servers.webchat)
    chat.send("street light not working")
    asked = chat.send("Tamar Road")
    assert "number on the lamp post" in texts(asked), texts(asked)
    asked = chat.send("SL104")
    assert "Lamp post number: SL104" in texts(asked), texts(asked)
    done = texts(chat.press("/affirm", "Yes, send it"))
    match = re.search(r"reference is (SP-[A-Z0-9]{6})", done)
    assert match, done
    assert _request(live_servers.database_url, match.group(1))["details"]["lamp_column"] == "SL104"


def test_a_postcode_typed_for_the_lamp_post_and_a_typing_apology_keep_the_report_going(
    live_servers,
):
    chat = WebchatClient(live_servers.webchat)
    chat.send("the street lamp outside ours is out")
    asked = chat.send("tamar road")
    assert "number on the lamp post" in texts(asked), texts(asked)
    reply = texts(chat.send("PL2 1ED"))  # the postcode, mistyped, where the lamp post was asked
    assert "looks like a postcode" in reply and "Lamp post number:" not in reply, reply
    reply = texts(chat.send("sorry PL2 1DE i cant type"))
    assert "person" not in reply.lower() and "AD-" not in reply, reply
    assert "lamp post" in reply.lower(), reply
    asked = texts(chat.press("skip", "Skip"))
    assert "Shall I send it?" in asked, asked
    done = texts(chat.press("/affirm", "Yes, send it"))
    match = re.search(r"reference is (SP-[A-Z0-9]{6})", done)
    assert match, done
    assert (
        _request(live_servers.database_url, match.group(1))["details"]["lamp_column"]
        is None  # skipped: no number to find the light by
    )


def test_exposed_wires_in_the_middle_of_a_street_light_report_go_to_a_person_at_once(live_servers):
    chat = WebchatClient(live_servers.webchat)
    chat.send("street light not working")
    replies = texts(chat.send("there are live wires hanging out of the lamp post"))
    assert "Keep well away" in replies, replies
    tickets = [
        t
        for t in _rows(live_servers.database_url, HandoffTicket)
        if t["sender_id"] == chat.session_id
    ]
    assert (
        tickets
        and tickets[0]["intent"] == "dangerous_structure"
        and tickets[0]["priority"] == "urgent"
    )


def test_talk_to_a_person_and_a_crisis_still_interrupt_the_bin_order_and_the_fly_tipping_report(
    live_servers,
):
    chat = WebchatClient(live_servers.webchat)
    chat.send("I need a new bin")
    replies = chat.press("/request_human", "Talk to a person")
    assert re.search(r"reference is AD-[A-Z0-9]{6}", texts(replies)), texts(replies)

    chat = WebchatClient(live_servers.webchat)
    chat.send("report fly tipping")
    replies = chat.send("i can smell gas in the kitchen")
    assert "0800 111 999" in texts(replies)


def test_saying_no_at_the_confirmation_sends_nothing(live_servers):
    before = len(_rows(live_servers.database_url, ServiceRequest))
    chat = WebchatClient(live_servers.webchat)
    chat.send("graffiti on the bus shelter")
    chat.send("Tamar Road")
    chat.press("no, it can wait", "No")
    stopped = chat.press("/deny", "No, don't send")
    assert "Nothing has been sent" in texts(stopped), texts(stopped)
    assert len(_rows(live_servers.database_url, ServiceRequest)) == before


def test_a_larger_bin_for_a_small_household_is_refused_at_once_and_the_chat_carries_on(
    live_servers,
):
    chat = WebchatClient(live_servers.webchat)
    refused = texts(chat.send("I need a bigger bin, there are 3 of us"))
    assert "6 or more people" in refused, refused
    assert "postcode" not in refused.lower()
    asked = texts(chat.send("pothole on my road"))
    assert "where is it" in asked.lower(), asked
