"""Console sign-in: advisor accounts (stored in bot.records) and a per-process sign-in throttle."""

from __future__ import annotations

import time
from collections import defaultdict, deque

from bot.records.advisor_accounts import (
    ABSOLUTE_LIMIT,
    IDLE_LIMIT,
    MIN_PASSWORD_LENGTH,
    AccountError,
    AdvisorAccounts,
    SignedIn,
    hash_password,
    verify_password,
)

__all__ = [
    "ABSOLUTE_LIMIT",
    "IDLE_LIMIT",
    "MIN_PASSWORD_LENGTH",
    "AccountError",
    "AdvisorAccounts",
    "SignInThrottle",
    "SignedIn",
    "hash_password",
    "verify_password",
]


class SignInThrottle:
    """At most five failed sign-ins per username in 15 minutes (per server process)."""

    def __init__(self, limit: int = 5, window_s: float = 900.0) -> None:
        self._limit = limit
        self._window = window_s
        self._failures: dict[str, deque[float]] = defaultdict(deque)

    def blocked(self, username: str) -> bool:
        failures = self._failures[username.strip().lower()]
        now = time.monotonic()
        while failures and now - failures[0] > self._window:
            failures.popleft()
        return len(failures) >= self._limit

    def failed(self, username: str) -> None:
        self._failures[username.strip().lower()].append(time.monotonic())

    def succeeded(self, username: str) -> None:
        self._failures.pop(username.strip().lower(), None)
