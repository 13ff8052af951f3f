"""Start-up tweaks to Rasa 3.6 internals that keep its behaviour but remove repeated work."""

from __future__ import annotations

import functools
from typing import Any

from rasa.core.actions.action import RemoteAction


@functools.lru_cache(maxsize=1)
def _action_response_validator() -> Any:
    from jsonschema.validators import validator_for

    schema = RemoteAction.action_response_format_spec()
    validator_class = validator_for(schema)
    validator_class.check_schema(schema)  # once, instead of on every action call
    return validator_class(schema)


def _validate_action_result(self: RemoteAction, result: dict[str, Any]) -> bool:
    """Same check as Rasa's, with the schema compiled once instead of per response."""
    from jsonschema import ValidationError
    from jsonschema.exceptions import best_match

    error = best_match(_action_response_validator().iter_errors(result))
    if error is not None:
        if isinstance(error, ValidationError):
            error.message += ". Failed to validate Action server response from API."
        raise error
    return True


def install() -> None:
    """Rasa validates every action-server response with `jsonschema.validate`, which
    re-checks the constant schema against its meta-schema each time: about a third of
    the server's CPU under load. Validate with a cached validator instead."""
    RemoteAction._validate_action_result = _validate_action_result  # type: ignore[method-assign]
