"""The pipeline component that lets crisis rules overrule DIET, and sets aside crisis guesses that name no danger (bot/nlu/crisis_classifier.py)."""

from __future__ import annotations

from rasa.shared.nlu.training_data.message import Message

from bot.nlu.crisis_classifier import CrisisRuleClassifier


def _parsed(text: str, *ranking: tuple[str, float]) -> Message:
    entries = [{"name": name, "confidence": confidence} for name, confidence in ranking]
    return Message(data={"text": text, "intent": entries[0], "intent_ranking": entries})


def test_a_crisis_rule_puts_its_intent_first_with_full_confidence_whatever_diet_said():
    message = _parsed("I can smell gas in my kitchen", ("greet", 0.9), ("gas_leak", 0.05))

    CrisisRuleClassifier().process([message])

    assert message.get("intent") == {"name": "gas_leak", "confidence": 1.0}
    ranking = message.get("intent_ranking")
    assert ranking[0] == {"name": "gas_leak", "confidence": 1.0}
    assert ranking[1] == {"name": "greet", "confidence": 0.45}  # halved: the fallback cannot win
    assert message.get("crisis_rule") == "smell of gas"


def test_a_crisis_guess_that_names_no_danger_gives_way_to_the_next_guess():
    message = _parsed("what gas does my car take", ("gas_leak", 0.6), ("out_of_scope", 0.3))

    CrisisRuleClassifier().process([message])

    assert message.get("intent")["name"] == "out_of_scope"
    assert [entry["name"] for entry in message.get("intent_ranking")] == ["out_of_scope"]


def test_an_ordinary_message_keeps_diets_intent():
    message = _parsed("when is my bin day", ("ask_bin_day", 0.8), ("report_missed_bin", 0.1))

    CrisisRuleClassifier().process([message])

    assert message.get("intent") == {"name": "ask_bin_day", "confidence": 0.8}
    assert message.get("crisis_rule") is None
