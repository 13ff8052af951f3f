"""End to end: the real Rasa server and action server, driven through the webchat API."""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import requests
from sqlalchemy import create_engine, select, text

from actions.missed_bin import assess_collection
from bot.council import get_council
from bot.storage.models import HandoffTicket, ServiceRequest
from tests.e2e.webchat_client import WebchatClient, texts

pytestmark = [pytest.mark.e2e, pytest.mark.model]

UK = ZoneInfo("Europe/London")


def _rows(url: str, model):
    engine = create_engine(url, future=True)
    with engine.connect() as connection:
        rows = connection.execute(select(model.__table__)).mappings().all()
    engine.dispose()
    return rows


def reportable_street_and_bin():
    """A street and bin whose collection was due recently, so a report is accepted now."""
    council = get_council()
    now = datetime.now(UK)
    for street in council.streets:
        if len(council.streets_for_postcode(street.postcode)) != 1:
            continue
        for bin_type in council.bin_types.values():
            if not street.round_id(bin_type.key):
                continue
            if assess_collection(council, street, bin_type, now).outcome == "report":
                return street, bin_type
    pytest.skip("no collection in the last two working days in the demo data (e.g. over Christmas)")


def test_a_resident_reports_a_missed_bin_and_gets_a_stored_reference(live_servers):
    complete_missed_bin_report(live_servers)


def complete_missed_bin_report(live_servers) -> str:
    """Drive the whole missed-bin conversation; returns the stored reference."""
    street, bin_type = reportable_street_and_bin()
    chat = WebchatClient(live_servers.webchat)
    asked = chat.send("my bin wasn't collected")
    assert "postcode" in texts(asked).lower()

    asked = chat.send(street.postcode.lower().replace(" ", ""))
    assert "house number or name" in texts(asked).lower()

    number = street.first_number or 1
    asked = chat.send(str(number))
    assert "which bin" in texts(asked).lower()
    assert any(b["title"] == bin_type.name for b in asked[-1]["buttons"])

    done = chat.press(bin_type.name, bin_type.name)
    reply = texts(done)
    match = re.search(r"reference is (MB-[A-Z0-9]{6})", reply)
    assert match, reply
    assert "collect it by" in reply

    stored = _rows(live_servers.database_url, ServiceRequest)
    row = next(r for r in stored if r["reference"] == match.group(1))
    assert row["postcode"] == street.postcode
    assert row["address"] == f"{number}, {street.name}, {street.postcode}"
    assert row["details"]["bin_type"] == bin_type.key
    assert chat.session_id not in row["sender_key"]

    # The same resident checks it straight away, by reference and postcode.
    checked = chat.send(f"what's happening with {match.group(1)}")
    assert "postcode" in texts(checked).lower()
    status = texts(chat.send(street.postcode))
    assert match.group(1) in status and "received" in status.lower()
    return match.group(1)


def test_a_crisis_message_gets_the_safety_number_first_and_an_urgent_ticket(live_servers):
    chat = WebchatClient(live_servers.webchat)
    replies = chat.send("honestly i dont see the point anymore, i want to end it all")
    assert "116 123" in replies[0]["text"]
    tickets = [
        t
        for t in _rows(live_servers.database_url, HandoffTicket)
        if t["sender_id"] == chat.session_id
    ]
    assert len(tickets) == 1
    assert tickets[0]["priority"] == "urgent" and tickets[0]["intent"] == "suicide_self_harm"
    assert "end it all" in tickets[0]["summary"]


def test_a_crisis_in_the_middle_of_a_form_still_gets_the_safety_reply(live_servers):
    chat = WebchatClient(live_servers.webchat)
    chat.send("report a missed bin please")
    replies = chat.send("i can smell gas in the kitchen")
    assert "0800 111 999" in texts(replies)
    tickets = [
        t
        for t in _rows(live_servers.database_url, HandoffTicket)
        if t["sender_id"] == chat.session_id
    ]
    assert tickets and tickets[0]["intent"] == "gas_leak"


def test_talk_to_a_person_creates_a_ticket_and_says_what_happens_next(live_servers):
    chat = WebchatClient(live_servers.webchat)
    replies = chat.press("/request_human", "Talk to a person")
    assert re.search(r"reference is AD-[A-Z0-9]{6}", texts(replies))
    tickets = [
        t
        for t in _rows(live_servers.database_url, HandoffTicket)
        if t["sender_id"] == chat.session_id
    ]
    assert tickets[0]["priority"] == "normal" and tickets[0]["channel"] == "webchat"


