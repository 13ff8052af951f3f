"""The postcode, street and house questions shared by forms about a home (actions/forms/address_questions.py)."""

from __future__ import annotations

import asyncio

from rasa_sdk.executor import CollectingDispatcher

from actions.forms.address_questions import (
    AddressQuestions,
    StreetQuestion,
    home_address,
    whose_home,
)
from tests.actions.trackers import tracker


class Questions(AddressQuestions):
    """The mixin as a form uses it."""


class AskStreet(StreetQuestion):
    """The street question as an action uses it."""


def _check(slot: str, value: str, **slots: str) -> tuple[dict, list[str]]:
    dispatcher = CollectingDispatcher()
    validate = getattr(Questions(), f"validate_{slot}")
    result = validate(value, dispatcher, tracker(text=value, slots=slots), {})
    return result, [m["text"] for m in dispatcher.messages]


def test_a_postcode_with_one_street_fills_the_street_too():
    assert _check("postcode", "pl1 2jt") == ({"postcode": "PL1 2JT", "street": "Citadel Mews"}, [])


def test_a_postcode_with_several_streets_leaves_the_street_to_ask():
    assert _check("postcode", "PL2 1DE") == ({"postcode": "PL2 1DE", "street": None}, [])


def test_a_postcode_of_another_council_is_refused_with_the_reason():
    result, said = _check("postcode", "PL11 2AA")
    assert result == {"postcode": None}
    assert "Cornwall Council" in said[0]


def test_the_street_question_offers_each_street_at_the_postcode():
    dispatcher = CollectingDispatcher()
    asyncio.run(AskStreet().run(dispatcher, tracker(slots={"postcode": "PL2 1DE"}), {}))
    [message] = dispatcher.messages
    assert message["text"] == "Which street is it on?"
    assert [b["title"] for b in message["buttons"]] == ["Tamar Close", "Tamar Road", "Ferry Lane"]


def test_a_street_typed_roughly_is_matched_among_the_postcodes_streets():
    assert _check("street", "tamar rd", postcode="PL2 1DE") == ({"street": "Tamar Road"}, [])


def test_a_street_not_at_the_postcode_is_asked_again():
    result, said = _check("street", "Citadel Mews", postcode="PL2 1DE")
    assert result == {"street": None}
    assert said == ["I couldn't match that to a street at that postcode. Please choose one."]


def test_a_house_number_or_name_is_kept_tidy():
    assert _check("house", "  Rose   Cottage ")[0] == {"house": "Rose Cottage"}


def test_a_house_number_outside_the_streets_range_is_questioned():
    result, said = _check("house", "45", postcode="PL1 1JB", street="Harbour View Road")
    assert result == {"house": None}
    assert said == [
        "I can't find number 45 on Harbour View Road in our records. "
        "Please check the number, or type the house name."
    ]
    assert _check("house", "12a", postcode="PL1 1JB", street="Harbour View Road")[0] == {
        "house": "12a"
    }


def test_something_that_is_not_a_house_gets_an_example():
    result, said = _check("house", "???")
    assert result == {"house": None}
    assert "for example 12 or Rose Cottage" in said[0]


def test_a_postcode_in_the_opening_message_is_taken_without_asking():
    dispatcher = CollectingDispatcher()
    state = tracker(text="my bin wasn't collected, pl1 2jt")
    assert asyncio.run(Questions().extract_postcode(dispatcher, state, {})) == {
        "postcode": "PL1 2JT"
    }


def test_the_home_is_read_back_as_house_street_and_postcode_and_whose_it_is():
    state = tracker(slots={"house": "12", "street": "Citadel Mews", "postcode": "PL1 2JT"})
    assert home_address(state) == "12, Citadel Mews, PL1 2JT"
    assert whose_home(state) == "your home"
    assert whose_home(tracker(slots={"acting_for": "their dad"})) == "your dad's home"
