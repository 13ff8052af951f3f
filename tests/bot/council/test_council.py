"""Tests for loading and checking council data, and the questions the actions ask of it."""

from __future__ import annotations

import shutil
from datetime import date, datetime, timezone
from pathlib import Path

import pytest
import yaml

from bot.council import DEFAULT_COUNCIL_DIR, Council, CouncilDataError, get_council, load_council
from bot.intents import INTENT_ROUTES, Route

EXAMPLE = DEFAULT_COUNCIL_DIR


@pytest.fixture(scope="module")
def council() -> Council:
    return get_council(EXAMPLE)


def street(council: Council, name: str, postcode: str):  # type: ignore[no-untyped-def]
    return next(s for s in council.streets_for_postcode(postcode) if s.name == name)


def broken_copy(tmp_path: Path, file: str, old: str, new: str) -> Path:
    """A copy of the demo council with one piece of text in one file replaced."""
    folder = tmp_path / "example"
    shutil.copytree(EXAMPLE, folder)
    path = folder / file
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {file}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return folder


# Loading the demo council -------------------------------------------------------


def test_the_demo_council_loads_with_every_file_checked(council: Council) -> None:
    assert council.name == "Example Borough Council"
    assert council.ons_code == "E06000026"
    assert 60 <= len(council.streets) <= 80
    assert {"general", "recycling", "glass", "garden", "food"} <= set(council.bin_types)


def test_the_council_is_loaded_once_and_cached() -> None:
    assert get_council(EXAMPLE) is get_council(EXAMPLE) is get_council()


def test_every_topic_that_needs_an_answer_has_one_short_and_fully_filled_in(
    council: Council,
) -> None:
    for intent, route in INTENT_ROUTES.items():
        if route in (Route.CONVERSATION, Route.OUT_OF_SCOPE):
            continue
        answer = council.information_for(intent)
        assert answer is not None, intent
        assert len(answer.text) <= 450, intent
        assert "{" not in answer.text and "}" not in answer.text, intent


def test_placeholders_are_filled_from_the_council_data(council: Council) -> None:
    answer = council.information_for("request_human")
    assert answer is not None
    assert "Monday to Friday, 8:30am to 5pm" in answer.text
    assert "01632 960000" in answer.text
    assert "18001 01632 960000" in answer.text


def test_self_service_topics_the_assistant_cannot_finish_say_how_and_offer_a_person(
    council: Council,
) -> None:
    done_by_assistant = {"report_missed_bin", "check_request_status"}
    for intent, route in INTENT_ROUTES.items():
        if route is not Route.SELF_SERVICE or intent in done_by_assistant:
            continue
        answer = council.information_for(intent)
        assert answer is not None and answer.link, intent
        assert answer.link in answer.text, intent
        payloads = {button.payload for button in answer.buttons}
        assert payloads & {"/request_human", "/book_assisted_digital"}, intent


@pytest.mark.parametrize(
    ("intent", "numbers"),
    [
        ("suicide_self_harm", ["116 123", "999"]),
        ("gas_leak", ["0800 111 999"]),
        ("domestic_abuse", ["999", "55", "0808 2000 247"]),
        ("safeguarding_concern", ["999", "01632 960100", "01632 960888"]),
        ("homelessness", ["01632 960300", "01632 960999"]),
        ("dangerous_structure", ["999", "01632 960999"]),
        ("council_tax_arrears", ["0800 138 1111", "0808 808 4000"]),
    ],
)
def test_urgent_answers_give_the_safety_numbers_in_the_first_reply(
    council: Council, intent: str, numbers: list[str]
) -> None:
    answer = council.information_for(intent)
    assert answer is not None
    for number in numbers:
        assert number in answer.text, number


def test_the_gas_answer_says_to_leave_and_avoid_sparks(council: Council) -> None:
    text = council.information_for("gas_leak").text  # type: ignore[union-attr]
    assert "leave the property" in text and "light switches" in text and "flame" in text


def test_button_payloads_name_real_intents(council: Council) -> None:
    for answer in council.information.values():
        for button in answer.buttons:
            assert button.payload[1:] in INTENT_ROUTES


