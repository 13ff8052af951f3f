"""The additional support register: residents whose contact goes straight to an advisor."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, exists, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.sql.elements import ColumnElement

from bot.intents import PRIORITY_RANK, Priority
from bot.phone_numbers import read_uk_phone
from bot.privacy import sender_key
from bot.sensitive_numbers import mask
from bot.storage import audit
from bot.storage.engine import session_scope
from bot.storage.models import SupportRegistration


def normalise_uk_phone(text: str) -> str | None:
    """A UK phone number as +44..., or None if it is not one (07700 900123 -> +447700900123)."""
    found = read_uk_phone(text)
    return found.e164 if found else None


def identities(channel: str, sender_id: str) -> list[str]:
    """Every identity a conversation can be recognised by: the channel's own, and a phone number."""
    found = [f"{channel}:{sender_id}"]
    # Only an SMS conversation id is a phone number; a Telegram chat id is digits too, and one
    # like 447700900123 must not be taken for the registered resident with that number.
    is_phone = channel == "twilio_sms" and sender_id.lstrip("+").isdigit()
    phone = normalise_uk_phone(sender_id) if is_phone else None
    if phone:
        found.append(f"phone:{phone}")
    return found


def identity_key(identity: str) -> str:
    return sender_key(f"support-register:{identity}")


def on_register(channel: str, sender_id: str) -> ColumnElement[bool]:
    """SQL: this conversation is on the register (the one test; a caller may ask more in the same query)."""
    keys = [identity_key(identity) for identity in identities(channel, sender_id)]
    return exists().where(SupportRegistration.identity_key.in_(keys))


def queue_priority(priority: Priority, is_registered: bool) -> Priority:
    """A registered resident's ticket goes above every ticket but urgent ones."""
    if is_registered and PRIORITY_RANK[Priority.EXTRA_SUPPORT] < PRIORITY_RANK[priority]:
        return Priority.EXTRA_SUPPORT
    return priority


@dataclass(frozen=True)
class Registration:
    """A register entry as advisors see it (no identifiers in clear)."""

    id: int
    label: str
    reason: str
    added_by: str
    created_at: datetime


class SupportRegister:
    """Adds, finds and removes entries by keyed hash; every advisor access is audit-logged."""

    def __init__(self, database_url: str | None = None) -> None:
        self._url = database_url

    def is_registered(self, channel: str, sender_id: str) -> bool:
        with session_scope(self._url) as session:
            return bool(session.execute(select(on_register(channel, sender_id))).scalar())

    def register(self, identities_: list[str], *, label: str, reason: str, added_by: str) -> int:
        """Add each identity (already-registered ones are kept); returns how many were new."""
        added = 0
        for identity in identities_:
            try:
                with session_scope(self._url) as session:
                    row = SupportRegistration(
                        identity_key=identity_key(identity),
                        label=mask(label)[:80],
                        reason=mask(reason)[:300],
                        added_by=added_by[:60],
                    )
                    session.add(row)
                    session.flush()
                    audit.record(session, added_by, "register.add", f"register:{row.id}")
                added += 1
            except IntegrityError:
                continue
        return added

    def entries(self, actor: str) -> list[Registration]:
        with session_scope(self._url) as session:
            rows = session.execute(
                select(SupportRegistration).order_by(SupportRegistration.created_at.desc())
            ).scalars()
            found = [
                Registration(row.id, row.label, row.reason, row.added_by, row.created_at)
                for row in rows
            ]
            audit.record(session, actor, "register.view", f"{len(found)} entries")
            return found

    def remove(self, entry_id: int, actor: str) -> bool:
        with session_scope(self._url) as session:
            result = session.execute(
                delete(SupportRegistration).where(SupportRegistration.id == entry_id)
            )
            if result.rowcount != 1:
                return False
            audit.record(session, actor, "register.remove", f"register:{entry_id}")
            return True
