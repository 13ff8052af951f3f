"""End to end: no one can fill the advisors' urgent queue, and a resident in danger always gets
the safety numbers first (real Rasa and action servers, through the webchat)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import select, update

from bot.storage.engine import session_scope
from bot.storage.models import HandoffTicket
from tests.e2e.webchat_client import WebchatClient, texts

pytestmark = [pytest.mark.e2e, pytest.mark.model]

DOMESTIC_ABUSE_LINE = "0808 2000 247"
#: Repeated characters and words that the classifier once took for a crisis (no rule matches).
NOT_LANGUAGE = [
    "x" * 120,
    "x" * 400 + "!",
    "X" * 200,
    "x " * 80,
    "xXxXxX" * 20,
    "kill kill kill kill",
    "kill kill kill kill kill kill kill kill kill kill",
    "die die die die",
    "abuse abuse abuse abuse",
    "abuseabuseabuseabuse",
    "hurt hurt hurt hurt",
    "knife knife knife knife",
    "suicidesuicidesuicidesuicide",
    "danger danger danger danger",
    "smell smell smell smell",
    "scared scared scared scared",
    "child child child child",
    "end end end end end end end end end end",
    "cut cut cut cut cut cut cut cut cut cut",
    "homelesshomelesshomelesshomeless",
    "qqqq wwww eeee",
]
#: Real crisis phrasings, one or two for each topic, typos included.
CRISIS = [
    ("i want to kill myself", "suicide_self_harm"),
    ("i've been having sucidal thoughts", "suicide_self_harm"),
    ("there's a really strong smell of gas in my kitchen", "gas_leak"),
    ("my partner hits me and i'm scared to go home", "domestic_abuse"),
    ("the kids next door are left alone for days with no food", "safeguarding_concern"),
    ("i'm being evicted tomorrow and have nowhere to sleep", "homelessness"),
    (
        "the wall of the flats is cracking and bricks are falling on the pavement",
        "dangerous_structure",
    ),
]


def _tickets(database_url: str, chats: list[WebchatClient]) -> list[tuple[str, str]]:
    with session_scope(database_url) as session:
        rows = session.execute(
            select(HandoffTicket).where(HandoffTicket.sender_id.in_([c.session_id for c in chats]))
        ).scalars()
        return [(row.sender_id, row.priority) for row in rows]


@pytest.fixture
def chats(live_servers) -> Iterator[list[WebchatClient]]:
    """The conversations a test starts; their tickets are closed after it, so the shared
    servers' queue is as other tests expect it."""
    started: list[WebchatClient] = []
    yield started
    with session_scope(live_servers.database_url) as session:
        session.execute(
            update(HandoffTicket)
            .where(HandoffTicket.sender_id.in_([c.session_id for c in started]))
            .values(status="closed", outcome="Test finished")
        )


def test_repeated_characters_and_words_never_raise_an_urgent_ticket(live_servers, chats):
    for text in NOT_LANGUAGE:
        chat = WebchatClient(live_servers.webchat)
        chats.append(chat)
        reply = texts(chat.send(text))
        assert "urgent request" not in reply, (text, reply)

    assert [t for t in _tickets(live_servers.database_url, chats) if t[1] == "urgent"] == []


def test_a_bare_crisis_button_payload_raises_no_urgent_ticket(live_servers, chats):
    chat = WebchatClient(live_servers.webchat)
    chats.append(chat)

    reply = texts(chat.press("/domestic_abuse", "x"))

    assert DOMESTIC_ABUSE_LINE in reply and "999" in reply
    assert _tickets(live_servers.database_url, chats) == []


def test_real_crisis_phrasings_still_raise_urgent_tickets(live_servers, chats):
    for text, _topic in CRISIS:
        chat = WebchatClient(live_servers.webchat)
        chats.append(chat)
        reply = texts(chat.send(text))
        assert "urgent request" in reply, (text, reply)

    assert sorted(_tickets(live_servers.database_url, chats)) == sorted(
        (chat.session_id, "urgent") for chat in chats
    )


def test_one_address_cannot_fill_the_queue_but_a_resident_in_danger_still_gets_the_numbers(
    live_servers, chats
):
    address = "203.0.113.99"
    for n in range(10):
        chat = WebchatClient(live_servers.webchat, address=address)
        chats.append(chat)
        assert "urgent request" in texts(chat.send(f"my partner hits me, please help {n}"))

    capped = WebchatClient(live_servers.webchat, address=address)
    chats.append(capped)
    replies = capped.send("my partner hits me and i'm scared")
    elsewhere = WebchatClient(live_servers.webchat)
    chats.append(elsewhere)

    assert DOMESTIC_ABUSE_LINE in replies[0]["text"]
    assert "999" in texts(replies) and "AD-" not in texts(replies)
    assert "urgent request" in texts(elsewhere.send("my partner hits me and i'm scared"))
    raised = {sender for sender, _ in _tickets(live_servers.database_url, chats)}
    assert capped.session_id not in raised and elsewhere.session_id in raised
    assert len(raised) == 11
