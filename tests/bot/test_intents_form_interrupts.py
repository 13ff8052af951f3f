"""The intents that interrupt a form, decided once in bot/intents.py."""

from __future__ import annotations

from bot.intents import (
    ALWAYS_INTERRUPT,
    CRISIS_INTENTS,
    INTENT_ROUTES,
    NEVER_AN_ANSWER,
    NOT_A_REPAIR,
    Route,
)


def test_a_crisis_talk_to_a_person_and_no_always_interrupt_a_form() -> None:
    assert frozenset(CRISIS_INTENTS) | {"request_human", "deny"} == ALWAYS_INTERRUPT


def test_no_is_a_repair_but_a_crisis_or_asking_for_a_person_is_not() -> None:
    assert ALWAYS_INTERRUPT - {"deny"} == NOT_A_REPAIR
    assert "deny" not in NOT_A_REPAIR


def test_the_message_that_opens_a_form_is_never_an_answer_when_it_asks_for_an_advisor_topic() -> (
    None
):
    assert (
        frozenset(
            "request_human need_extra_support suicide_self_harm gas_leak safeguarding_concern "
            "domestic_abuse homelessness dangerous_structure deny make_complaint register_death "
            "council_tax_arrears report_antisocial_behaviour".split()
        )
        == NEVER_AN_ANSWER
    )
    advisor_topics = {intent for intent, route in INTENT_ROUTES.items() if route is Route.ADVISOR}
    assert ALWAYS_INTERRUPT | advisor_topics == NEVER_AN_ANSWER


def test_every_crisis_is_routed_to_an_emergency_or_an_urgent_advisor() -> None:
    assert {INTENT_ROUTES[i] for i in CRISIS_INTENTS} <= {Route.EMERGENCY, Route.URGENT_ADVISOR}
    assert all(intent in INTENT_ROUTES for intent in NEVER_AN_ANSWER)
