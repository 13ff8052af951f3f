"""Gibberish and other languages are not understood, whatever DIET says; a crisis or a button always wins (bot/nlu/not_understood_classifier.py)."""

from __future__ import annotations

from rasa.shared.nlu.training_data.message import Message

from bot.nlu.not_understood_classifier import NotUnderstoodClassifier


def _parsed(text: str, intent: str, confidence: float, **extra: str) -> Message:
    message = Message(
        data={
            "text": text,
            "intent": {"name": intent, "confidence": confidence},
            "intent_ranking": [{"name": intent, "confidence": confidence}],
            **extra,
        }
    )
    NotUnderstoodClassifier({"transaction_threshold": 0.6, "out_of_scope_doubt": 1.0}).process(
        [message]
    )
    return message


def test_gibberish_is_not_understood_even_when_diet_is_sure_it_is_goodbye() -> None:
    message = _parsed("qqqq wwww eeee", "goodbye", 0.97)
    assert message.get("intent") == {"name": "nlu_fallback", "confidence": 1.0}
    assert message.get("not_understood") == "gibberish"


def test_a_welsh_missed_bin_starts_no_bin_order_and_names_its_language() -> None:
    message = _parsed("Mae fy bin heb ei gasglu", "report_missed_bin", 0.95)
    assert message.get("intent")["name"] == "nlu_fallback"
    assert message.get("language") == "cy"


def test_a_crisis_rule_always_wins_over_language_and_gibberish() -> None:
    message = _parsed(
        "Nie chcę już żyć, mam dość wszystkiego", "suicide_self_harm", 1.0, crisis_rule="test"
    )
    assert message.get("intent")["name"] == "suicide_self_harm"
    assert message.get("not_understood") is None


def test_a_button_payload_is_never_second_guessed() -> None:
    message = _parsed("/request_human", "request_human", 1.0)
    assert message.get("intent")["name"] == "request_human"


def test_an_unsure_guess_at_a_transaction_starts_nothing_but_an_unsure_answer_still_answers() -> (
    None
):
    weak = _parsed("moving my broadband to a new provider", "council_tax_move", 0.55)
    assert weak.get("intent")["name"] == "nlu_fallback"
    assert weak.get("not_understood") == "weak"
    assert weak.get("intent_ranking")[1]["name"] == "council_tax_move"  # DIET's guess is kept
    answer = _parsed("how much is band c", "council_tax_bill_query", 0.55)
    assert answer.get("intent")["name"] == "council_tax_bill_query"
    sure = _parsed("my bin wasnt collected", "report_missed_bin", 0.95)
    assert sure.get("intent")["name"] == "report_missed_bin"


def test_a_guess_at_a_transaction_that_doubts_it_is_council_business_starts_nothing() -> None:
    message = Message(
        data={
            "text": "my Hermes parcel wasn't collected",
            "intent": {"name": "report_missed_bin", "confidence": 0.7},
            "intent_ranking": [
                {"name": "report_missed_bin", "confidence": 0.7},
                {"name": "out_of_scope", "confidence": 0.2},
            ],
        }
    )
    NotUnderstoodClassifier({"transaction_threshold": 0.5, "out_of_scope_doubt": 0.05}).process(
        [message]
    )
    assert message.get("intent")["name"] == "nlu_fallback"
    assert message.get("not_understood") == "weak"
