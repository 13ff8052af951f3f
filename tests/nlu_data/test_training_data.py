"""The NLU training data and the held-out triage set honour the intent contract.

Contract: shared/intents.md, mirrored in ``bot.intents.INTENT_ROUTES``.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from pathlib import Path

import pytest
from rasa.shared.nlu.training_data.loading import load_data
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.intents import INTENT_ROUTES

PROJECT_ROOT = Path(__file__).resolve().parents[2]
NLU_DATA_DIR = PROJECT_ROOT / "nlu_data"
HOLDOUT_FILE = PROJECT_ROOT / "tests" / "data" / "triage_holdout.yml"
BLIND_FILE = PROJECT_ROOT / "tests" / "data" / "triage_blind.yml"
# Our own development set for tuning the pipeline (scripts/bench/nlu_report.py); held out too.
DEV_FILE = PROJECT_ROOT / "tests" / "data" / "triage_dev.yml"
OWN_FILE = PROJECT_ROOT / "tests" / "data" / "triage_own.yml"

MIN_TRAINING_EXAMPLES = 30
MIN_HOLDOUT_EXAMPLES = 10


def normalise(text: str) -> str:
    """Lowercase, strip punctuation and collapse whitespace, for duplicate checks."""
    text = re.sub(r"[^\w\s]|_", " ", text.lower())
    return re.sub(r"\s+", " ", text).strip()


def examples_per_intent(data: TrainingData) -> Counter[str]:
    return Counter(example.get("intent") for example in data.intent_examples)


@pytest.fixture(scope="module")
def training_data() -> TrainingData:
    return load_data(str(NLU_DATA_DIR))


@pytest.fixture(
    scope="module", params=[HOLDOUT_FILE, BLIND_FILE, DEV_FILE, OWN_FILE], ids=lambda p: p.name
)
def holdout_data(request: pytest.FixtureRequest) -> TrainingData:
    return load_data(str(request.param))


def test_every_contract_intent_has_at_least_thirty_training_examples(training_data):
    counts = examples_per_intent(training_data)
    too_few = {
        intent: counts.get(intent, 0)
        for intent in INTENT_ROUTES
        if counts.get(intent, 0) < MIN_TRAINING_EXAMPLES
    }
    assert not too_few, f"intents with fewer than {MIN_TRAINING_EXAMPLES} examples: {too_few}"


def test_training_data_has_no_intent_outside_the_contract(training_data):
    unknown = set(examples_per_intent(training_data)) - set(INTENT_ROUTES)
    assert not unknown, f"intents not in bot.intents.INTENT_ROUTES: {sorted(unknown)}"


def test_no_training_example_appears_under_two_intents(training_data):
    intents_by_text: dict[str, set[str]] = defaultdict(set)
    for example in training_data.intent_examples:
        intents_by_text[normalise(example.get("text"))].add(example.get("intent"))
    clashes = {
        text: sorted(intents) for text, intents in intents_by_text.items() if len(intents) > 1
    }
    assert not clashes, f"examples labelled with more than one intent: {clashes}"


def test_no_training_example_is_repeated(training_data):
    counts = Counter(normalise(example.get("text")) for example in training_data.intent_examples)
    repeated = sorted(text for text, count in counts.items() if count > 1)
    assert not repeated, f"repeated training examples: {repeated}"


def test_training_data_has_no_entity_annotations(training_data):
    annotated = [e.get("text") for e in training_data.intent_examples if e.get("entities")]
    assert not annotated, f"examples with entity annotations: {annotated[:10]}"


def topic_files() -> list[Path]:
    """The per-topic example files (nlu_data/*.yml); word-class lookups live in nlu_data/lookups/."""
    return sorted(NLU_DATA_DIR.glob("*.yml"))


@pytest.mark.parametrize("path", topic_files(), ids=lambda path: path.name)
def test_topic_files_hold_only_intent_examples_without_lookups_or_regexes(path):
    data = load_data(str(path))
    assert data.intent_examples, f"{path.name} has no intent examples"
    assert not data.lookup_tables, f"{path.name}: lookup tables belong in nlu_data/lookups/"
    assert not data.regex_features, f"{path.name} declares regex features"


def test_holdout_covers_every_contract_intent(holdout_data, request):
    # The blind file lost most of its small talk ("bye", "cheers") to the overlap check below.
    minimum = MIN_HOLDOUT_EXAMPLES if "triage_holdout" in request.node.name else 1
    counts = examples_per_intent(holdout_data)
    too_few = {
        intent: counts.get(intent, 0) for intent in INTENT_ROUTES if counts.get(intent, 0) < minimum
    }
    assert not too_few, f"holdout intents with fewer than {minimum} examples: {too_few}"


def test_holdout_has_no_intent_outside_the_contract(holdout_data):
    unknown = set(examples_per_intent(holdout_data)) - set(INTENT_ROUTES)
    assert not unknown, f"holdout intents not in the contract: {sorted(unknown)}"


def test_holdout_shares_no_example_with_the_training_data(training_data, holdout_data):
    trained = {normalise(example.get("text")) for example in training_data.intent_examples}
    leaked = sorted(
        example.get("text")
        for example in holdout_data.intent_examples
        if normalise(example.get("text")) in trained
    )
    assert not leaked, f"holdout examples also present in nlu_data: {leaked}"


@pytest.mark.parametrize(
    "holdout_file", [HOLDOUT_FILE, BLIND_FILE, DEV_FILE, OWN_FILE], ids=lambda p: p.name
)
def test_holdout_file_says_it_is_never_used_for_training(holdout_file):
    header = holdout_file.read_text(encoding="utf-8").splitlines()[0].lower()
    assert header.startswith("#") and "held out" in header and "never used for training" in header


@pytest.mark.parametrize(
    "path",
    [*topic_files(), HOLDOUT_FILE, BLIND_FILE, DEV_FILE],
    ids=lambda path: path.name,
)
def test_every_data_file_declares_rasa_format_version_three_point_one(path):
    assert 'version: "3.1"' in path.read_text(encoding="utf-8")
