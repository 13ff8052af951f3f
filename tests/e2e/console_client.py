"""A small client for the advisor console, as an advisor's browser uses it (forms and cookies)."""

from __future__ import annotations

import re
from typing import Any

import requests

_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def sign_in(
    http: requests.Session, base_url: str, username: str, password: str
) -> requests.Response:
    """Open the sign-in form (its CSRF token and cookie), then post it, as a browser does."""
    form = http.get(f"{base_url}/login", timeout=30)
    form.raise_for_status()
    match = _CSRF.search(form.text)
    assert match, "the sign-in form has no CSRF token"
    return http.post(
        f"{base_url}/login",
        data={"username": username, "password": password, "csrf_token": match.group(1)},
        timeout=30,
    )


class ConsoleClient:
    """One signed-in advisor."""

    def __init__(self, base_url: str, username: str, password: str) -> None:
        self.base = base_url
        self.http = requests.Session()
        signed_in = sign_in(self.http, base_url, username, password)
        signed_in.raise_for_status()
        self.csrf = self._csrf(signed_in.text)

    @staticmethod
    def _csrf(html: str) -> str:
        match = _CSRF.search(html)
        assert match, "the page has no CSRF token"
        return match.group(1)

    def queue(self) -> list[dict[str, Any]]:
        reply = self.http.get(f"{self.base}/queue.json", timeout=30)
        reply.raise_for_status()
        return reply.json()["tickets"]

    def post(self, path: str, **data: str) -> requests.Response:
        return self.http.post(
            f"{self.base}{path}", data={"csrf_token": self.csrf, **data}, timeout=30
        )

    def claim(self, reference: str) -> requests.Response:
        return self.post(f"/tickets/{reference}/claim")

    def reply(self, reference: str, text: str) -> requests.Response:
        return self.post(f"/tickets/{reference}/reply", text=text)

    def close(self, reference: str, outcome: str) -> requests.Response:
        return self.post(f"/tickets/{reference}/close", outcome=outcome)

    def transcript(self, reference: str) -> dict[str, Any]:
        reply = self.http.get(f"{self.base}/tickets/{reference}/transcript.json", timeout=30)
        reply.raise_for_status()
        return reply.json()
