"""Subject access and erasure: every record held about one resident, found by following the links
from what they give us (a phone number, an email, a reference, a webchat session).

Residents are not stored by name: conversations are keyed by the channel's own id (the phone
number for SMS, the session id for webchat), and other tables keep a keyed hash of it
(``bot.privacy.sender_key``). So the search starts from the resident's conversations and
follows each table's link to them. A postcode or address is never used to find records: a
neighbour with the same postcode is someone else.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import String, Table, cast, delete, func, or_, select
from sqlalchemy.engine import Connection
from sqlalchemy.sql.elements import ColumnElement

from bot.phone_numbers import read_uk_phone
from bot.privacy import sender_key
from bot.records.legal_holds import ticket_on_hold
from bot.records.outbound import phone_key, recipient_key
from bot.records.support_register import identities, identity_key
from bot.records.tracker_events import events_table
from bot.storage.models import (
    AnalyticsEvent,
    AuditEvent,
    HandoffTicket,
    MessageReceipt,
    OutboundMessage,
    ServiceRequest,
    SmsContact,
    SupportRegistration,
    WebchatMessage,
    WebchatSession,
)

SMS = "twilio_sms"
WEBCHAT = "webchat"


@dataclass(frozen=True)
class Identifiers:
    """What the resident gave to find their records (any mix; each adds what it links to)."""

    phones: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    references: tuple[str, ...] = ()
    webchat_sessions: tuple[str, ...] = ()

    def phone_numbers(self) -> list[str]:
        """The phone numbers as stored for SMS conversations (+44...)."""
        numbers = []
        for text in self.phones:
            found = read_uk_phone(text)
            numbers.append(found.e164 if found else text.replace(" ", ""))
        return numbers

    def phone_spellings(self) -> list[str]:
        """How a number may have been typed into a form (+44..., 07700 900123, 07700900123)."""
        spellings: set[str] = set()
        for text in self.phones:
            found = read_uk_phone(text)
            if found:
                spellings |= {found.e164, found.national, found.national.replace(" ", "")}
            else:
                spellings.add(text.strip())
        return sorted(s for s in spellings if s)

    def is_empty(self) -> bool:
        return not (self.phones or self.emails or self.references or self.webchat_sessions)


@dataclass
class Found:
    """The rows held about the resident: conversation ids (with their channel) and row ids per table."""

    conversations: dict[str, str] = field(default_factory=dict)
    ids: dict[str, set[Any]] = field(default_factory=dict)

    def add(self, table: str, values: Iterable[Any]) -> None:
        self.ids.setdefault(table, set()).update(values)

    def of(self, table: str) -> list[Any]:
        return sorted(self.ids.get(table, set()), key=str)


def _contains_any(column: Any, texts: Iterable[str]) -> ColumnElement[bool]:
    """SQL: the column's text (JSON included) contains one of the texts as a whole JSON string."""
    as_text = func.lower(cast(column, String))
    return or_(*[as_text.contains(json.dumps(t.lower()), autoescape=True) for t in texts])


