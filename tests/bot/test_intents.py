"""Every intent has one triage route and a starting priority for the advisor queue (bot/intents.py)."""

from __future__ import annotations

from bot.intents import (
    CRISIS_INTENTS,
    FALLBACK_INTENT,
    HIGH_PRIORITY_INTENTS,
    INTENT_ROUTES,
    Priority,
    Route,
    priority_for,
    route_for,
)


def test_an_unknown_intent_or_none_is_out_of_scope():
    assert route_for(None) is Route.OUT_OF_SCOPE
    assert route_for("order_a_pizza") is Route.OUT_OF_SCOPE
    assert route_for(FALLBACK_INTENT) is Route.OUT_OF_SCOPE


def test_every_crisis_intent_goes_to_an_urgent_route_with_urgent_priority():
    for intent in CRISIS_INTENTS:
        assert route_for(intent) in (Route.EMERGENCY, Route.URGENT_ADVISOR), intent
        assert priority_for(intent) is Priority.URGENT, intent


def test_a_routine_request_starts_at_normal_priority_and_listed_ones_start_high():
    assert priority_for("report_missed_bin") is Priority.NORMAL
    for intent in HIGH_PRIORITY_INTENTS:
        if route_for(intent) not in (Route.EMERGENCY, Route.URGENT_ADVISOR):
            assert priority_for(intent) is Priority.HIGH, intent


def test_each_known_intent_has_the_route_the_table_gives_it():
    assert all(route_for(intent) is route for intent, route in INTENT_ROUTES.items())
