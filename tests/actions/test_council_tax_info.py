"""Council tax answers from council data (paying, bands, instalments, missing bills) and the arrears first reply."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from actions.council_tax_info import ActionCouncilTaxArrears, ActionCouncilTaxInformation
from bot.records.tickets import TicketQueue
from tests.actions.trackers import run, tracker

UK = ZoneInfo("Europe/London")
TUESDAY = datetime(2026, 12, 1, 10, 0, tzinfo=UK)


pytestmark = pytest.mark.clock(TUESDAY)


def _ask(text: str, intent: str = "council_tax_bill_query"):
    messages, _ = run(ActionCouncilTaxInformation(), tracker(text=text, intent=intent))
    return messages[0]["text"], [b["payload"] for b in messages[0]["buttons"]]


def test_how_much_is_band_c_gives_the_figure_for_this_year_and_a_month():
    text, payloads = _ask("how much is band C")
    assert "Band C is £1,988.00 for 2026/27" in text and "£198.80 a month" in text
    assert "/council_tax_pay" in payloads and "/request_human" in payloads


def test_what_band_am_i_says_where_to_look_and_lists_every_band():
    text, _ = _ask("what band am I in?")
    assert "https://www.gov.uk/council-tax-bands" in text
    assert "A £1,491.00" in text and "H £4,473.00" in text


def test_a_missing_bill_says_what_to_do_and_to_keep_paying():
    text, _ = _ask("my bill hasn't arrived")
    assert "keep paying" in text and "01632 960000" in text


def test_instalment_questions_give_the_next_date_and_the_12_month_option():
    text, payloads = _ask("when are my instalments due")
    assert "10 monthly instalments" in text and "next one is due on Tuesday 1 December" in text
    assert "12 instalments" in text and "/council_tax_arrears" in payloads


def test_how_to_pay_lists_each_way_with_its_link_or_phone():
    text, payloads = _ask("how do I pay my council tax", intent="council_tax_pay")
    assert "Direct Debit" in text and "https://www.example-borough.gov.uk/council-tax/pay" in text
    assert "call 01632 960500" in text and "PayPoint" in text
    assert "/council_tax_bill_query" in payloads


def test_a_direct_debit_question_gives_the_dates_to_choose_from():
    text, _ = _ask("can I set up a direct debit", intent="council_tax_pay")
    assert "1st, 8th, 15th, 22nd or 28th" in text and "direct-debit" in text


def _arrears(text: str, monkeypatch):
    return run(ActionCouncilTaxArrears(), tracker(text=text, intent="council_tax_arrears"))


def test_arrears_first_reply_is_kind_offers_a_payment_plan_and_free_debt_advice_then_an_advisor(
    database_url, monkeypatch
):
    messages, events = _arrears("I'm behind on my council tax", monkeypatch)
    first = messages[0]["text"]
    assert "You're not alone" in first and "payment plan" in first
    assert "StepChange 0800 138 1111" in first and "National Debtline 0808 808 4000" in first
    assert "Citizens Advice 0800 144 8848" in first
    ticket = TicketQueue().open_tickets()[0]
    assert ticket.intent == "council_tax_arrears" and ticket.priority == "normal"
    assert {"event": "pause"} in [{"event": e["event"]} for e in events]


def test_a_court_summons_is_met_with_care_and_not_to_ignore_it(database_url, monkeypatch):
    messages, _ = _arrears("I've got a court summons for council tax", monkeypatch)
    assert "please don't ignore it" in messages[0]["text"] and "StepChange" in messages[0]["text"]


def test_bailiffs_are_met_with_care_and_what_they_cannot_do(database_url, monkeypatch):
    messages, _ = _arrears("the bailiffs are coming for my council tax", monkeypatch)
    assert "can't force their way into your home" in messages[0]["text"]
