"""A small client for the webchat HTTP API, as the widget uses it."""

from __future__ import annotations

import itertools
import uuid
from typing import Any

import requests

_addresses = itertools.count(1)


def resident_address() -> str:
    """A different documentation-range address for each resident (RFC 3849)."""
    n = next(_addresses)
    return f"2001:db8:{n // 65536:x}:{n % 65536:x}::1"


class WebchatClient:
    """One resident's chat: a session, messages, button presses and polling.

    Each resident writes from their own address, as nginx would pass it on (the test servers
    trust the loopback proxy), so the per-address limits see many residents, not one.
    """

    def __init__(self, base_url: str, address: str | None = None) -> None:
        self.base = base_url
        self.headers = {"X-Forwarded-For": address or resident_address()}
        started = requests.post(f"{base_url}/session", json={}, headers=self.headers, timeout=30)
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
            f"{self.base}/webhook",
            json={"session_id": self.session_id, **body},
            headers=self.headers,
            timeout=60,
        )

    def poll(self, after: int = 0) -> list[dict[str, Any]]:
        reply = requests.get(
            f"{self.base}/messages",
            params={"session_id": self.session_id, "after": after},
            headers=self.headers,
            timeout=30,
        )
        reply.raise_for_status()
        return reply.json()["messages"]


def texts(messages: list[dict[str, Any]]) -> str:
    return "\n".join(m["text"] for m in messages)
