"""Dates and buttons in replies read as plain English (actions/formatting.py)."""

from __future__ import annotations

from datetime import date

from actions.formatting import (
    CHECK_A_REQUEST,
    SEND_OR_NOT,
    TALK_TO_A_PERSON,
    button,
    day_and_date,
    yes_no,
)


def test_a_date_in_another_year_says_the_year():
    assert day_and_date(date(2099, 3, 3)) == "Tuesday 3 March 2099"


def test_a_button_is_a_title_and_the_payload_it_sends():
    assert button("Report a missed bin", "/report_missed_bin") == {
        "title": "Report a missed bin",
        "payload": "/report_missed_bin",
    }


def test_a_read_back_has_yes_first_and_no_second_whatever_their_words():
    assert yes_no("Yes, book it", "No, change something") == [
        {"title": "Yes, book it", "payload": "/affirm"},
        {"title": "No, change something", "payload": "/deny"},
    ]
    assert [b["payload"] for b in SEND_OR_NOT] == ["/affirm", "/deny"]


def test_the_shared_buttons_ask_for_a_person_and_check_a_request():
    assert TALK_TO_A_PERSON["payload"] == "/request_human"
    assert CHECK_A_REQUEST["payload"] == "/check_request_status"
