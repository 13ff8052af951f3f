"""Reporting a change of circumstances: what and when, a short plain description, the postcode, stored once."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from actions.benefits_change import (
    ActionAskChangeConfirm,
    ActionSubmitBenefitsChange,
    ValidateBenefitsChangeForm,
)
from actions.request_status import ActionSubmitRequestStatus
from bot.records.service_requests import ServiceRequestStore
from tests.actions.trackers import answer, run, slots_set, tracker

UK = ZoneInfo("Europe/London")
TUESDAY = datetime(2026, 12, 1, 10, 0, tzinfo=UK)
CHANGE = {
    "benefit_change_kind": "job",
    "benefit_change_date": "2026-11-30",
    "benefit_change_details": "I started a new job on 20 hours a week",
    "benefit_postcode": "PL1 2JT",
    "benefit_change_confirm": True,
}


pytestmark = pytest.mark.clock(TUESDAY)


def _validate(slot: str, value, intent: str = "benefits_change_of_circumstances", **slots):
    return answer(
        ValidateBenefitsChangeForm(), "benefits_change_form", slot, value, intent, **slots
    )


@pytest.mark.parametrize(
    ("said", "kind"),
    [
        ("My income changed", "income"),
        ("I started or stopped work", "job"),
        ("my partner moved in", "household"),
        ("I moved home", "moved_home"),
        ("Something else", "other"),
    ],
)
def test_what_changed_is_read_from_the_buttons_or_the_residents_words(said, kind):
    _, events = _validate("benefit_change_kind", said)
    assert slots_set(events) == {"benefit_change_kind": kind}


def test_last_monday_is_understood_and_a_change_long_ago_goes_to_an_advisor():
    _, events = _validate("benefit_change_date", "last Monday")
    assert slots_set(events) == {"benefit_change_date": "2026-11-30"}
    messages, events = _validate("benefit_change_date", "01/01/2026")
    assert slots_set(events) == {"benefit_change_date": None}
    assert "still need to know" in messages[0]["text"] and "talk to a person" in messages[0]["text"]


def test_a_description_over_the_councils_limit_is_refused_with_the_limit():
    messages, events = _validate("benefit_change_details", "I started work " * 30)
    assert slots_set(events) == {"benefit_change_details": None}
    assert "under 300" in messages[0]["text"]


def test_a_description_with_links_or_markup_is_refused():
    messages, events = _validate(
        "benefit_change_details", "see <b>http://example.com</b> for my payslip"
    )
    assert slots_set(events) == {"benefit_change_details": None}
    assert "plain words" in messages[0]["text"]


def test_a_postcode_outside_the_area_names_the_right_council():
    messages, events = _validate("benefit_postcode", "PL11 2AA")
    assert slots_set(events)["benefit_postcode"] is None
    assert "Cornwall Council" in messages[0]["text"]


def test_the_change_is_read_back():
    messages, _ = run(
        ActionAskChangeConfirm(), tracker(slots={**CHANGE, "benefit_change_confirm": None})
    )
    text = messages[0]["text"]
    assert "What changed: I started or stopped work" in text and "When: Monday 30 November" in text
    assert "Details: I started a new job on 20 hours a week" in text and "Postcode: PL1 2JT" in text


def test_a_confirmed_change_is_stored_once_with_the_reference_timescale_and_overpayment_reminder(
    database_url,
):
    messages, _ = run(ActionSubmitBenefitsChange(), tracker(slots=CHANGE))
    text = messages[0]["text"]
    reference = text.split("Your reference is ")[1].split(".")[0]
    assert reference.startswith("BC-")
    assert "write by Tuesday 22 December" in text
    assert "pay it back" in text and "straight away" in text
    stored = ServiceRequestStore().find(reference, "PL1 2JT")
    assert stored.service == "benefits_change" and stored.due_by == date(2026, 12, 22)
    assert stored.details == {
        "change": "job",
        "change_date": "2026-11-30",
        "description": "I started a new job on 20 hours a week",
        "acting_for": None,
    }
    again, _ = run(ActionSubmitBenefitsChange(), tracker(slots=CHANGE))
    assert "haven't sent it twice" in again[0]["text"]

    status, _ = run(
        ActionSubmitRequestStatus(), tracker(slots={"reference": reference, "postcode": "PL1 2JT"})
    )
    assert "Change of circumstances for your benefits" in status[0]["text"]
    assert "I started or stopped work, from Monday 30 November" in status[0]["text"]


def test_saying_no_at_the_readback_sends_nothing(database_url):
    messages, events = _validate("benefit_change_confirm", "/deny", intent="deny", **CHANGE)
    assert "Nothing has been sent" in messages[0]["text"]
    assert slots_set(events)["requested_slot"] is None
    submitted, _ = run(
        ActionSubmitBenefitsChange(), tracker(slots={**CHANGE, "benefit_change_confirm": None})
    )
    assert submitted == []


def test_when_the_database_fails_nothing_is_sent_and_the_phone_number_is_given(
    database_url, monkeypatch
):
    from sqlalchemy.exc import OperationalError

    def broken(*args, **kwargs):
        raise OperationalError("insert", {}, Exception("down"))

    monkeypatch.setattr(ServiceRequestStore, "create", broken)
    messages, _ = run(ActionSubmitBenefitsChange(), tracker(slots=CHANGE))
    assert "Nothing has been sent" in messages[0]["text"] and "01632 960000" in messages[0]["text"]
    assert messages[0]["buttons"][0]["payload"] == "/request_human"
