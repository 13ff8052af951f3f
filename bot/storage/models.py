"""SQLAlchemy models for the assistant's own records; every column says why it is kept."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import declarative_base

Base: Any = declarative_base()


def utcnow() -> datetime:
    """Timezone-aware now, stored as UTC."""
    return datetime.now(timezone.utc)


class ServiceRequest(Base):
    """A transaction the assistant completed for a resident (e.g. a missed bin report)."""

    __tablename__ = "service_requests"

    id = Column(Integer, primary_key=True)
    # Quoted to the resident; how they (and staff) find the request again.
    reference = Column(String(16), unique=True, nullable=False)
    # Which council service handles it (key in the council's services.yml).
    service = Column(String(40), nullable=False)
    # received / in_progress / completed / cancelled: what a status check reports.
    status = Column(String(20), nullable=False, default="received")
    # Channel it came from, for insight on channel shift (no identity).
    channel = Column(String(20), nullable=False)
    # Keyed hash of the conversation id: links requests to a conversation without storing it.
    sender_key = Column(String(64), nullable=False)
    # Needed to find the property and to confirm identity on status checks.
    postcode = Column(String(8), nullable=False)
    # The property the crew or officer must visit.
    address = Column(String(200), nullable=False)
    # Service-specific answers (e.g. bin type, scheduled date) the back office needs.
    details = Column(JSON, nullable=False, default=dict)
    # Hash of what makes two requests the same job; stops duplicate bookings.
    dedupe_key = Column(String(64), nullable=False)
    # The date we promised the resident, so status checks can say "by ...".
    due_by = Column(Date, nullable=False)
    created_at = Column(DateTime(timezone=True), default=utcnow)
    updated_at = Column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)

    __table_args__ = (
        UniqueConstraint("service", "dedupe_key", name="uq_request_dedupe"),
        # Subject access and erasure find a resident's requests by their conversation.
        Index("ix_request_sender", "sender_key"),
    )


class HandoffTicket(Base):
    """A conversation handed to a human advisor, waiting in the priority queue."""

    __tablename__ = "handoff_tickets"

    id = Column(Integer, primary_key=True)
    # Quoted to the resident and used by advisors to find the ticket again.
    reference = Column(String(16), unique=True, nullable=False)
    # Needed to deliver the advisor's reply on the resident's own channel.
    channel = Column(String(20), nullable=False)
    sender_id = Column(String(128), nullable=False)
    # The triage decision: what it is about, which route, how urgent, and why.
    intent = Column(String(60), nullable=False)
    route = Column(String(20), nullable=False)
    priority = Column(String(20), nullable=False)
    priority_rank = Column(Integer, nullable=False)
    reason = Column(String(200), nullable=False)
    # What the resident already said, so the advisor does not ask again.
    summary = Column(Text, nullable=False, default="")
    form_values = Column(JSON, nullable=False, default=dict)
    # Who the resident is acting for ("their dad"), so the advisor knows it is an advocate.
    acting_for = Column(String(60), nullable=True)
    # open -> claimed -> closed; closing resumes the assistant.
    status = Column(String(20), nullable=False, default="open")
    # The advisor handling it; two advisors cannot claim the same ticket.
    claimed_by_id = Column(Integer, ForeignKey("advisors.id"), nullable=True)
    # What the advisor did: told to the resident, and kept for complaints.
    outcome = Column(String(200), nullable=True)
    # When it was raised, picked up and closed: queue order, waiting times, and retention
    # (counted from closing).
    created_at = Column(DateTime(timezone=True), default=utcnow)
    claimed_at = Column(DateTime(timezone=True), nullable=True)
    closed_at = Column(DateTime(timezone=True), nullable=True)

    __table_args__ = (
        Index("ix_ticket_queue", "status", "priority_rank", "created_at"),
        Index("ix_ticket_sender", "sender_id", "status"),
    )


class MessageReceipt(Base):
    """One inbound message id per channel, so a repeated webhook is answered once."""

    __tablename__ = "message_receipts"

    id = Column(Integer, primary_key=True)
    # The channel the message came in on: message ids are unique per channel.
    channel = Column(String(20), nullable=False)
    # The sender's own id for the message (client id, MessageSid, update_id).
    external_id = Column(String(128), nullable=False)
    # processing / done: a retry during processing waits, after it replays.
    status = Column(String(20), nullable=False, default="processing")
    # Ids of the replies produced, to answer a retry without running the bot again.
    response = Column(JSON, nullable=True)
    # When it arrived: one left unanswered is answered after a restart; retention counts from it.
    received_at = Column(DateTime(timezone=True), default=utcnow)

    __table_args__ = (UniqueConstraint("channel", "external_id", name="uq_receipt_message"),)


class WebchatSession(Base):
    """A webchat conversation; its id is unguessable and made by the server."""

    __tablename__ = "webchat_sessions"

    # The unguessable id the resident's browser holds; also the conversation's id in Rasa.
    id = Column(String(64), primary_key=True)
    created_at = Column(DateTime(timezone=True), default=utcnow)
    # For expiring idle sessions, and retention (counted from the last message).
    last_active_at = Column(DateTime(timezone=True), default=utcnow)


class WebchatMessage(Base):
    """What the webchat widget shows (its mailbox, like outbound_messages for SMS and Telegram):
    polled by the widget, and the replies a retried message is answered with. Advisors read
    the conversation from Rasa's tracker, the one record of every channel's conversations."""

    __tablename__ = "webchat_messages"

    id = Column(Integer, primary_key=True)
    # The chat it belongs to; deleted with it.
    session_id = Column(
        String(64), ForeignKey("webchat_sessions.id", ondelete="CASCADE"), nullable=False
    )
    # Who wrote it (resident / bot / advisor / system), to show the conversation in the window.
    sender = Column(String(12), nullable=False)
    # What the window shows, and the buttons offered with a reply.
    text = Column(Text, nullable=False, default="")
    buttons = Column(JSON, nullable=False, default=list)
    created_at = Column(DateTime(timezone=True), default=utcnow)

    __table_args__ = (Index("ix_webchat_messages_session", "session_id", "id"),)


class ConversationLock(Base):
    """Rasa's per-conversation ticket lock, shared by every Rasa server worker."""

    __tablename__ = "conversation_locks"

    # The conversation being answered (Rasa's sender id); the row goes once it is answered.
    conversation_id = Column(String(128), primary_key=True)
    # Rasa's serialised TicketLock (ticket numbers and expiry times only).
    lock = Column(Text, nullable=False)