def test_services_have_unique_two_letter_reference_prefixes(council: Council) -> None:
    assert council.service("missed_bin").reference_prefix == "MB"
    assert council.service("missed_bin").timescale_working_days == 2
    prefixes = [service.reference_prefix for service in council.services.values()]
    assert len(prefixes) == len(set(prefixes))
    assert council.service_for_reference("mb-123456") == council.service("missed_bin")
    with pytest.raises(KeyError):
        council.service("alien_landing")


def test_a_neighbouring_council_is_found_by_its_ons_code(council: Council) -> None:
    cornwall = council.neighbour("E06000052")
    assert cornwall is not None and cornwall.name == "Cornwall Council"
    assert cornwall.website == "https://www.cornwall.gov.uk"
    assert council.neighbour("E07000047").name == "West Devon Borough Council"  # type: ignore[union-attr]
    assert council.neighbour("E07000044").name == "South Hams District Council"  # type: ignore[union-attr]
    assert council.neighbour("E09000033") is None


# Streets ------------------------------------------------------------------------


def test_streets_are_found_by_postcode_written_any_way(council: Council) -> None:
    names = [s.name for s in council.streets_for_postcode("pl21de")]
    assert names == ["Tamar Close", "Tamar Road", "Ferry Lane"]
    assert council.streets_for_postcode(" PL2  1DE ") == council.streets_for_postcode("PL2 1DE")
    assert council.streets_for_postcode("PL11 2AA") == []
    assert council.streets_for_postcode("nonsense") == []


def test_some_postcodes_have_several_streets_so_the_assistant_must_ask(council: Council) -> None:
    shared = {
        s.postcode for s in council.streets if len(council.streets_for_postcode(s.postcode)) > 1
    }
    assert len(shared) >= 4


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tamar Road", "Tamar Road"),
        ("tamar rd", "Tamar Road"),
        ("tamr close", "Tamar Close"),
        ("i live at 3 mutley gdns", "Mutley Gardens"),
        ("manamead ave", "Mannamead Avenue"),
        ("chadlewood", "Chaddlewood Avenue"),
        ("st budeaux", "St Budeaux Way"),
        ("drakes walk", "Drake's Walk"),
        ("the one on honicknowle lane near the shops", "Honicknowle Lane"),
        ("stoke hill", "Stoke Hill Lane"),
    ],
)
def test_a_street_is_matched_despite_typos_and_missing_road_words(
    council: Council, text: str, expected: str
) -> None:
    match = council.match_street(text)
    assert match is not None and match.name == expected


def test_an_unclear_street_gives_none_so_the_assistant_can_ask_which(council: Council) -> None:
    candidates = council.streets_for_postcode("PL2 1DE")
    assert council.match_street("tamar", candidates) is None
    assert [s.name for s in council.match_streets("tamar", candidates)] == [
        "Tamar Close",
        "Tamar Road",
    ]
    assert council.match_street("something else entirely") is None
    assert council.match_street("") is None


def test_matching_within_a_postcode_picks_from_those_streets_only(council: Council) -> None:
    candidates = council.streets_for_postcode("PL2 1DE")
    assert council.match_street("ferry", candidates).name == "Ferry Lane"  # type: ignore[union-attr]
    assert council.match_street("mutley gardens", candidates) is None


def test_a_house_number_picks_the_right_part_of_a_long_street(council: Council) -> None:
    assert council.match_street("12 harbour view road").postcode == "PL1 1JB"  # type: ignore[union-attr]
    assert council.match_street("45 Harbour View Rd").postcode == "PL1 1UE"  # type: ignore[union-attr]
    assert council.match_street("harbour view road") is None  # two parts, no number


# Bins ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("the black one", "general"),
        ("rubbish", "general"),
        ("blak bin", "general"),
        ("recyling", "recycling"),
        ("the green bin", "recycling"),
        ("blue box", "glass"),
        ("glas bottles", "glass"),
        ("my brown bin wasn't emptied", "garden"),
        ("garden waste", "garden"),
        ("green waste", "garden"),
        ("food caddy", "food"),
        ("food waste", "food"),
    ],
)
def test_a_bin_type_is_matched_from_residents_words(council: Council, text: str, key: str) -> None:
    match = council.match_bin_type(text)
    assert match is not None and match.key == key


@pytest.mark.parametrize("text", ["my bin", "I can't find it", "hello", ""])
def test_words_that_name_no_bin_type_give_none(council: Council, text: str) -> None:
    assert council.match_bin_type(text) is None


