"""A reference, postcode or number on its own is never read as yes, no or small talk (bot/nlu/bare_detail.py)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.bare_detail import BareDetailClassifier, is_bare_detail
from bot.storage.references import ALPHABET


def _parsed(text: str, intent: str, confidence: float = 0.8, **extra: str) -> Message:
    message = Message(
        data={
            "text": text,
            "intent": {"name": intent, "confidence": confidence},
            "intent_ranking": [
                {"name": intent, "confidence": confidence},
                {"name": "check_request_status", "confidence": 1 - confidence},
            ],
            **extra,
        }
    )
    BareDetailClassifier({}).process([message])
    return message


@given(
    prefix=st.sampled_from(["BW", "MB", "bw", "RB"]),
    body=st.text(alphabet=ALPHABET, min_size=6, max_size=6),
    joiner=st.sampled_from(["-", " ", ""]),
    said=st.sampled_from(["{}", "sorry its {}", "it's {} i think", "ref is {}", "{} thanks"]),
    guess=st.sampled_from(["deny", "affirm", "goodbye", "greet"]),
)
def test_a_reference_given_when_asked_is_never_a_no(
    prefix: str, body: str, joiner: str, said: str, guess: str
) -> None:
    message = _parsed(said.format(prefix + joiner + body), guess)
    assert message.get("intent")["name"] == "nlu_fallback"
    # The guess is kept for the fallback's "did you mean"
    assert [e["name"] for e in message.get("intent_ranking")][1] == guess


@pytest.mark.parametrize("text", ["PL1 2JT", "sorry 51948230", "14", "the 14th", "flat 3"])
def test_postcodes_account_and_house_numbers_are_answers_not_a_no(text: str) -> None:
    assert _parsed(text, "deny").get("intent")["name"] == "nlu_fallback"


@pytest.mark.parametrize(
    "text", ["sorry PL4 6AB i cant type", "PL4 6AB typo sorry", "14 fat fingers"]
)
def test_a_detail_typed_again_with_sorry_for_a_typo_is_the_answer(text: str) -> None:
    assert _parsed(text, "need_extra_support").get("intent")["name"] == "nlu_fallback"


@pytest.mark.parametrize("text", ["i cant type", "i cant use computers, my postcode is PL4 6AB"])
def test_saying_you_cannot_type_or_use_computers_still_reaches_extra_support(text: str) -> None:
    assert _parsed(text, "need_extra_support").get("intent")["name"] == "need_extra_support"


@pytest.mark.parametrize(
    "text", ["no", "nope", "no 14", "cancel BW-7K3F9Q", "no it was BW-7K3F9Q", "stop", "yes"]
)
def test_a_real_yes_or_no_keeps_its_meaning(text: str) -> None:
    assert _parsed(text, "deny").get("intent")["name"] == "deny"
    assert not is_bare_detail(text)


def test_a_request_with_a_reference_keeps_its_intent() -> None:
    message = _parsed("BW-7K3F9Q", "check_request_status")
    assert message.get("intent")["name"] == "check_request_status"


def test_a_crisis_match_and_a_button_are_never_touched() -> None:
    assert _parsed("/deny", "deny").get("intent")["name"] == "deny"
    crisis = _parsed("14", "goodbye", crisis_rule="test")
    assert crisis.get("intent")["name"] == "goodbye"