def test_an_out_of_area_postcode_names_the_council_to_contact(live_servers):
    chat = WebchatClient(live_servers.webchat)
    chat.send("bin not collected")
    reply = texts(chat.send("PL11 2AA"))
    assert "Cornwall Council" in reply
    assert not [
        r for r in _rows(live_servers.database_url, ServiceRequest) if r["postcode"] == "PL11 2AA"
    ]


def test_an_out_of_scope_question_says_so_and_starts_no_transaction(live_servers):
    chat = WebchatClient(live_servers.webchat)
    reply = chat.send("can you renew my passport")
    assert "can't help" in texts(reply).lower() or "not something" in texts(reply).lower()
    follow_up = chat.send("PL1 2AA")
    assert "reference" not in texts(follow_up).lower()


def test_two_misunderstood_messages_in_a_row_offer_a_person(live_servers):
    chat = WebchatClient(live_servers.webchat)
    first = chat.send("qwzx vbnm plok")
    second = chat.send("qwzx vbnm plok")
    assert "another way" in texts(first).lower()
    assert "talk to a person" in texts(second).lower()
    assert any(b["payload"] == "/request_human" for b in second[-1]["buttons"])


def test_a_repeated_message_is_answered_once_with_the_same_replies(live_servers):
    chat = WebchatClient(live_servers.webchat)
    first = chat.send("hello", client_id="same-id")
    again = chat.send("hello", client_id="same-id")
    assert [m["id"] for m in again] == [m["id"] for m in first]
    residents = [m for m in chat.poll() if m["sender"] == "resident"]
    assert len(residents) == 1


def test_polling_returns_the_whole_conversation_in_order(live_servers):
    chat = WebchatClient(live_servers.webchat)
    chat.send("hi")
    log = chat.poll()
    assert [m["sender"] for m in log][:3] == ["bot", "resident", "bot"]
    assert chat.poll(after=log[-1]["id"]) == []


@pytest.mark.parametrize(
    ("body", "status", "words"),
    [
        ({"message": ""}, 400, "type a message"),
        ({"message": "   \n\t "}, 400, "type a message"),
        ({"message": "a" * 10_001}, 413, "too long"),
        ({"payload": '/report_missed_bin{"postcode": "PL1 1AA"}'}, 400, "not recognised"),
        ({"payload": "/not_an_intent"}, 400, "not recognised"),
        ({"message": 42}, 400, "type a message"),
        ({"message": "bin \ud800 day"}, 400, "can't read"),
        ({"message": "hi", "client_message_id": "\udfff"}, 400, "client_message_id"),
    ],
)
def test_bad_input_gets_a_clear_error(live_servers, body, status, words):
    chat = WebchatClient(live_servers.webchat)
    reply = chat.post(body)
    assert reply.status_code == status
    assert words in reply.json()["error"].lower()


def test_emoji_control_characters_and_very_long_messages_get_a_reply(live_servers):
    chat = WebchatClient(live_servers.webchat)
    for message in ["🗑️😡🗑️", "bin\x00\x07 day\u200b?", "my bin was missed " + "please " * 1400]:
        replies = chat.send(message)
        assert replies and all(m["text"] for m in replies)


@pytest.mark.parametrize("after", ["9223372036854775808", "-5", "ten"])
def test_polling_after_a_number_no_message_can_have_gets_a_clear_error(live_servers, after):
    chat = WebchatClient(live_servers.webchat)
    reply = requests.get(
        f"{live_servers.webchat}/messages",
        params={"session_id": chat.session_id, "after": after},
        timeout=30,
    )
    assert reply.status_code == 400
    assert "message number" in reply.json()["error"]


def test_an_unknown_session_is_told_to_start_again(live_servers):
    reply = requests.post(
        f"{live_servers.webchat}/webhook",
        json={"session_id": "made-up", "message": "hi"},
        timeout=30,
    )
    assert reply.status_code == 404
    assert "start a new chat" in reply.json()["error"]


def test_the_page_is_served_with_a_strict_content_security_policy(live_servers):
    page = requests.get(f"{live_servers.webchat}/chat", timeout=30)
    assert page.status_code == 200
    csp = page.headers["Content-Security-Policy"]
    assert "default-src 'none'" in csp and "script-src 'self'" in csp
    assert 'aria-live="polite"' in page.text
    assert (
        requests.get(f"{live_servers.webchat}/static/../../bot/settings.py", timeout=30).status_code
        == 404
    )


def test_conversations_are_kept_in_the_sql_tracker_store(live_servers):
    chat = WebchatClient(live_servers.webchat)
    chat.send("hello")
    engine = create_engine(live_servers.database_url, future=True)
    with engine.connect() as connection:
        count = connection.execute(
            text("SELECT COUNT(*) FROM events WHERE sender_id = :s"), {"s": chat.session_id}
        ).scalar_one()
    engine.dispose()
    assert count > 0
