"""End to end: gibberish, other languages and two misses in a row, as a resident meets them."""

from __future__ import annotations

import pytest

from tests.e2e.test_sms_conversations import (  # noqa: F401  (module fixtures used below)
    SmsResident,
    sms_servers,
    telegram_fake,
    twilio_fake,
)
from tests.e2e.test_webchat_conversations import reportable_street_and_bin
from tests.e2e.webchat_client import WebchatClient, texts

pytestmark = [pytest.mark.e2e, pytest.mark.model]

COUNCIL_PHONE = "01632 960000"


def test_keyboard_mashing_is_not_understood_and_never_says_goodbye(live_servers):
    chat = WebchatClient(live_servers.webchat)
    reply = texts(chat.send("qqqq wwww eeee"))
    assert "didn't understand" in reply
    assert "Goodbye" not in reply


def test_two_messages_not_understood_in_a_row_offer_a_person_who_then_takes_over(live_servers):
    chat = WebchatClient(live_servers.webchat)
    first = chat.send("qqqq wwww eeee")
    assert "another way" in texts(first)
    second = chat.send("asdfgh jkl")
    assert "talk to a person" in texts(second).lower()
    assert COUNCIL_PHONE in texts(second)
    assert any(b["payload"] == "/request_human" for b in second[-1].get("buttons") or [])
    handed = texts(chat.press("/request_human", "Talk to a person")).lower()
    assert "advisor" in handed or "person" in handed


def test_an_understood_message_in_between_starts_the_count_again(live_servers):
    chat = WebchatClient(live_servers.webchat)
    chat.send("qqqq wwww eeee")
    chat.send("hello")
    assert "another way" in texts(chat.send("zxzxzx qqq"))


def test_a_welsh_missed_bin_gets_the_councils_welsh_line_and_starts_no_bin_report(live_servers):
    chat = WebchatClient(live_servers.webchat)
    reply = chat.send("Mae fy bin heb ei gasglu")
    said = texts(reply)
    assert "Gymraeg" in said and COUNCIL_PHONE in said
    assert "interpreter" in said  # the English line always follows
    assert "postcode" not in said.lower()
    assert said.index("Gymraeg") < said.index("interpreter")


def test_a_polish_message_gets_the_polish_line_then_english(live_servers):
    chat = WebchatClient(live_servers.webchat)
    said = texts(chat.send("Dzień dobry, mój kosz nie został opróżniony"))
    assert "tłumacza" in said and "interpreter" in said
    assert "postcode" not in said.lower()


def test_an_arabic_message_gets_the_arabic_line(live_servers):
    chat = WebchatClient(live_servers.webchat)
    said = texts(chat.send("مرحبا، أحتاج إلى مساعدة"))
    assert "مترجم" in said and "interpreter" in said


def test_gibberish_inside_a_form_is_not_taken_as_the_answer_and_short_answers_still_are(
    live_servers,
):
    street, _ = reportable_street_and_bin()
    chat = WebchatClient(live_servers.webchat)
    assert "postcode" in texts(chat.send("my bin wasn't collected")).lower()
    missed = texts(chat.send("qqqq wwww")).lower()
    assert "didn't understand" in missed and "postcode" in missed  # asked again
    # A short English answer is an answer, not another language and not gibberish.
    asked = texts(chat.send(street.postcode)).lower()
    assert "house number or name" in asked
    asked = texts(chat.send(str(street.first_number or 1))).lower()
    assert "which bin" in asked


def test_two_misses_inside_a_form_offer_a_person(live_servers):
    chat = WebchatClient(live_servers.webchat)
    assert "postcode" in texts(chat.send("my bin wasn't collected")).lower()
    chat.send("asdfgh")
    second = texts(chat.send("qqqq wwww eeee"))
    assert "talk to a person" in second.lower() and COUNCIL_PHONE in second


def test_a_request_meant_for_another_assistant_starts_no_council_transaction(live_servers):
    chat = WebchatClient(live_servers.webchat)
    said = texts(chat.send("what is the most rented movie this week")).lower()
    assert "postcode" not in said and "moving" not in said


def test_two_misses_by_sms_offer_a_person_as_a_reply_option(sms_servers, twilio_fake):  # noqa: F811
    resident = SmsResident(sms_servers, twilio_fake)
    resident.send("qqqq wwww eeee")
    second = resident.send("asdfgh jkl")
    assert "talk to a person" in second.lower() and COUNCIL_PHONE in second
    assert "Talk to a person" in second  # offered as a "Reply N for ..." option


def test_an_unsure_missed_bin_is_asked_about_and_one_press_starts_the_report(live_servers):
    chat = WebchatClient(live_servers.webchat)
    asked = chat.send("ours is still sat there full")
    assert "Do you want to report a missed bin collection?" in texts(asked)
    assert "postcode" not in texts(asked).lower()  # nothing starts on a weak guess alone
    started = chat.press("/report_missed_bin", "Yes, report a missed bin collection")
    assert "postcode" in texts(started).lower()