def test_fortnightly_collections_alternate_weeks_and_food_is_weekly(council: Council) -> None:
    road = street(council, "Harbour View Road", "PL1 1JB")  # Monday, general in week A
    march = (date(2026, 3, 1), date(2026, 3, 31))
    assert council.collection_dates(road, "general", *march) == [
        date(2026, 3, 2),
        date(2026, 3, 16),
        date(2026, 3, 30),
    ]
    assert council.collection_dates(road, "recycling", *march) == [
        date(2026, 3, 9),
        date(2026, 3, 23),
    ]
    assert len(council.collection_dates(road, council.bin_types["food"], *march)) == 5


def test_the_fortnightly_cycle_runs_back_before_its_first_collection(council: Council) -> None:
    road = street(council, "Harbour View Road", "PL1 1JB")
    assert council.collection_dates(road, "general", date(2025, 12, 15), date(2025, 12, 28)) == [
        date(2025, 12, 22)
    ]


def test_christmas_collections_move_to_the_next_day(council: Council) -> None:
    mews = street(council, "Citadel Mews", "PL1 2JT")  # Monday, general in week B
    assert council.collection_dates(mews, "general", date(2026, 12, 21), date(2027, 1, 15)) == [
        date(2026, 12, 29),
        date(2027, 1, 11),
    ]


def test_friday_food_collections_move_to_saturday_at_christmas_and_new_year(
    council: Council,
) -> None:
    way = street(council, "St Budeaux Way", "PL5 1AU")  # Friday
    assert council.collection_dates(way, "food", date(2026, 12, 20), date(2027, 1, 8)) == [
        date(2026, 12, 26),
        date(2027, 1, 2),
        date(2027, 1, 8),
    ]


def test_a_moved_collection_counts_on_its_new_date_for_last_and_next(council: Council) -> None:
    mews = street(council, "Citadel Mews", "PL1 2JT")
    assert council.last_collection_on_or_before(mews, "general", date(2026, 12, 28)) == date(
        2026, 12, 14
    )
    assert council.last_collection_on_or_before(mews, "general", date(2026, 12, 29)) == date(
        2026, 12, 29
    )
    assert council.next_collection_after(mews, "general", date(2026, 12, 27)) == date(2026, 12, 29)
    assert council.next_collection_after(mews, "general", date(2026, 12, 29)) == date(2027, 1, 11)


def test_a_bin_not_collected_at_a_street_has_no_dates(council: Council) -> None:
    mews = street(council, "Citadel Mews", "PL1 2JT")  # flats: no garden waste round
    assert council.collection_dates(mews, "garden", date(2026, 3, 1), date(2026, 3, 31)) == []
    assert council.last_collection_on_or_before(mews, "garden", date(2026, 3, 31)) is None
    assert council.next_collection_after(mews, "garden", date(2026, 3, 31)) is None


def test_a_missed_bin_can_be_reported_from_5pm_until_two_working_days_later(
    council: Council,
) -> None:
    opens, last_day = council.missed_bin_report_window(date(2026, 12, 24))
    assert opens.hour == 17 and opens.date() == date(2026, 12, 24)
    assert last_day == date(
        2026, 12, 30
    )  # Christmas, the weekend and the Boxing Day holiday skipped


# Working days and opening hours ---------------------------------------------------------


def test_working_days_skip_weekends_and_bank_holidays(council: Council) -> None:
    assert council.add_working_days(date(2026, 12, 24), 1) == date(2026, 12, 29)
    assert council.add_working_days(date(2026, 4, 2), 2) == date(2026, 4, 8)  # Easter
    assert council.add_working_days(date(2026, 3, 6), 1) == date(2026, 3, 9)  # Friday to Monday
    assert council.add_working_days(date(2026, 3, 4), 0) == date(2026, 3, 4)
    assert council.add_working_days(date(2026, 4, 7), -1) == date(2026, 4, 2)
    assert not council.is_working_day(date(2027, 12, 28))


def test_opening_hours_read_as_plain_english(council: Council) -> None:
    assert council.opening_hours_text() == "Monday to Friday, 8:30am to 5pm"


