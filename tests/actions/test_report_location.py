"""Where a fly-tip or street problem is: a postcode in our area, one of our streets, or a landmark."""

from __future__ import annotations

import pytest

from actions.report_location import Location, location_in_opening_message, read_location
from bot.word_match import match_keys


def test_a_postcode_in_our_area_is_accepted_with_its_street():
    reading = read_location("PL1 2JT", "fly-tipping")
    assert reading.location == Location("PL1 2JT", "Citadel Mews", "PL1 2JT")


def test_a_postcode_outside_our_area_says_where_to_go_and_asks_for_one_of_ours():
    reading = read_location("by the shops, PL11 2AA", "fly-tipping")
    assert reading.location is None and not reading.stop and "Cornwall Council" in reading.problem


def test_one_of_our_streets_is_matched_with_typos():
    reading = read_location("tamar rd", "fly-tipping")
    assert reading.location.street == "Tamar Road" and reading.location.postcode == "PL2 1DE"


def test_a_landmark_description_is_accepted_as_the_resident_said_it():
    reading = read_location("behind the Co-op on Union Street", "fly-tipping")
    assert reading.location == Location("behind the Co-op on Union Street")
    assert reading.location.address == "behind the Co-op on Union Street"


@pytest.mark.parametrize(
    "vague", ["outside my house", "my road", "here", "on the pavement", "the park"]
)
def test_a_place_too_vague_to_find_is_asked_again_with_an_example(vague: str):
    reading = read_location(vague, "fly-tipping")
    assert reading.location is None and not reading.stop
    assert "postcode, a street name, or a landmark" in reading.problem


def test_the_stored_address_adds_the_street_and_postcode_when_not_said():
    assert (
        Location("outside number 12", "Tamar Road", "PL2 1DE").address
        == "outside number 12, Tamar Road, PL2 1DE"
    )


def test_an_opening_message_only_gives_a_place_when_it_names_our_street_in_full():
    assert location_in_opening_message("mattress dumped on tamar rd").street == "Tamar Road"
    assert location_in_opening_message("huge pothole on Mutley Plain") is None  # not Mutley Gardens
    assert location_in_opening_message("someone has dumped rubbish in the lane") is None


def test_phrases_are_matched_with_typos_and_longer_terms_win():
    entries = [
        ("damaged", ["damaged", "broken"]),
        ("crew_damaged", ["damaged by our crew", "bin lorry"]),
    ]
    assert match_keys("it was damged", entries) == ["damaged"]
    assert match_keys("damaged by our crew", entries)[0] == "crew_damaged"
