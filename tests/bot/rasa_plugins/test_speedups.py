"""The start-up tweaks keep Rasa's behaviour: action-server responses are checked exactly as before (bot/rasa_plugins/speedups.py)."""

from __future__ import annotations

import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction

from bot.rasa_plugins import speedups

GOOD = {
    "events": [{"event": "slot", "name": "postcode", "value": "PL1 2JT"}],
    "responses": [{"text": "Thanks."}],
}
BAD = {"events": "not a list", "responses": []}


@pytest.fixture
def installed(monkeypatch: pytest.MonkeyPatch) -> None:
    import sanic.app

    monkeypatch.setattr(
        RemoteAction, "_validate_action_result", RemoteAction._validate_action_result
    )
    monkeypatch.setattr(sanic.app, "serve_multiple", sanic.app.serve_multiple, raising=False)
    monkeypatch.setattr(sanic.app, "_council_balanced", False, raising=False)
    speedups.install()


def _action() -> RemoteAction:
    return RemoteAction("action_check_postcode", None)


def test_a_valid_action_server_response_is_accepted_before_and_after_installing(installed):
    assert RemoteAction._validate_action_result is speedups._validate_action_result
    assert _action()._validate_action_result(GOOD) is True


def test_an_invalid_response_is_refused_with_rasas_own_message(installed):
    with pytest.raises(ValidationError, match="Failed to validate Action server response from API"):
        _action()._validate_action_result(BAD)


def test_installing_twice_changes_nothing_more(installed):
    import sanic.app

    balanced = sanic.app.serve_multiple
    speedups.install()
    assert sanic.app.serve_multiple is balanced