class _Finder:
    """Follows the links from the identifiers to every row, on one connection."""

    def __init__(self, connection: Connection, given: Identifiers) -> None:
        self.connection = connection
        self.given = given
        self.found = Found()
        self.events = events_table(connection)
        self._by_key: dict[str, str] | None = None

    def _conversation_of_key(self, key: str, channel: str) -> None:
        """Requests keep only a keyed hash of their conversation id: find the id it was made from."""
        if self._by_key is None:
            ids: set[str] = set(self.connection.execute(select(WebchatSession.id)).scalars())
            ids |= set(
                self.connection.execute(select(HandoffTicket.sender_id).distinct()).scalars()
            )
            if self.events is not None:
                ids |= set(
                    self.connection.execute(select(self.events.c.sender_id).distinct()).scalars()
                )
            self._by_key = {sender_key(i): i for i in ids}
        if key in self._by_key:
            self.found.conversations.setdefault(self._by_key[key], channel)

    def starting_points(self) -> None:
        for number in self.given.phone_numbers():
            self.found.conversations[number] = SMS
        for session in self.given.webchat_sessions:
            self.found.conversations[session] = WEBCHAT
        references = [r.strip().upper() for r in self.given.references]
        if references:
            for ref, channel, sender in self.connection.execute(
                select(
                    HandoffTicket.reference, HandoffTicket.channel, HandoffTicket.sender_id
                ).where(HandoffTicket.reference.in_(references))
            ):
                self.found.add("handoff_tickets", [ref])
                self.found.conversations.setdefault(sender, channel)
            for ref, channel, key in self.connection.execute(
                select(
                    ServiceRequest.reference, ServiceRequest.channel, ServiceRequest.sender_key
                ).where(ServiceRequest.reference.in_(references))
            ):
                self.found.add("service_requests", [ref])
                self._conversation_of_key(key, channel)
        # A phone number or email given in a form (a repair's contact number) makes that request
        # and its conversation theirs. Free text is not searched: a resident may type someone
        # else's number ("my neighbour on 07700 ...") and that conversation is not about them.
        contacts = self.given.phone_spellings() + [e.strip() for e in self.given.emails]
        if contacts:
            for ref, channel, key in self.connection.execute(
                select(
                    ServiceRequest.reference, ServiceRequest.channel, ServiceRequest.sender_key
                ).where(_contains_any(ServiceRequest.details, contacts))
            ):
                self.found.add("service_requests", [ref])
                self._conversation_of_key(key, channel)
            for ref, channel, sender in self.connection.execute(
                select(
                    HandoffTicket.reference, HandoffTicket.channel, HandoffTicket.sender_id
                ).where(_contains_any(HandoffTicket.form_values, contacts))
            ):
                self.found.add("handoff_tickets", [ref])
                self.found.conversations.setdefault(sender, channel)

    def linked_records(self) -> None:
        conversations = self.found.conversations
        senders = list(conversations)
        keys = [sender_key(s) for s in senders]
        self.found.add(
            "service_requests",
            self.connection.execute(
                select(ServiceRequest.reference).where(ServiceRequest.sender_key.in_(keys))
            ).scalars(),
        )
        self.found.add(
            "handoff_tickets",
            self.connection.execute(
                select(HandoffTicket.reference).where(HandoffTicket.sender_id.in_(senders))
            ).scalars(),
        )
        sessions = [s for s, channel in conversations.items() if channel == WEBCHAT]
        self.found.add(
            "webchat_sessions",
            self.connection.execute(
                select(WebchatSession.id).where(WebchatSession.id.in_(sessions))
            ).scalars(),
        )
        self.found.add(
            "webchat_messages",
            self.connection.execute(
                select(WebchatMessage.id).where(WebchatMessage.session_id.in_(sessions))
            ).scalars(),
        )
        receipts = [
            MessageReceipt.external_id.startswith(f"{s}:", autoescape=True) for s in sessions
        ]
        numbers = [s for s, channel in conversations.items() if channel == SMS]
        recipients = [
            recipient_key(channel, s) for s, channel in conversations.items() if channel != WEBCHAT
        ]
        outbound = self.connection.execute(
            select(OutboundMessage.id, OutboundMessage.source_id).where(
                OutboundMessage.recipient_key.in_(recipients)
            )
        ).all()
        self.found.add("outbound_messages", [row_id for row_id, _ in outbound])
        sources = sorted({source for _, source in outbound})
        sms_receipts = MessageReceipt.channel == SMS
        conditions = [sms_receipts & MessageReceipt.external_id.in_(sources)]
        if receipts:  # webchat receipt ids are "<session id>:<the widget's message id>"
            conditions.append((MessageReceipt.channel == WEBCHAT) & or_(*receipts))
        if numbers:  # a message not answered yet keeps its sender on the receipt
            conditions.append(sms_receipts & _contains_any(MessageReceipt.response, numbers))
        self.found.add(
            "message_receipts",
            self.connection.execute(select(MessageReceipt.id).where(or_(*conditions))).scalars(),
        )
        self.found.add(
            "sms_contacts",
            self.connection.execute(
                select(SmsContact.phone_key).where(
                    SmsContact.phone_key.in_([phone_key(n) for n in numbers])
                )
            ).scalars(),
        )
        register_keys = [
            identity_key(identity)
            for sender, channel in conversations.items()
            for identity in identities(channel, sender)
        ]
        registrations = list(
            self.connection.execute(
                select(SupportRegistration.id).where(
                    SupportRegistration.identity_key.in_(register_keys)
                )
            ).scalars()
        )
        self.found.add("support_register", registrations)
        # Insight events carry the conversation's keyed hash only, but that still points at
        # this resident: they are shown in the export and erased with the rest.
        self.found.add(
            "analytics_events",
            self.connection.execute(
                select(AnalyticsEvent.id).where(AnalyticsEvent.conversation_key.in_(keys))
            ).scalars(),
        )
        subjects = [f"ticket:{ref}" for ref in self.found.of("handoff_tickets")]
        subjects += [f"register:{row_id}" for row_id in registrations]
        self.found.add(
            "audit_events",
            self.connection.execute(
                select(AuditEvent.id).where(AuditEvent.subject.in_(subjects))
            ).scalars(),
        )

    def run(self) -> Found:
        self.starting_points()
        self.linked_records()
        return self.found


