"""Console sign-in: advisor accounts (stored in bot.records) and the lockout every process shares."""

from __future__ import annotations

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
from bot.records.rate_limits import Limit, RateLimits
from bot.settings import Settings

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
    """Failed console sign-ins per username and per client address, counted in the database so
    that every server process and worker enforces the same lockout.

    Each attempt takes a place before the password is checked (so parallel guesses cannot all
    slip under the limit); a correct password gives the places back and clears the username's
    count. Once either count is full, every attempt is refused, a correct password included.
    """

    def __init__(self, settings: Settings, limits: RateLimits | None = None) -> None:
        self._limits = limits or RateLimits()
        self.lockout_minutes = settings.sign_in_lockout_minutes
        window_s = self.lockout_minutes * 60
        self.per_username = Limit(
            "sign_in_username", settings.sign_in_failures_per_username, window_s
        )
        self.per_address = Limit("sign_in_address", settings.sign_in_failures_per_address, window_s)

    @staticmethod
    def _name(username: str) -> str:
        return username.strip().lower()

    def attempt(self, username: str, address: str) -> bool:
        """Take a place for one attempt; False (the lockout) if the username or address is full."""
        if not self._limits.take(self.per_username, self._name(username)):
            return False
        if not self._limits.take(self.per_address, address):
            self._limits.give_back(self.per_username, self._name(username))
            return False
        return True

    def abandoned(self, username: str, address: str) -> None:
        """The attempt could not be judged (the database failed): it does not count."""
        self._limits.give_back(self.per_username, self._name(username))
        self._limits.give_back(self.per_address, address)

    def succeeded(self, username: str, address: str) -> None:
        self._limits.clear(self.per_username, self._name(username))
        self._limits.give_back(self.per_address, address)
