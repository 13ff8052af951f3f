"""A small client for the webchat HTTP API, as the widget uses it."""

from __future__ import annotations

import uuid
from typing import Any

import requests


class WebchatClient:
    """One resident's chat: a session, messages, button presses and polling."""

    def __init__(self, base_url: str) -> None:
        self.base = base_url
        started = requests.post(f"{base_url}/session", json={}, timeout=30)
        started.raise_for_status()
        body = started.json()
        self.session_id: str = body["session_id"]
        self.greeting: list[dict[str, Any]] = body["messages"]

    def send(self, text: str, client_id: str | None = None) -> list[dict[str, Any]]:
        reply = self.post({"message": text, "client_message_id": client_id or uuid.uuid4().hex})
        reply.raise_for_status()
        return reply.json()["messages"]

    def press(self, payload: str, title: str | None = None) -> list[dict[str, Any]]:
        reply = self.post(
            {"payload": payload, "title": title or payload, "client_message_id": uuid.uuid4().hex}
        )
        reply.raise_for_status()
        return reply.json()["messages"]

    def post(self, body: dict[str, Any]) -> requests.Response:
        return requests.post(
            f"{self.base}/webhook", json={"session_id": self.session_id, **body}, timeout=60
        )

    def poll(self, after: int = 0) -> list[dict[str, Any]]:
        reply = requests.get(
            f"{self.base}/messages",
            params={"session_id": self.session_id, "after": after},
            timeout=30,
        )
        reply.raise_for_status()
        return reply.json()["messages"]


def texts(messages: list[dict[str, Any]]) -> str:
    return "\n".join(m["text"] for m in messages)
