"""Rasa's pause copies the ticket (channels/conversation_control.py): paused while with the advisors."""

from __future__ import annotations

import asyncio
from datetime import datetime, timezone

from bot.records.tickets import TicketView
from channels import conversation_control
from tests.support.pausing_agent import PausingAgent


def _ticket(status: str) -> TicketView:
    return TicketView(
        reference="AD-TEST", channel="webchat", sender_id="resident", intent="request_human",
        route="advisor", priority="normal", reason="test", summary="", form_values={},
        acting_for=None, status=status, outcome=None, created_at=datetime.now(timezone.utc),
        claimed_by_id=None, claimed_by=None, position=None,
    )  # fmt: skip


def test_rasa_is_paused_while_the_ticket_is_open_or_claimed_and_resumed_when_it_is_not() -> None:
    agent = PausingAgent()
    for status, paused in [
        ("open", True), ("claimed", True), ("closed", False), ("withdrawn", False), ("open", True)
    ]:  # fmt: skip
        asyncio.run(conversation_control.follow_ticket(agent, _ticket(status)))
        assert agent.paused("resident") is paused, status
        assert _ticket(status).with_advisors is paused


def test_pausing_twice_adds_one_pause() -> None:
    agent = PausingAgent()
    asyncio.run(conversation_control.follow_ticket(agent, _ticket("open")))
    asyncio.run(conversation_control.follow_ticket(agent, _ticket("claimed")))
    tracker = asyncio.run(agent.tracker_store.retrieve("resident"))
    assert [e.type_name for e in tracker.events].count("pause") == 1