class Advisor(Base):
    """A member of council staff who signs in to the advisor console."""

    __tablename__ = "advisors"

    id = Column(Integer, primary_key=True)
    # Sign-in name and the name residents' tickets show as handled by.
    username = Column(String(60), unique=True, nullable=False)
    display_name = Column(String(80), nullable=False)
    # scrypt hash with its own salt; the password itself is never stored.
    password_hash = Column(String(300), nullable=False)
    # advisor (the queue and tickets) or manager (also insight and advisors' accounts).
    role = Column(String(20), nullable=False, default="advisor", server_default="advisor")
    # Switched off instead of deleted, so closed tickets still say who handled them.
    active = Column(Boolean, nullable=False, default=True)
    created_at = Column(DateTime(timezone=True), default=utcnow)


class AdvisorSession(Base):
    """A signed-in console session; expires after idle time and an absolute limit."""

    __tablename__ = "advisor_sessions"

    # SHA-256 of the cookie value: a stolen database row cannot be replayed as a cookie.
    token_hash = Column(String(64), primary_key=True)
    # Whose session it is.
    advisor_id = Column(Integer, ForeignKey("advisors.id", ondelete="CASCADE"), nullable=False)
    # Checked on every change the advisor makes (CSRF protection).
    csrf_token = Column(String(64), nullable=False)
    # For signing the advisor out after idle time and after an absolute limit.
    created_at = Column(DateTime(timezone=True), default=utcnow)
    last_seen_at = Column(DateTime(timezone=True), default=utcnow)


class SupportRegistration(Base):
    """A resident on the additional support register: their contact goes straight to an advisor."""

    __tablename__ = "support_register"

    id = Column(Integer, primary_key=True)
    # Keyed hash of the phone number or channel identity: lookup without storing it in clear.
    identity_key = Column(String(64), unique=True, nullable=False)
    # What advisors see to recognise the entry (a first name and the last digits of a number).
    label = Column(String(80), nullable=False)
    # Which criteria were confirmed, so the register can be reviewed fairly.
    reason = Column(String(300), nullable=False)
    # "resident" (self-registered with consent) or the advisor's username.
    added_by = Column(String(60), nullable=False)
    created_at = Column(DateTime(timezone=True), default=utcnow)


