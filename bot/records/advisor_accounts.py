"""Advisor accounts and console sessions: scrypt password hashes, expiring sessions, CSRF tokens."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError

from bot.storage.engine import session_scope
from bot.storage.models import Advisor, AdvisorSession, utcnow

IDLE_LIMIT = timedelta(minutes=30)
ABSOLUTE_LIMIT = timedelta(hours=12)
MIN_PASSWORD_LENGTH = 12
_SCRYPT = {"n": 2**14, "r": 8, "p": 1}


def hash_password(password: str) -> str:
    """scrypt with a random salt, stored as scrypt$n$r$p$salt$hash."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, dklen=32, **_SCRYPT)
    encode = base64.b64encode
    return (
        f"scrypt${_SCRYPT['n']}${_SCRYPT['r']}${_SCRYPT['p']}$"
        f"{encode(salt).decode()}${encode(digest).decode()}"
    )


def verify_password(password: str, stored: str) -> bool:
    """Whether the password matches a stored scrypt hash (in constant time)."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(digest)
        actual = hashlib.scrypt(
            password.encode(),
            salt=base64.b64decode(salt),
            n=int(n),
            r=int(r),
            p=int(p),
            dklen=len(expected),
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, expected)


# A fixed hash to check against when the username is unknown, so timing does not reveal it.
_DUMMY_HASH = hash_password(secrets.token_hex(8))


#: The console roles: advisors work the queue; managers also see insight and manage accounts.
ADVISOR = "advisor"
MANAGER = "manager"
ROLES = (ADVISOR, MANAGER)


class AccountError(ValueError):
    """Why an advisor account could not be created, in words for the admin."""


@dataclass(frozen=True)
class SignedIn:
    """The advisor behind a console request."""

    advisor_id: int
    username: str
    display_name: str
    csrf_token: str
    # advisor, or manager (also sees insight and manages advisors' accounts).
    role: str = "advisor"

    @property
    def is_manager(self) -> bool:
        return self.role == MANAGER


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


class AdvisorAccounts:
    """Create advisors (admin command), check passwords, and keep console sessions."""

    def __init__(self, database_url: str | None = None) -> None:
        self._url = database_url

    def create(self, username: str, display_name: str, password: str, role: str = ADVISOR) -> int:
        username = username.strip().lower()
        if role not in ROLES:
            raise AccountError(f"The role is one of: {', '.join(ROLES)}.")
        if (
            not username
            or len(username) > 60
            or not username.replace(".", "").replace("-", "").isalnum()
        ):
            raise AccountError(
                "Usernames are letters and numbers (dots and dashes allowed), up to 60."
            )
        if len(password) < MIN_PASSWORD_LENGTH:
            raise AccountError(f"Passwords must be at least {MIN_PASSWORD_LENGTH} characters.")
        try:
            with session_scope(self._url) as session:
                advisor = Advisor(
                    username=username,
                    display_name=(display_name.strip() or username)[:80],
                    password_hash=hash_password(password),
                    active=True,
                    role=role,
                )
                session.add(advisor)
                session.flush()
                return int(advisor.id)
        except IntegrityError:
            raise AccountError(f"There is already an advisor called '{username}'.") from None

    def set_active(self, username: str, active: bool) -> bool:
        with session_scope(self._url) as session:
            advisor = session.execute(
                select(Advisor).where(Advisor.username == username.strip().lower())
            ).scalar_one_or_none()
            if advisor is None:
                return False
            advisor.active = active
            if not active:
                session.execute(
                    delete(AdvisorSession).where(AdvisorSession.advisor_id == advisor.id)
                )
            return True

    def accounts(self) -> list[tuple[str, str, bool]]:
        with session_scope(self._url) as session:
            rows = session.execute(select(Advisor).order_by(Advisor.username)).scalars()
            return [(row.username, row.display_name, bool(row.active)) for row in rows]

    def roster(self) -> list[dict[str, Any]]:
        """Every account with its role, for the managers' accounts page."""
        with session_scope(self._url) as session:
            rows = session.execute(select(Advisor).order_by(Advisor.username)).scalars()
            return [
                {
                    "username": row.username,
                    "display_name": row.display_name,
                    "active": bool(row.active),
                    "role": row.role or ADVISOR,
                }
                for row in rows
            ]

    def sign_in(self, username: str, password: str) -> str | None:
        """A new session token for the right password, else None (same work either way)."""
        with session_scope(self._url) as session:
            advisor = session.execute(
                select(Advisor).where(Advisor.username == username.strip().lower())
            ).scalar_one_or_none()
            stored = advisor.password_hash if advisor is not None else _DUMMY_HASH
            if not verify_password(password, stored) or advisor is None or not advisor.active:
                return None
            token = secrets.token_urlsafe(32)
            session.add(
                AdvisorSession(
                    token_hash=_token_hash(token),
                    advisor_id=advisor.id,
                    csrf_token=secrets.token_urlsafe(32),
                )
            )
            return token

    def session(self, token: str | None, now: datetime | None = None) -> SignedIn | None:
        """The advisor for a cookie, if the session is neither idle 30 minutes nor 12 hours old."""
        if not token or len(token) > 200:
            return None
        now = now or utcnow()
        with session_scope(self._url) as session:
            row = session.get(AdvisorSession, _token_hash(token))
            if row is None:
                return None
            advisor = session.get(Advisor, row.advisor_id)
            expired = (
                now - _aware(row.last_seen_at) > IDLE_LIMIT
                or now - _aware(row.created_at) > ABSOLUTE_LIMIT
            )
            if expired or advisor is None or not advisor.active:
                session.delete(row)
                return None
            row.last_seen_at = now
            return SignedIn(
                advisor.id,
                advisor.username,
                advisor.display_name,
                row.csrf_token,
                advisor.role or ADVISOR,
            )

    def sign_out(self, token: str | None) -> None:
        if not token:
            return
        with session_scope(self._url) as session:
            session.execute(
                delete(AdvisorSession).where(AdvisorSession.token_hash == _token_hash(token))
            )
