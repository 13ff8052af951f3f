"""The handoff gate reads the one crisis, extra-support and paused decisions (channels/handoff_gate.py)."""

from __future__ import annotations

import asyncio

from bot.intents import Priority, Route
from bot.records.support_register import SupportRegister
from bot.records.tickets import RULE_REASON_PREFIX, TicketQueue
from channels.handoff_gate import HandoffGate
from tests.support.pausing_agent import PausingAgent


def _register(sender: str) -> None:
    SupportRegister().register(
        [f"webchat:{sender}"], label="Mr A", reason="no internet", added_by="advisor"
    )


def test_a_registered_resident_goes_straight_to_an_advisor_with_extra_support_priority(sqlite_url):
    _register("reg-1")
    agent = PausingAgent()
    decision = asyncio.run(HandoffGate().screen(agent, "webchat", "reg-1", "my bin was missed"))
    assert decision.held and decision.replies
    ticket = TicketQueue().open_ticket_for("reg-1")
    assert ticket is not None and ticket.priority == Priority.EXTRA_SUPPORT.value
    assert ticket.with_advisors and agent.paused("reg-1")


def test_a_registered_resident_in_crisis_gets_the_assistants_safety_reply_first(sqlite_url):
    _register("reg-2")
    decision = asyncio.run(
        HandoffGate().screen(PausingAgent(), "webchat", "reg-2", "I can smell gas")
    )
    assert not decision.held
    assert TicketQueue().open_ticket_for("reg-2") is None


def test_a_resident_on_no_register_and_with_no_ticket_is_answered_by_the_assistant(sqlite_url):
    decision = asyncio.run(
        HandoffGate().screen(PausingAgent(), "webchat", "new", "my bin was missed")
    )
    assert not decision.held and not decision.replies


def test_a_crisis_rule_while_waiting_makes_the_ticket_urgent(sqlite_url):
    queue = TicketQueue()
    queue.raise_ticket(
        channel="webchat", sender_id="waiting", intent="request_human", route=Route.ADVISOR,
        priority=Priority.NORMAL, reason="Resident asked for a person", summary="- help",
        form_values={},
    )  # fmt: skip
    decision = asyncio.run(
        HandoffGate().screen(PausingAgent(), "webchat", "waiting", "I can smell gas")
    )
    assert decision.held
    ticket = queue.open_ticket_for("waiting")
    assert ticket is not None and ticket.priority == Priority.URGENT.value
    assert ticket.intent == "gas_leak" and ticket.reason.startswith(RULE_REASON_PREFIX)


def test_a_held_message_stays_held_while_the_ticket_is_with_the_advisors(sqlite_url):
    queue = TicketQueue()
    queue.raise_ticket(
        channel="webchat", sender_id="held", intent="request_human", route=Route.ADVISOR,
        priority=Priority.NORMAL, reason="Resident asked for a person", summary="- help",
        form_values={},
    )  # fmt: skip
    decision = asyncio.run(HandoffGate().screen(PausingAgent(), "webchat", "held", "any news?"))
    assert decision.held