class AuditEvent(Base):
    """Who looked at or changed sensitive records (the register, tickets), and when."""

    __tablename__ = "audit_events"

    id = Column(Integer, primary_key=True)
    # Advisor username, or "resident" / "assistant".
    actor = Column(String(60), nullable=False)
    # What was done, e.g. register.view, register.add, ticket.claim, sar.export, retention.purge
    action = Column(String(40), nullable=False)
    # What it was done to (e.g. "register:12", "ticket:AD-7K3F9Q"); never personal data.
    subject = Column(String(80), nullable=False, default="")
    # When it was done: investigations, and retention.
    at = Column(DateTime(timezone=True), default=utcnow)


class OutboundMessage(Base):
    """A text queued for a resident on SMS or Telegram; sent by a worker that retries."""

    __tablename__ = "outbound_messages"

    id = Column(Integer, primary_key=True)
    # twilio_sms / telegram: which provider sends it.
    channel = Column(String(20), nullable=False)
    # The inbound message (MessageSid, update_id) or advisor reply it answers, and its place in
    # that answer: unique together, so a replayed webhook can never queue (or send) it twice.
    source_id = Column(String(160), nullable=False)
    sequence = Column(Integer, nullable=False, default=0)
    # Keyed hash of the recipient: checked against opt-outs at the moment of sending.
    recipient_key = Column(String(64), nullable=False)
    # The phone number or chat id, needed to send and to retry; cleared once the message is final.
    recipient = Column(String(64), nullable=True)
    # What is sent; cleared with the recipient once final (the transcript lives in the tracker store).
    body = Column(Text, nullable=True)
    # Telegram inline keyboard (titles and payloads) to send with the text.
    buttons = Column(JSON, nullable=False, default=list)
    # queued < sending < sent < delivered; failed / undelivered / suppressed are final.
    status = Column(String(20), nullable=False, default="queued")
    # How many sends were tried, when the next may be, and the last error (no personal data).
    attempts = Column(Integer, nullable=False, default=0)
    next_attempt_at = Column(DateTime(timezone=True), default=utcnow)
    last_error = Column(String(300), nullable=True)
    # The provider's id (Twilio MessageSid), matched by delivery status callbacks.
    provider_id = Column(String(64), nullable=True, unique=True)
    created_at = Column(DateTime(timezone=True), default=utcnow)
    updated_at = Column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)

    __table_args__ = (
        UniqueConstraint("channel", "source_id", "sequence", name="uq_outbound_source"),
        Index("ix_outbound_due", "status", "next_attempt_at"),
        # Subject access and erasure find the texts sent to a resident.
        Index("ix_outbound_recipient", "recipient_key"),
    )


class SmsContact(Base):
    """Per phone number: whether they replied STOP, and the numbered options last offered."""

    __tablename__ = "sms_contacts"

    # Keyed hash of the E.164 number: opt-outs are honoured without storing the number.
    phone_key = Column(String(64), primary_key=True)
    # True after STOP (and the like) until START: nothing at all is sent while true.
    opted_out = Column(Boolean, nullable=False, default=False)
    # The payloads of the last "Reply 1 for ..." options, so a reply of "1" means that option.
    options = Column(JSON, nullable=False, default=list)
    updated_at = Column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)


class BulkySlot(Base):
    """How many bulky waste collections are booked on a day, against the crew's capacity."""

    __tablename__ = "bulky_slots"

    # One row per collection day; bookings take a place with a conditional UPDATE.
    collection_date = Column(Date, primary_key=True)
    # From bulky_waste.yml when the row was first needed.
    capacity = Column(Integer, nullable=False)
    # Never above capacity: the UPDATE only adds one while booked < capacity.
    booked = Column(Integer, nullable=False, default=0)

    __table_args__ = (
        CheckConstraint(
            "booked >= 0 AND booked <= capacity", name="ck_bulky_slots_within_capacity"
        ),
    )