@pytest.mark.parametrize(
    ("moment", "is_open"),
    [
        (datetime(2026, 3, 2, 9, 0), True),
        (datetime(2026, 3, 2, 8, 29), False),
        (datetime(2026, 3, 2, 17, 0), False),
        (datetime(2026, 3, 7, 10, 0), False),  # Saturday
        (datetime(2026, 5, 4, 10, 0), False),  # early May bank holiday
        (datetime(2026, 7, 1, 7, 45, tzinfo=timezone.utc), True),  # 8:45am British Summer Time
        (datetime(2026, 7, 1, 16, 30, tzinfo=timezone.utc), False),  # 5:30pm British Summer Time
    ],
)
def test_the_contact_centre_is_open_only_in_its_hours(
    council: Council, moment: datetime, is_open: bool
) -> None:
    assert council.is_open(moment) is is_open


# Broken data gives clear errors ---------------------------------------------------


def test_a_street_with_an_unknown_round_is_refused_with_the_file_and_row_named(
    tmp_path: Path,
) -> None:
    folder = broken_copy(tmp_path, "streets.csv", "PL1 1JB,1,39,G1,", "PL1 1JB,1,39,G99,")
    with pytest.raises(
        CouncilDataError, match=r"streets\.csv row 2: round 'G99' is not in rounds\.csv"
    ):
        load_council(folder)


def test_a_street_using_a_round_for_another_bin_is_refused(tmp_path: Path) -> None:
    folder = broken_copy(tmp_path, "streets.csv", "PL1 1JB,1,39,G1,", "PL1 1JB,1,39,R1,")
    with pytest.raises(
        CouncilDataError, match="row 2: round 'R1' collects the recycling bin, not general"
    ):
        load_council(folder)


def test_a_street_postcode_in_a_neighbouring_council_is_refused_and_the_council_named(
    tmp_path: Path,
) -> None:
    folder = broken_copy(tmp_path, "streets.csv", "PL1 1JB", "PL11 2AA")
    with pytest.raises(
        CouncilDataError, match=r"row 2: postcode PL11 2AA is in Cornwall Council \(E06000052\)"
    ):
        load_council(folder)


def test_a_street_postcode_that_does_not_exist_is_refused(tmp_path: Path) -> None:
    folder = broken_copy(tmp_path, "streets.csv", "PL1 1JB", "PL1 1ZZ")
    with pytest.raises(
        CouncilDataError, match="row 2: postcode PL1 1ZZ is not in the ONS Postcode Directory"
    ):
        load_council(folder)


def test_a_badly_written_street_postcode_is_refused(tmp_path: Path) -> None:
    folder = broken_copy(tmp_path, "streets.csv", "PL1 1JB", "pl11jb")
    with pytest.raises(
        CouncilDataError, match="row 2: 'pl11jb' is not a postcode written like PL1 1AA"
    ):
        load_council(folder)


def test_a_street_listed_twice_is_refused(tmp_path: Path) -> None:
    folder = broken_copy(
        tmp_path,
        "streets.csv",
        "S002,Harbour View Road,City Centre,PL1 1UE",
        "S002,Harbour View Road,City Centre,PL1 1JB",
    )
    with pytest.raises(CouncilDataError, match="row 3: Harbour View Road, PL1 1JB is listed twice"):
        load_council(folder)


def test_a_house_number_that_is_not_a_number_is_refused(tmp_path: Path) -> None:
    folder = broken_copy(tmp_path, "streets.csv", "PL1 1JB,1,39", "PL1 1JB,one,39")
    with pytest.raises(CouncilDataError, match="row 2: first_number: should be a whole number"):
        load_council(folder)


def test_a_round_on_a_misspelt_weekday_is_refused(tmp_path: Path) -> None:
    folder = broken_copy(tmp_path, "rounds.csv", "G1,general,Monday", "G1,general,Munday")
    with pytest.raises(
        CouncilDataError, match=r"rounds\.csv row 2: weekday: 'Munday' is not a day of the week"
    ):
        load_council(folder)


def test_a_round_whose_first_collection_is_on_the_wrong_day_is_refused(tmp_path: Path) -> None:
    folder = broken_copy(
        tmp_path,
        "rounds.csv",
        "G1,general,Monday,fortnightly,2026-01-05",
        "G1,general,Monday,fortnightly,2026-01-06",
    )
    with pytest.raises(
        CouncilDataError, match="row 2: first_collection 2026-01-06 is a Tuesday, not a Monday"
    ):
        load_council(folder)


