"""The crisis rules and the training data agree: ordinary requests never trip a rule."""

from __future__ import annotations

from rasa.shared.nlu.training_data.loading import load_data

from bot.intents import CRISIS_INTENTS
from bot.nlu.crisis import detect_crisis
from bot.settings import PROJECT_ROOT


def test_no_ordinary_training_example_is_treated_as_a_crisis():
    data = load_data(str(PROJECT_ROOT / "nlu_data"))
    fired = [
        (example.get("intent"), example.get("text"), match.intent)
        for example in data.intent_examples
        if example.get("intent") not in CRISIS_INTENTS
        and (match := detect_crisis(example.get("text"))) is not None
    ]
    assert fired == []


def test_the_rules_recognise_nearly_all_crisis_training_examples():
    data = load_data(str(PROJECT_ROOT / "nlu_data"))
    crisis = [e for e in data.intent_examples if e.get("intent") in CRISIS_INTENTS]
    caught = [e for e in crisis if detect_crisis(e.get("text")) is not None]
    assert len(caught) / len(crisis) >= 0.95
