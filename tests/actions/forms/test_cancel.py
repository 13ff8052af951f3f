"""A correction the classifier reads as "no" puts the answer right instead of stopping the form."""

from __future__ import annotations

from actions.forms.cancel import ActionCancelForm
from tests.actions.trackers import domain, tracker


def _in_missed_bin_form(text: str):
    state = tracker(text=text, intent="deny", active_loop="missed_bin_form")
    state.slots["requested_slot"] = "postcode"
    return state


def _run(state):
    import asyncio

    from rasa_sdk.executor import CollectingDispatcher

    dispatcher = CollectingDispatcher()
    events = asyncio.run(ActionCancelForm().run(dispatcher, state, domain()))
    return dispatcher.messages, events


def test_sorry_it_was_the_green_one_keeps_the_form_and_notes_the_green_bin():
    messages, events = _run(_in_missed_bin_form("sorry it was the green one not the black"))
    set_slots = {e["name"]: e["value"] for e in events if e["event"] == "slot"}
    assert "recycling" in str(set_slots.get("bin_type")).lower()
    assert events[-1]["event"] == "followup" and events[-1]["name"] == "missed_bin_form"
    assert "put that right" in messages[0]["text"]
    assert not any(e["event"] == "active_loop" for e in events)


def test_a_plain_no_still_stops_the_form_with_nothing_sent():
    messages, events = _run(_in_missed_bin_form("no"))
    assert messages[0]["response"] == "utter_form_cancelled"
    assert {"event": "active_loop", "name": None, "timestamp": None} in events