def test_a_round_that_disagrees_with_the_bin_frequency_is_refused(tmp_path: Path) -> None:
    folder = broken_copy(
        tmp_path, "rounds.csv", "G1,general,Monday,fortnightly", "G1,general,Monday,weekly"
    )
    with pytest.raises(CouncilDataError, match="round 'G1' is weekly but bins.yml says"):
        load_council(folder)


def test_a_holiday_change_moving_a_collection_too_far_is_refused(tmp_path: Path) -> None:
    folder = broken_copy(tmp_path, "holidays.csv", "2026-04-03,2026-04-04", "2026-04-03,2026-05-04")
    with pytest.raises(
        CouncilDataError, match=r"holidays\.csv row 3: new_date should be a different day"
    ):
        load_council(folder)


def test_an_answer_for_an_unknown_intent_is_refused(tmp_path: Path) -> None:
    folder = broken_copy(tmp_path, "information.yml", "check_bin_day:", "check_bin_days:")
    with pytest.raises(CouncilDataError, match="check_bin_days: 'check_bin_days' is not an intent"):
        load_council(folder)


def test_a_missing_answer_is_refused_and_the_intent_named(tmp_path: Path) -> None:
    folder = broken_copy(tmp_path, "information.yml", "gas_leak:", "gas_leak:")
    answers = yaml.safe_load((folder / "information.yml").read_text(encoding="utf-8"))
    del answers["gas_leak"]
    (folder / "information.yml").write_text(yaml.safe_dump(answers), encoding="utf-8")
    with pytest.raises(
        CouncilDataError, match=r"information\.yml: there is no answer for 'gas_leak'"
    ):
        load_council(folder)


def test_an_unknown_placeholder_is_refused(tmp_path: Path) -> None:
    folder = broken_copy(
        tmp_path, "information.yml", "call us on {phone} ({hours}).", "call us on {fax}."
    )
    with pytest.raises(CouncilDataError, match=r"the placeholder \{fax\} is not one we know"):
        load_council(folder)


def test_an_answer_that_is_too_long_is_refused(tmp_path: Path) -> None:
    folder = broken_copy(
        tmp_path,
        "information.yml",
        "I'll find an advisor for you.",
        "I'll find an advisor for you. " * 20,
    )
    with pytest.raises(
        CouncilDataError, match="request_human: the answer is .* characters once filled in"
    ):
        load_council(folder)


def test_a_button_that_does_not_name_an_intent_is_refused(tmp_path: Path) -> None:
    folder = broken_copy(
        tmp_path, "information.yml", "payload: /book_assisted_digital", "payload: book it"
    )
    with pytest.raises(CouncilDataError, match="payload 'book it' should be / and an intent"):
        load_council(folder)


def test_a_missing_safety_number_is_refused(tmp_path: Path) -> None:
    folder = broken_copy(tmp_path, "council.yml", "  housing_options:\n", "  housing_advice:\n")
    with pytest.raises(CouncilDataError, match=r"council\.yml: safety: missing 'housing_options'"):
        load_council(folder)


def test_a_phone_number_with_letters_is_refused(tmp_path: Path) -> None:
    folder = broken_copy(
        tmp_path,
        "council.yml",
        'out_of_hours_phone: "01632 960999"',
        'out_of_hours_phone: "01632 96O999"',
    )
    with pytest.raises(
        CouncilDataError, match="out_of_hours_phone: '01632 96O999' is not a phone number"
    ):
        load_council(folder)


def test_opening_hours_in_the_wrong_form_are_refused(tmp_path: Path) -> None:
    folder = broken_copy(
        tmp_path, "council.yml", 'monday: "08:30-17:00"', 'monday: "8.30am to 5pm"'
    )
    with pytest.raises(
        CouncilDataError,
        match="contact > opening_hours: '8.30am to 5pm' should look like 08:30-17:00",
    ):
        load_council(folder)


def test_a_duplicate_reference_prefix_is_refused(tmp_path: Path) -> None:
    folder = broken_copy(tmp_path, "services.yml", "reference_prefix: BW", "reference_prefix: MB")
    with pytest.raises(
        CouncilDataError, match="bulky_waste: reference_prefix 'MB' is already used by missed_bin"
    ):
        load_council(folder)
