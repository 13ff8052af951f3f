"""Builds Rasa SDK trackers and runs actions the way the action server does."""

from __future__ import annotations

import asyncio
import functools
from datetime import datetime
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.settings import PROJECT_ROOT


@functools.lru_cache(maxsize=1)
def domain() -> dict[str, Any]:
    from rasa.shared.core.domain import Domain

    return Domain.load(str(PROJECT_ROOT / "bot" / "domain")).as_dict()


def tracker(
    text: str = "",
    intent: str = "report_missed_bin",
    slots: dict[str, Any] | None = None,
    active_loop: str | None = None,
    events: list[dict[str, Any]] | None = None,
    sender_id: str = "test-session",
    parse_extra: dict[str, Any] | None = None,
    just_set: dict[str, Any] | None = None,
) -> Tracker:
    latest = {"text": text, "intent": {"name": intent, "confidence": 0.9}, "entities": []}
    latest.update(parse_extra or {})
    history = list(events or [])
    history.append(
        {"event": "user", "text": text, "parse_data": latest, "input_channel": "webchat"}
    )
    # Slots Rasa's slot extraction filled from this message; forms validate exactly these.
    history += [{"event": "slot", "name": k, "value": v} for k, v in (just_set or {}).items()]
    return Tracker(
        sender_id=sender_id,
        slots={"requested_slot": None, **(slots or {})},
        latest_message=latest,
        events=history,
        paused=False,
        followup_action=None,
        active_loop={"name": active_loop} if active_loop else {},
        latest_action_name="action_listen",
    )


def run(action: Action, state: Tracker) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(messages the resident would see, events returned)."""
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, state, domain()))
    return dispatcher.messages, events


def slots_set(events: list[dict[str, Any]]) -> dict[str, Any]:
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


def answer(
    form: Action,
    form_name: str,
    slot: str,
    value: Any,
    intent: str,
    channel: str = "webchat",
    **slots: Any,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Runs a form's validator on the resident's answer to the question it asked (``slot``)."""
    state = tracker(
        text=str(value), intent=intent, slots={slot: value, **slots},
        active_loop=form_name, just_set={slot: value},
    )  # fmt: skip
    state.slots["requested_slot"] = slot
    for event in state.events:
        if event.get("event") == "user":
            event["input_channel"] = channel
    return run(form, state)


def fix_clock(monkeypatch: Any, at: datetime) -> None:
    """Stops the council clock (every module's ``now`` and ``today``) at one moment."""
    from tests.support.clock import stop_clock

    stop_clock(monkeypatch, at)
