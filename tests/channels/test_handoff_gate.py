"""Tests for the handoff gate: who answers a resident's message before Rasa (channels/handoff_gate.py)."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.shared.core.events import ActionExecuted, ActiveLoop, SlotSet, UserUttered

from bot.intents import Priority, Route
from bot.records.advisor_accounts import AdvisorAccounts
from bot.records.support_register import SupportRegister
from bot.records.tickets import TicketQueue
from channels.handoff_gate import HandoffGate, interrupted_form
from tests.support.rasa_agent import InMemoryAgent

SENDER = "+447700900123"
CHANNEL = "twilio_sms"


class Assistant:
    """Stands in for Rasa answering a message: remembers what it was given."""

    def __init__(self) -> None:
        self.received: list[str] = []

    async def __call__(self, message: UserMessage) -> None:
        self.received.append(message.text or "")


@pytest.fixture
def agent() -> InMemoryAgent:
    return InMemoryAgent()


@pytest.fixture
def assistant() -> Assistant:
    return Assistant()


def send(
    gate: HandoffGate, agent: Any, assistant: Assistant, text: str, sender: str = SENDER
) -> list[str] | None:
    message = UserMessage(text, CollectingOutputChannel(), sender, input_channel=CHANNEL)
    return asyncio.run(gate.handle(agent, assistant, message))


def waiting_ticket(
    url: str, *, route: Route = Route.ADVISOR, reason: str = "Asked for a person"
) -> str:
    raised = TicketQueue(url).raise_ticket(
        channel=CHANNEL,
        sender_id=SENDER,
        intent="human_handoff" if route == Route.ADVISOR else "homelessness",
        route=route,
        priority=Priority.NORMAL if route == Route.ADVISOR else Priority.URGENT,
        reason=reason,
        summary="- can I talk to a person",
        form_values={},
    )
    return raised.reference


def register_resident(url: str) -> None:
    SupportRegister(url).register(
        [f"phone:{SENDER}"],
        label="Mrs Example",
        reason="Needs a person to talk to",
        added_by="advisor@example",
    )


def test_a_resident_without_a_ticket_is_answered_by_the_assistant(sqlite_url, agent, assistant):
    replies = send(HandoffGate(database_url=sqlite_url), agent, assistant, "when is my bin day")

    assert replies is None
    assert assistant.received == ["when is my bin day"]


def test_a_resident_waiting_for_an_advisor_is_told_their_place_and_the_assistant_stays_quiet(
    sqlite_url, agent, assistant
):
    waiting_ticket(sqlite_url)

    replies = send(HandoffGate(database_url=sqlite_url), agent, assistant, "are you still there?")

    assert assistant.received == []
    assert replies and "added that for the advisor" in replies[0]
    held = [e for e in agent.tracker(SENDER).events if isinstance(e, UserUttered)]
    assert [e.text for e in held] == ["are you still there?"]
    assert held[0].parse_data.get("held_for_advisor") is True


def test_a_resident_talking_with_an_advisor_gets_no_automatic_reply(sqlite_url, agent, assistant):
    reference = waiting_ticket(sqlite_url)
    advisor = AdvisorAccounts(sqlite_url).create("sam", "Sam", "correct horse battery")
    assert TicketQueue(sqlite_url).claim(reference, advisor_id=advisor)

    replies = send(HandoffGate(database_url=sqlite_url), agent, assistant, "thanks, that helps")

    assert replies == []
    assert assistant.received == []


def test_a_crisis_while_waiting_moves_the_ticket_to_the_top_and_gives_the_safety_numbers(
    sqlite_url, agent, assistant
):
    reference = waiting_ticket(sqlite_url)

    replies = send(
        HandoffGate(database_url=sqlite_url), agent, assistant, "I can smell gas in my kitchen"
    )

    assert assistant.received == []
    assert replies and any("call" in reply.lower() for reply in replies)
    ticket = TicketQueue(sqlite_url).get(reference)
    assert ticket is not None and ticket.priority == Priority.URGENT.value
    assert "I can smell gas in my kitchen" in ticket.summary


def test_a_resident_on_the_extra_support_register_goes_straight_to_an_advisor(
    sqlite_url, agent, assistant
):
    register_resident(sqlite_url)

    replies = send(HandoffGate(database_url=sqlite_url), agent, assistant, "my bin was not emptied")

    assert assistant.received == []
    ticket = TicketQueue(sqlite_url).open_ticket_for(SENDER)
    assert ticket is not None and ticket.priority == Priority.EXTRA_SUPPORT.value
    assert replies and ticket.reference in replies[0]
    again = send(HandoffGate(database_url=sqlite_url), agent, assistant, "hello?")
    assert assistant.received == [] and again and "added that for the advisor" in again[0]


def test_a_registered_resident_in_crisis_gets_the_assistants_safety_reply_first(
    sqlite_url, agent, assistant
):
    register_resident(sqlite_url)

    replies = send(
        HandoffGate(database_url=sqlite_url), agent, assistant, "I can smell gas in my kitchen"
    )

    assert replies is None
    assert assistant.received == ["I can smell gas in my kitchen"]
    assert TicketQueue(sqlite_url).open_ticket_for(SENDER) is None


def test_a_false_alarm_taken_back_cancels_the_urgent_ticket_and_the_assistant_carries_on(
    sqlite_url, agent, assistant
):
    reference = waiting_ticket(
        sqlite_url, route=Route.URGENT_ADVISOR, reason="Predicted homelessness"
    )

    replies = send(
        HandoffGate(database_url=sqlite_url),
        agent,
        assistant,
        "what?? im not homeless, i just want the single person discount",
    )

    assert replies and "cancelled the urgent request" in replies[0]
    assert replies[-1] == "What can I help you with?"
    ticket = TicketQueue(sqlite_url).get(reference)
    assert ticket is not None and ticket.withdrawn
    assert (
        send(HandoffGate(database_url=sqlite_url), agent, assistant, "single person discount")
        is None
    )
    assert assistant.received == ["single person discount"]


def test_an_alarm_a_safety_rule_raised_stays_with_the_advisors_when_taken_back(
    sqlite_url, agent, assistant
):
    from bot.records.tickets import RULE_REASON_PREFIX

    reference = waiting_ticket(
        sqlite_url, route=Route.URGENT_ADVISOR, reason=f"{RULE_REASON_PREFIX}homelessness"
    )

    replies = send(HandoffGate(database_url=sqlite_url), agent, assistant, "false alarm sorry")

    assert replies and "stays with an advisor" in replies[0]
    assert assistant.received == []
    ticket = TicketQueue(sqlite_url).get(reference)
    assert ticket is not None and not ticket.withdrawn


def test_the_assistant_answers_when_the_database_is_unavailable(sqlite_url, agent, assistant):
    gate = HandoffGate(database_url="sqlite:////nonexistent-folder/no.db")

    replies = send(gate, agent, assistant, "when is my bin day")

    assert replies is None
    assert assistant.received == ["when is my bin day"]


def test_the_form_active_when_the_alarm_was_raised_is_the_one_to_resume() -> None:
    events = [
        UserUttered("I live on my own, can I get a discount"),
        ActionExecuted("council_tax_discount_form"),
        ActiveLoop("council_tax_discount_form"),
        SlotSet("requested_slot", "ctax_discount_date"),
        UserUttered("a little one was wandering the street on their own at night"),
        ActionExecuted("action_handoff"),
        ActiveLoop(None),
    ]
    assert interrupted_form(events) == "council_tax_discount_form"


def test_a_form_already_finished_before_the_alarm_is_not_resumed() -> None:
    events = [
        ActionExecuted("missed_bin_form"),
        ActiveLoop("missed_bin_form"),
        ActionExecuted("missed_bin_form"),
        ActiveLoop(None),
        ActionExecuted("action_handoff"),
    ]
    assert interrupted_form(events) is None


def test_a_retried_message_the_assistant_already_answered_gets_the_same_replies_again(
    sqlite_url, assistant
):
    """The process died after Rasa stored the turn but before the channel kept the replies:
    the retry must not run the turn a second time."""
    from rasa.shared.core.events import BotUttered

    from bot.rasa_plugins.tracker_store import CouncilTrackerStore
    from tests.bot.rasa_plugins.test_tracker_store import DOMAIN

    store = CouncilTrackerStore(domain=DOMAIN)
    tracker = asyncio.run(store.get_or_create_tracker(SENDER, append_action_listen=False))
    tracker.update(UserUttered("when is my bin day", {"name": "greet"}, message_id="SM1"))
    tracker.update(BotUttered("What's the postcode of your home?"))
    asyncio.run(store.save(tracker))

    class Agent:
        tracker_store = store

    def message(message_id: str) -> tuple[UserMessage, CollectingOutputChannel]:
        output = CollectingOutputChannel()
        text = "when is my bin day"
        return UserMessage(
            text, output, SENDER, input_channel=CHANNEL, message_id=message_id
        ), output

    again, output = message("SM1")
    assert asyncio.run(HandoffGate().handle(Agent(), assistant, again)) is None
    assert assistant.received == []
    assert [m["text"] for m in output.messages] == ["What's the postcode of your home?"]

    fresh, _ = message("SM2")
    asyncio.run(HandoffGate().handle(Agent(), assistant, fresh))
    assert assistant.received == ["when is my bin day"]
