"""Pausing and resuming the assistant for one conversation, and the transcript an advisor reads (channels/conversation_control.py)."""

from __future__ import annotations

import asyncio

from rasa.shared.core.events import BotUttered, UserUttered

from channels.conversation_control import add_advisor_message, set_paused, transcript
from tests.support.rasa_agent import InMemoryAgent

CHAT = "webchat-session-1"


def _say(agent: InMemoryAgent, *events: object) -> None:
    async def add() -> None:
        tracker = await agent.tracker_store.get_or_create_tracker(CHAT)
        for event in events:
            tracker.update(event)
        await agent.tracker_store.save(tracker)

    asyncio.run(add())


def test_pausing_stops_the_assistant_and_resuming_starts_it_again() -> None:
    agent = InMemoryAgent()

    asyncio.run(set_paused(agent, CHAT, True))
    assert agent.tracker(CHAT).is_paused()

    asyncio.run(set_paused(agent, CHAT, False))
    assert not agent.tracker(CHAT).is_paused()


def test_pausing_twice_records_one_pause() -> None:
    agent = InMemoryAgent()
    asyncio.run(set_paused(agent, CHAT, True))
    asyncio.run(set_paused(agent, CHAT, True))
    events = [type(event).__name__ for event in agent.tracker(CHAT).events]
    assert events.count("ConversationPaused") == 1


def test_resuming_forgets_the_dialogue_state_but_keeps_every_message() -> None:
    agent = InMemoryAgent()
    _say(agent, UserUttered("my bin was missed"), BotUttered("Which bin?"))
    asyncio.run(set_paused(agent, CHAT, True))
    asyncio.run(set_paused(agent, CHAT, False))

    replayed = [e for e in agent.tracker(CHAT).applied_events() if isinstance(e, UserUttered)]
    assert replayed == []  # the policies will not answer "my bin was missed" again
    assert [line.text for line in asyncio.run(transcript(agent, CHAT))] == [
        "my bin was missed",
        "Which bin?",
    ]


def test_the_transcript_shows_resident_assistant_and_advisor_in_order_with_buttons() -> None:
    agent = InMemoryAgent()
    _say(
        agent,
        UserUttered("can I talk to a person"),
        BotUttered(
            "Shall I pass you to an advisor?", data={"buttons": [{"title": "Yes"}, {"title": "No"}]}
        ),
    )
    asyncio.run(add_advisor_message(agent, CHAT, "Hello, I'm Sam. How can I help?", "Sam"))

    lines = asyncio.run(transcript(agent, CHAT))

    assert [(line.sender, line.text, line.name) for line in lines] == [
        ("resident", "can I talk to a person", ""),
        ("assistant", "Shall I pass you to an advisor?\n[buttons: Yes, No]", ""),
        ("advisor", "Hello, I'm Sam. How can I help?", "Sam"),
    ]


def test_the_transcript_can_be_cut_to_the_latest_messages() -> None:
    agent = InMemoryAgent()
    _say(agent, *(UserUttered(f"message {n}") for n in range(5)))
    assert [line.text for line in asyncio.run(transcript(agent, CHAT, limit=2))] == [
        "message 3",
        "message 4",
    ]


def test_a_conversation_never_seen_has_an_empty_transcript() -> None:
    assert asyncio.run(transcript(InMemoryAgent(), "nobody")) == []
