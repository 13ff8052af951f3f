"""Bin day: each bin's next collection for the street, with holiday changes; the general answer otherwise."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from actions.bin_day import ActionBinDayWithoutPostcode, ActionSubmitBinDay, ValidateBinDayForm
from tests.actions.trackers import fix_clock, run, slots_set, tracker

UK = ZoneInfo("Europe/London")


def _bin_days(postcode: str, street: str) -> str:
    messages, events = run(
        ActionSubmitBinDay(), tracker(slots={"postcode": postcode, "street": street})
    )
    assert slots_set(events) == {"postcode": None, "street": None}
    return messages[0]["text"]


def _validate_postcode(value: str):
    state = tracker(
        text=value,
        intent="check_bin_day",
        slots={"postcode": value},
        active_loop="bin_day_form",
        just_set={"postcode": value},
    )
    state.slots["requested_slot"] = "postcode"
    return run(ValidateBinDayForm(), state)


def test_in_christmas_week_each_moved_collection_says_from_when_and_why(monkeypatch):
    fix_clock(monkeypatch, datetime(2026, 12, 28, 9, 0, tzinfo=UK))  # Monday of Christmas week
    text = _bin_days("PL4 6AB", "Lipson Terrace")  # Thursday rounds
    assert "Your next collections at Lipson Terrace:" in text
    assert (
        "Green recycling bin, blue glass box and grey food caddy: Saturday 2 January 2027, moved from Thursday "
        "because of the Christmas holidays"
    ) in text


def test_a_christmas_day_collection_is_on_boxing_day(monkeypatch):
    fix_clock(monkeypatch, datetime(2026, 12, 22, 9, 0, tzinfo=UK))
    text = _bin_days("PL5 1AU", "St Budeaux Way")  # Friday food round
    assert (
        "Black general waste bin, brown garden waste bin and grey food caddy: Saturday 26 December, "
        "moved from Friday because of Christmas Day"
    ) in text


def test_holiday_changes_in_the_next_weeks_are_mentioned_early_and_still_fit_a_text_message(
    monkeypatch,
):
    from channels.sms_render import render_sms

    fix_clock(monkeypatch, datetime(2026, 12, 7, 9, 0, tzinfo=UK))
    text = _bin_days("PL5 1AU", "St Budeaux Way")
    assert "..." not in render_sms([{"text": text}]).body
    assert "Coming up, because of bank holidays:" in text
    assert "Saturday 26 December, moved from Friday" in text


def test_an_ordinary_week_lists_each_bin_the_street_has_with_no_changes(monkeypatch):
    fix_clock(monkeypatch, datetime(2026, 11, 2, 9, 0, tzinfo=UK))
    text = _bin_days("PL1 2JT", "Citadel Mews")  # no garden waste round
    assert "Black general waste bin and grey food caddy: Monday 2 November (today)" in text
    assert "Green recycling bin and blue glass box: Monday 9 November" in text
    assert "garden" not in text.lower() and "moved" not in text


def test_a_postcode_in_our_area_with_no_streets_in_our_records_gets_the_general_answer_and_link():
    messages, events = _validate_postcode("PL4 8AA")
    assert "https://www.example-borough.gov.uk/bins/collection-days" in messages[0]["text"]
    assert slots_set(events)["requested_slot"] is None


def test_a_postcode_of_another_council_names_that_council_and_asks_for_one_of_ours():
    messages, events = _validate_postcode("PL11 2AA")
    assert "Cornwall Council" in messages[0]["text"]
    assert "requested_slot" not in slots_set(events)


def test_a_resident_who_will_not_give_a_postcode_gets_the_general_answer():
    messages, events = run(
        ActionBinDayWithoutPostcode(), tracker(intent="deny", active_loop="bin_day_form")
    )
    assert "bins/collection-days" in messages[0]["text"]
    assert any(e.get("event") == "active_loop" and e.get("name") is None for e in events)
