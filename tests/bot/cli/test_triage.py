"""`councilbot triage FILE [--json]` follows the interface in shared/design.md."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from bot.intents import INTENT_ROUTES, Route
from bot.settings import PROJECT_ROOT

pytestmark = pytest.mark.model


def _triage(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", "triage", *args],
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        timeout=300,
    )


def test_a_text_file_gives_one_json_object_per_line_in_order(trained_model, tmp_path):
    messages = [
        "my black bin wasn't emptied this morning",
        "i cant go on, im going to take all my tablets tonight",
        "what's the weather like in Paris",
        "there's a gas smell coming from next door",
    ]
    source = tmp_path / "messages.txt"
    source.write_text("\n".join(messages) + "\n\n")
    result = _triage(str(source), "--json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [r["text"] for r in rows] == messages
    assert all(set(r) == {"text", "expected_intent", "intent", "confidence", "route"} for r in rows)
    assert all(r["expected_intent"] is None for r in rows)
    assert rows[0]["route"] == Route.SELF_SERVICE.value
    assert rows[1]["intent"] == "suicide_self_harm" and rows[1]["route"] == Route.EMERGENCY.value
    assert rows[1]["confidence"] == 1.0
    assert rows[2]["route"] == Route.OUT_OF_SCOPE.value
    assert rows[3]["route"] == Route.EMERGENCY.value
    assert "4 messages" in result.stderr


def test_a_rasa_nlu_file_reports_expected_intents_and_accuracy(trained_model, tmp_path):
    source = tmp_path / "nlu.yml"
    source.write_text(
        'version: "3.1"\nnlu:\n- intent: gas_leak\n  examples: |\n    - my carbon monoxide alarm is beeping\n'
        "- intent: greet\n  examples: |\n    - good morning\n"
    )
    result = _triage(str(source), "--json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [r["expected_intent"] for r in rows] == ["gas_leak", "greet"]
    assert rows[0]["intent"] == "gas_leak"
    assert all(r["route"] == INTENT_ROUTES[r["expected_intent"]].value for r in rows)
    assert "intent accuracy 2/2" in result.stderr


def test_a_missing_file_is_reported_plainly(tmp_path):
    result = _triage(str(tmp_path / "nope.txt"))
    assert result.returncode == 2
    assert "No such file" in result.stderr
