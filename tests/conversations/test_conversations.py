"""Rasa's own checks: `rasa data validate` is clean and `rasa test` conversation stories pass."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.settings import PROJECT_ROOT

BOT = PROJECT_ROOT / "bot"
STORIES = Path(__file__).with_name("test_stories.yml")

# Rasa warns about responses only used by forms or custom actions; these are expected.
EXPECTED_UNUSED = {
    "utter_form_cancelled",
    "utter_anything_else",
    "utter_out_of_scope",
    "utter_ask_request_status_form_reference",
    "utter_ask_request_status_form_postcode",
    "utter_ask_missed_bin_form_house",
    "utter_ask_bulky_waste_form_house",
    "utter_ask_bulky_cancel_form_reference",
    "utter_ask_bulky_cancel_form_postcode",
    "utter_ask_digital_help_form_digital_barrier",
    "utter_ask_venue_postcode",
    "utter_ask_booking_reminder",
    "utter_ask_booking_mobile",
    "utter_ask_housing_repair_form_house",
    "utter_ask_parking_permit_form_house",
    "utter_ask_parking_permit_form_vehicle_reg",
    "utter_ask_request_bin_form_house",
    "utter_ask_street_problem_details",
}


def test_rasa_data_validate_finds_no_errors_or_unexpected_warnings():
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "rasa",
            "data",
            "validate",
            "--config",
            str(BOT / "config.yml"),
            "--domain",
            str(BOT / "domain"),
            "--data",
            str(BOT / "data"),
            str(PROJECT_ROOT / "nlu_data"),
        ],  # fmt: skip
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    warnings = [
        line
        for line in (result.stdout + result.stderr).splitlines()
        if "UserWarning" in line and not any(name in line for name in EXPECTED_UNUSED)
    ]
    assert warnings == []


@pytest.mark.model
def test_conversation_stories_pass_with_the_trained_model(trained_model, tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "rasa",
            "test",
            "core",
            "--model",
            str(trained_model),
            "--stories",
            str(STORIES),
            "--out",
            str(tmp_path),
            "--endpoints",
            str(BOT / "endpoints.yml"),
        ],  # fmt: skip
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        env={**os.environ, "ACTION_SERVER_URL": "http://127.0.0.1:9/webhook"},
    )
    assert result.returncode == 0, result.stderr[-3000:]
    failed = tmp_path / "failed_test_stories.yml"
    report = json.loads((tmp_path / "story_report.json").read_text())
    assert report["conversation_accuracy"]["accuracy"] == 1.0, failed.read_text()
