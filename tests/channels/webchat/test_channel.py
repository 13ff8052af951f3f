"""The webchat endpoints the widget talks to, on a real Sanic server with a scripted assistant (channels/webchat/channel.py)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from bot.settings import get_settings
from channels.resident_text import channel_texts
from channels.webchat.channel import WebchatInput
from tests.support.channel_app import RunningChannel, ScriptedBot


def scripted(text: str) -> list[dict[str, Any]]:
    if text == "say nothing":
        return []
    if text == "/report_missed_bin":
        return [
            {
                "text": "Which bin was missed?",
                "buttons": [{"title": "Black bin", "payload": "black"}],
            }
        ]
    return [{"text": f"You said: {text}"}]


@pytest.fixture
def webchat(sqlite_url) -> Iterator[tuple[RunningChannel, httpx.Client, ScriptedBot]]:
    bot = ScriptedBot(scripted)
    channel = WebchatInput.from_credentials(None)
    with RunningChannel(channel, bot) as running, httpx.Client(timeout=30) as client:
        yield running, client, bot


def start(client: httpx.Client, running: RunningChannel) -> str:
    reply = client.post(f"{running.base_url}/session")
    assert reply.status_code == 201
    return reply.json()["session_id"]


def say(
    client: httpx.Client, running: RunningChannel, session_id: str, **body: Any
) -> httpx.Response:
    return client.post(f"{running.base_url}/webhook", json={"session_id": session_id, **body})


def test_a_new_chat_opens_with_the_councils_greeting_and_buttons(webchat):
    running, client, _ = webchat

    reply = client.post(f"{running.base_url}/session")

    [greeting] = reply.json()["messages"]
    assert greeting["sender"] == "bot"
    assert greeting["text"] == channel_texts().greeting
    assert "Talk to a person" in [b["title"] for b in greeting["buttons"]]
    assert reply.headers["Cache-Control"] == "no-store"


def test_a_message_is_answered_in_the_response_and_kept_for_polling(webchat):
    running, client, bot = webchat
    session_id = start(client, running)

    reply = say(client, running, session_id, message="  when is my   bin day ")

    assert [m["text"] for m in reply.json()["messages"]] == ["You said: when is my bin day"]
    assert [m.text for m in bot.received] == ["when is my bin day"]
    polled = client.get(
        f"{running.base_url}/messages", params={"session_id": session_id, "after": 0}
    )
    assert [m["text"] for m in polled.json()["messages"]][1:] == [
        "when is my bin day",
        "You said: when is my bin day",
    ]


def test_a_button_press_sends_its_intent_and_shows_the_buttons_title(webchat):
    running, client, bot = webchat
    session_id = start(client, running)

    reply = say(
        client, running, session_id, payload="/report_missed_bin", title="Report a missed bin"
    )

    assert [m.text for m in bot.received] == ["/report_missed_bin"]
    assert reply.json()["messages"][0]["buttons"] == [{"title": "Black bin", "payload": "black"}]
    polled = client.get(f"{running.base_url}/messages", params={"session_id": session_id}).json()
    assert "Report a missed bin" in [m["text"] for m in polled["messages"]]


def test_a_button_for_an_unknown_intent_is_refused_and_never_reaches_the_assistant(webchat):
    running, client, bot = webchat
    session_id = start(client, running)

    reply = say(client, running, session_id, payload='/report_missed_bin{"bin":"x"}')

    assert reply.status_code == 400 and "not recognised" in reply.json()["error"]
    assert bot.received == []


def test_a_message_sent_twice_with_the_same_id_is_answered_once(webchat):
    running, client, bot = webchat
    session_id = start(client, running)

    first = say(client, running, session_id, message="hello", client_message_id="c1")
    again = say(client, running, session_id, message="hello", client_message_id="c1")

    assert len(bot.received) == 1
    assert again.json()["messages"] == first.json()["messages"]


def test_empty_overlong_and_sessionless_messages_are_refused_in_plain_words(webchat):
    running, client, bot = webchat
    session_id = start(client, running)
    limit = get_settings().max_message_chars

    empty = say(client, running, session_id, message="   ")
    too_long = say(client, running, session_id, message="a" * (limit + 1))
    no_session = client.post(f"{running.base_url}/webhook", json={"message": "hello"})
    unknown = say(client, running, "no-such-session", message="hello")

    assert (empty.status_code, empty.json()["error"]) == (400, channel_texts().empty_message)
    assert too_long.status_code == 413 and "too long" in too_long.json()["error"]
    assert no_session.status_code == 400 and "Start a chat first" in no_session.json()["error"]
    assert (unknown.status_code, unknown.json()["error"]) == (404, channel_texts().unknown_session)
    assert bot.received == []


def test_when_the_assistant_says_nothing_the_resident_is_not_left_in_silence(webchat):
    running, client, _ = webchat
    session_id = start(client, running)

    reply = say(client, running, session_id, message="say nothing")

    [message] = reply.json()["messages"]
    assert (message["sender"], message["text"]) == ("system", channel_texts().no_reply)


def test_a_resident_sending_very_quickly_is_asked_to_wait(webchat):
    running, client, bot = webchat
    session_id = start(client, running)

    limit = get_settings().webchat_messages_per_minute
    codes = [
        say(client, running, session_id, message=f"m{n}").status_code for n in range(limit + 1)
    ]

    assert codes[:-1] == [200] * limit
    assert codes[-1] == 429
    assert len(bot.received) == limit


def test_an_advisors_reply_reaches_the_chat_through_polling(webchat):
    running, client, _ = webchat
    session_id = start(client, running)

    running.run(running.channel.delivery.send(session_id, "Hello, I'm Sam from the council."))

    polled = client.get(
        f"{running.base_url}/messages", params={"session_id": session_id, "after": 0}
    )
    last = polled.json()["messages"][-1]
    assert (last["sender"], last["text"]) == ("advisor", "Hello, I'm Sam from the council.")


def test_the_chat_page_and_its_files_are_served_and_nothing_else(webchat):
    running, client, _ = webchat

    page = client.get(f"{running.base_url}/chat")
    script = client.get(f"{running.base_url}/static/chat.js")
    other = client.get(f"{running.base_url}/static/secrets.env")

    assert page.status_code == 200 and "text/html" in page.headers["Content-Type"]
    assert "default-src 'none'" in page.headers["Content-Security-Policy"]
    assert script.status_code == 200 and "javascript" in script.headers["Content-Type"]
    assert other.status_code == 404
    assert (
        client.get(f"{running.base_url}/config").json()["phone"] == channel_texts().config["phone"]
    )