class DigitalSessionSlot(Base):
    """Places taken in one assisted digital session, so a session is never overbooked."""

    __tablename__ = "digital_session_slots"

    id = Column(Integer, primary_key=True)
    # The venue's id in the council's venues.yml.
    venue_id = Column(String(40), nullable=False)
    # Local start time, "2026-11-24T10:00": the session a place is taken in.
    starts_at = Column(String(16), nullable=False)
    # Residents booked so far; raised only while below the venue's capacity (one UPDATE).
    booked = Column(Integer, nullable=False, default=0)

    __table_args__ = (UniqueConstraint("venue_id", "starts_at", name="uq_digital_session_slot"),)


class ScheduledJob(Base):
    """A daily job's lease: the one server process that claims today's run does it."""

    __tablename__ = "scheduled_jobs"

    # Which job (e.g. "retention"): one row each.
    name = Column(String(40), primary_key=True)
    # The day (UTC) it last ran: claimed with a conditional UPDATE, so it runs at most once a day.
    ran_on = Column(Date, nullable=True)
    # Which process claimed it (host and process id), to trace a run in the logs.
    holder = Column(String(80), nullable=False, default="")
    # When it was claimed.
    claimed_at = Column(DateTime(timezone=True), default=utcnow)


class RateLimitCounter(Base):
    """How often one limited thing happened in one time window, seen alike by every process."""

    __tablename__ = "rate_limit_counters"

    # Which limit counts here (webchat_message, webchat_session, sign_in_username ...).
    scope = Column(String(40), primary_key=True)
    # Keyed hash of whom the limit is for (a session, an address, a username): never in clear.
    key_hash = Column(String(64), primary_key=True)
    # Start of the window, in whole seconds since 1970 (UTC): one counter per window.
    window_start = Column(BigInteger, primary_key=True)
    # Events counted in the window; this window and the one before estimate the recent rate.
    hits = Column(Integer, nullable=False, default=0)
    # When the row can no longer be the current or the previous window: purged after it.
    expires_at = Column(BigInteger, nullable=False)

    __table_args__ = (Index("ix_rate_limit_expiry", "expires_at"),)


class AnalyticsEvent(Base):
    """One thing that happened in a conversation, for the council's insight; no personal data."""

    __tablename__ = "analytics_events"

    id = Column(Integer, primary_key=True)
    # When it happened: every insight figure is for a date range; retention counts from it.
    occurred_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)
    # What happened (see bot/records/insight_events.py): conversation_started, handoff, ...
    kind = Column(String(32), nullable=False)
    # Keyed hash of the conversation id (as on service requests): repeat contact, never identity.
    conversation_key = Column(String(64), nullable=False)
    # One transaction from start to its end, so a funnel follows each attempt (a random id).
    journey = Column(String(32), nullable=True)
    # webchat / twilio_sms / telegram: the channel filter and channel shift.
    channel = Column(String(20), nullable=False, default="unknown")
    # The transaction or topic (a service or intent name from our own data, never free text).
    service = Column(String(60), nullable=True)
    # The form question asked, or the one a resident left at.
    question = Column(String(60), nullable=True)
    # The question asked just before this one in the same transaction: where people leave is
    # then counted with grouped counts, without following each journey.
    previous_question = Column(String(60), nullable=True)
    # How sure the assistant was of an intent: high / medium / low (never the message).
    band = Column(String(8), nullable=True)
    # Handoff reason and priority, and how an advisor closed a ticket (fixed kinds only).
    reason = Column(String(40), nullable=True)
    priority = Column(String(20), nullable=True)
    outcome = Column(String(40), nullable=True)
    # Seconds a resident waited until an advisor claimed their ticket.
    wait_seconds = Column(Integer, nullable=True)
    # A message the assistant could not place, with postcodes, numbers, emails and phones masked,
    # so the council can improve its training data.
    masked_text = Column(String(300), nullable=True)
    # On the extra support register, or acting for someone: flags for the filters, no identity.
    extra_support = Column(Boolean, nullable=False, default=False)
    acting_for = Column(Boolean, nullable=False, default=False)

    __table_args__ = (
        # Every page filters by kind and date range.
        Index("ix_analytics_kind_time", "kind", "occurred_at"),
        Index("ix_analytics_time", "occurred_at"),
        Index("ix_analytics_journey", "journey"),
        Index("ix_analytics_conversation", "conversation_key", "occurred_at"),
    )
