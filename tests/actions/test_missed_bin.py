"""Missed bin reports: validation in plain words, the round check, one stored report."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from actions.missed_bin import ActionSubmitMissedBin, ValidateMissedBinForm, assess_collection
from bot.council import get_council
from tests.actions.trackers import fix_clock, run, slots_set, tracker

UK = ZoneInfo("Europe/London")


def _validate(slot: str, value: str, **slots):
    validator = ValidateMissedBinForm()
    state = tracker(
        text=value,
        slots={slot: value, **slots},
        active_loop="missed_bin_form",
        just_set={slot: value},
    )
    state.slots["requested_slot"] = slot
    return run(validator, state)


def _street(postcode: str):
    return get_council().streets_for_postcode(postcode)[0]


def _collection_days(street, bin_key: str) -> list[date]:
    return get_council().collection_dates(street, bin_key, date(2026, 11, 1), date(2026, 11, 30))


def test_a_postcode_with_one_street_fills_the_street_too():
    messages, events = _validate("postcode", "pl1 2jt")
    assert slots_set(events)["postcode"] == "PL1 2JT"
    assert slots_set(events)["street"] == "Citadel Mews"
    assert messages == []


def test_a_postcode_with_several_streets_leaves_the_street_to_ask():
    _, events = _validate("postcode", "PL1 5NW")
    assert slots_set(events)["postcode"] == "PL1 5NW"
    assert slots_set(events)["street"] is None


def test_text_that_is_not_a_postcode_is_explained_and_asked_again():
    messages, events = _validate("postcode", "next to the big tesco")
    assert "doesn't look like a postcode" in messages[0]["text"]
    assert slots_set(events) == {"postcode": None}


def test_a_postcode_that_does_not_exist_is_refused():
    messages, events = _validate("postcode", "PL1 9QQ")
    assert "couldn't find the postcode PL1 9QQ" in messages[0]["text"]
    assert slots_set(events)["postcode"] is None


def test_a_neighbouring_councils_postcode_names_that_council_and_asks_for_one_of_ours():
    messages, events = _validate("postcode", "PL11 2AA")
    assert "Cornwall Council" in messages[0]["text"]
    assert "somewhere in our area, please type that postcode" in messages[0]["text"]
    assert slots_set(events) == {"postcode": None}


def test_a_far_away_postcode_points_to_find_your_council():
    messages, events = _validate("postcode", "SW1A 1AA")
    assert "gov.uk/find-local-council" in messages[0]["text"]
    assert "requested_slot" not in slots_set(events)  # the question stays open


def test_a_misspelt_street_is_matched_among_the_postcodes_streets():
    council = get_council()
    streets = council.streets_for_postcode("PL1 5NW")
    target = streets[0].name
    typo = target.lower().replace("e", "", 1)
    _, events = _validate("street", typo, postcode="PL1 5NW")
    assert slots_set(events)["street"] == target


def test_a_house_number_outside_the_street_is_questioned():
    street = _street("PL1 2JT")
    messages, events = _validate(
        "house", str((street.last_number or 10) + 200), postcode="PL1 2JT", street=street.name
    )
    assert "can't find number" in messages[0]["text"]
    assert slots_set(events)["house"] is None


def test_a_bin_described_in_residents_words_is_recognised():
    _, events = _validate("bin_type", "the black one", postcode="PL1 2JT", street="Citadel Mews")
    assert slots_set(events)["bin_type"] == "general"


def test_a_bin_the_street_does_not_have_is_not_accepted():
    # Citadel Mews has no garden waste round in the demo data.
    messages, events = _validate(
        "bin_type", "garden waste", postcode="PL1 2JT", street="Citadel Mews"
    )
    assert slots_set(events)["bin_type"] is None
    assert "which bin" in messages[0]["text"].lower()


def _submit(bin_key: str = "general", house: str = "3", sender: str = "s1"):
    state = tracker(
        text="",
        slots={
            "postcode": "PL1 2JT",
            "street": "Citadel Mews",
            "house": house,
            "bin_type": bin_key,
        },
        sender_id=sender,
    )
    return run(ActionSubmitMissedBin(), state)


def test_a_report_the_day_after_collection_is_stored_with_reference_and_date(
    database_url, monkeypatch
):
    street = _street("PL1 2JT")
    collected = _collection_days(street, "general")[1]
    fix_clock(
        monkeypatch, datetime.combine(get_council().add_working_days(collected, 1), time(10), UK)
    )
    messages, events = _submit()
    text = messages[0]["text"]
    assert "Your reference is MB-" in text
    assert "3, Citadel Mews, PL1 2JT" in text
    assert "We'll collect it by" in text
    answers = [e for e in events if e["name"] != "last_request"]
    assert all(e["value"] is None for e in answers)  # the form's answers are cleared
    remembered = next(e["value"] for e in events if e["name"] == "last_request")
    assert remembered["reference"] in text  # so "sorry, it was the green one" can put it right


def test_reporting_the_same_bin_again_gives_the_same_reference_not_a_second_report(
    database_url, monkeypatch
):
    street = _street("PL1 2JT")
    collected = _collection_days(street, "general")[1]
    fix_clock(
        monkeypatch, datetime.combine(get_council().add_working_days(collected, 1), time(10), UK)
    )
    first = _submit(sender="neighbour-1")[0][0]["text"]
    second = _submit(sender="neighbour-2")[0][0]["text"]
    reference = first.split("Your reference is ")[1].split(".")[0]
    assert "already been reported" in second and reference in second


def test_a_report_before_five_on_collection_day_is_told_to_wait(database_url, monkeypatch):
    street = _street("PL1 2JT")
    collected = _collection_days(street, "general")[1]
    fix_clock(monkeypatch, datetime.combine(collected, time(11), UK))
    messages, _ = _submit()
    assert "due to be collected today" in messages[0]["text"]
    assert "after 5pm" in messages[0]["text"]


def test_a_report_long_after_collection_says_when_the_next_one_is(database_url, monkeypatch):
    street = _street("PL1 2JT")
    days = _collection_days(street, "general")
    fix_clock(
        monkeypatch, datetime.combine(get_council().add_working_days(days[0], 5), time(10), UK)
    )
    messages, _ = _submit()
    text = messages[0]["text"]
    assert "isn't due to be collected again yet" in text
    assert "next black general waste bin collection is on" in text


def test_the_round_check_follows_the_councils_rules():
    council = get_council()
    street = _street("PL1 2JT")
    bin_type = council.bin_types["general"]
    collected = _collection_days(street, "general")[1]
    at = lambda d, h: datetime.combine(d, time(h), UK)  # noqa: E731
    assert assess_collection(council, street, bin_type, at(collected, 9)).outcome == "too_early"
    assert assess_collection(council, street, bin_type, at(collected, 18)).outcome == "report"
    two_days_later = council.add_working_days(collected, 2)
    assert assess_collection(council, street, bin_type, at(two_days_later, 12)).outcome == "report"
    three_days_later = council.add_working_days(collected, 3)
    assert (
        assess_collection(council, street, bin_type, at(three_days_later, 12)).outcome == "not_due"
    )


def test_a_database_failure_loses_nothing_and_says_so_plainly(monkeypatch, tmp_path):
    from tests.conftest import reset_cached_state

    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path}/missing-dir/none/x.db")
    reset_cached_state()
    street = _street("PL1 2JT")
    collected = _collection_days(street, "general")[1]
    fix_clock(
        monkeypatch, datetime.combine(get_council().add_working_days(collected, 1), time(10), UK)
    )
    messages, _ = _submit()
    assert "couldn't save your report" in messages[0]["text"]
    assert "Nothing has been sent" in messages[0]["text"]
    reset_cached_state()


def test_dates_show_the_year_only_when_it_is_not_this_year_by_the_councils_clock(monkeypatch):
    from datetime import date, datetime
    from zoneinfo import ZoneInfo

    from actions.formatting import day_and_date

    fix_clock(monkeypatch, datetime(2027, 12, 30, 9, 0, tzinfo=ZoneInfo("Europe/London")))
    assert day_and_date(date(2027, 12, 31)) == "Friday 31 December"
    assert day_and_date(date(2028, 1, 4)) == "Tuesday 4 January 2028"