def find(connection: Connection, given: Identifiers) -> Found:
    """Every row held about the resident the identifiers belong to."""
    return _Finder(connection, given).run()


#: Each of our tables, the column the found ids are in, and the order rows are shown in.
TABLES: dict[str, tuple[Table, Any]] = {
    "service_requests": (ServiceRequest.__table__, ServiceRequest.reference),
    "handoff_tickets": (HandoffTicket.__table__, HandoffTicket.reference),
    "webchat_sessions": (WebchatSession.__table__, WebchatSession.id),
    "webchat_messages": (WebchatMessage.__table__, WebchatMessage.id),
    "outbound_messages": (OutboundMessage.__table__, OutboundMessage.id),
    "message_receipts": (MessageReceipt.__table__, MessageReceipt.id),
    "sms_contacts": (SmsContact.__table__, SmsContact.phone_key),
    "support_register": (SupportRegistration.__table__, SupportRegistration.id),
    "audit_events": (AuditEvent.__table__, AuditEvent.id),
    "analytics_events": (AnalyticsEvent.__table__, AnalyticsEvent.id),
}


def _plain(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


def read_records(connection: Connection, found: Found) -> dict[str, list[dict[str, Any]]]:
    """The found rows as plain dictionaries (dates as ISO text), conversations event by event."""
    records: dict[str, list[dict[str, Any]]] = {}
    events = events_table(connection)
    conversations = []
    for sender, channel in sorted(found.conversations.items()):
        rows = []
        if events is not None:
            rows = [
                json.loads(data)
                for data in connection.execute(
                    select(events.c.data).where(events.c.sender_id == sender).order_by(events.c.id)
                ).scalars()
            ]
        if rows:
            conversations.append({"conversation_id": sender, "channel": channel, "events": rows})
    records["conversations"] = conversations
    for name, (table, column) in TABLES.items():
        ids = found.of(name)
        rows = connection.execute(select(table).where(column.in_(ids)).order_by(column)).mappings()
        records[name] = [{key: _plain(value) for key, value in row.items()} for row in rows]
    return records


@dataclass(frozen=True)
class Holds:
    """Why records cannot be erased yet (plain reasons), if any."""

    reasons: tuple[str, ...]


def holds(connection: Connection, found: Found, safeguarding_since: Any) -> Holds:
    """The legal holds on the resident's records: an open ticket or a safeguarding case."""
    rows = connection.execute(
        select(HandoffTicket.reference, HandoffTicket.status).where(
            HandoffTicket.reference.in_(found.of("handoff_tickets")),
            ticket_on_hold(safeguarding_since),
        )
    ).all()
    reasons = []
    for reference, status in rows:
        if status in ("open", "claimed"):
            reasons.append(
                f"Ticket {reference} is still with an advisor. We need it to help you; once it"
                " is closed you can ask again."
            )
        else:
            reasons.append(
                f"Ticket {reference} was about your safety or someone else's. The law requires"
                " us to keep safeguarding records for a set time, so we cannot delete them yet."
            )
    return Holds(tuple(reasons))


def erase(connection: Connection, found: Found) -> dict[str, int]:
    """Delete every found row except audit events and a standing STOP; counts per table."""
    counts: dict[str, int] = {}
    events = events_table(connection)
    if events is not None:
        counts["conversations (tracker events)"] = connection.execute(
            delete(events).where(events.c.sender_id.in_(list(found.conversations)))
        ).rowcount
    for name in ("webchat_messages", "webchat_sessions", "service_requests", "handoff_tickets",
                 "outbound_messages", "message_receipts", "support_register",
                 "analytics_events"):  # fmt: skip
        table, column = TABLES[name]
        counts[name.replace("_", " ")] = connection.execute(
            delete(table).where(column.in_(found.of(name)))
        ).rowcount
    # A STOP stays (by keyed hash only), or we might text someone who asked us not to.
    counts["sms contacts"] = connection.execute(
        delete(SmsContact).where(
            SmsContact.phone_key.in_(found.of("sms_contacts")), SmsContact.opted_out.is_(False)
        )
    ).rowcount
    return counts
