"""A postcode a resident typed must be real and inside this council's area (actions/postcode_checks.py)."""

from __future__ import annotations

from actions.postcode_checks import FIND_YOUR_COUNCIL, check_local_postcode


def test_a_local_postcode_typed_any_way_is_accepted_in_its_usual_form():
    checked = check_local_postcode("pl12jt", "your bins")
    assert checked.postcode == "PL1 2JT"
    assert checked.problem is None and not checked.stop


def test_something_that_is_not_a_postcode_is_met_with_an_example():
    checked = check_local_postcode("my house", "your bins")
    assert checked.postcode is None
    assert checked.problem == "That doesn't look like a postcode. Please type it like PL1 2AA."


def test_a_postcode_that_does_not_exist_is_named_so_the_resident_can_check_it():
    checked = check_local_postcode("PL1 0ZZ", "your bins")
    assert checked.postcode is None
    assert (
        checked.problem
        == "I couldn't find the postcode PL1 0ZZ. Please check it and type it again."
    )


def test_a_neighbouring_councils_postcode_names_that_council_and_its_website():
    checked = check_local_postcode("PL11 2AA", "your bins")
    assert checked.postcode is None
    assert "looked after by Cornwall Council" in (checked.problem or "")
    assert "Please contact them about your bins: https://www.cornwall.gov.uk" in (
        checked.problem or ""
    )


def test_a_postcode_elsewhere_points_to_the_find_your_council_service():
    checked = check_local_postcode("SW1A 1AA", "your bins")
    assert checked.postcode is None
    assert FIND_YOUR_COUNCIL in (checked.problem or "")


def test_a_postcode_outside_the_area_does_not_end_the_conversation():
    checked = check_local_postcode("PL11 2AA", "your bins")
    assert not checked.stop
    assert "If it's somewhere in our area, please type that postcode instead." in (
        checked.problem or ""
    )
