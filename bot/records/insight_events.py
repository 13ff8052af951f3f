"""Analytics events: what happened in each conversation, for the council's insight (no personal data).

Each event is written where it happens (the tracker store for what Rasa decided, the ticket
queue, the actions, the channels). Writing one never breaks a resident's turn: any error is
logged (without personal data) and the turn goes on.
"""

from __future__ import annotations

import hashlib
import logging
from datetime import datetime
from typing import Any

from sqlalchemy import select

from bot.privacy import redact, sender_key
from bot.records.support_register import on_register
from bot.storage.engine import session_scope
from bot.storage.models import AnalyticsEvent, utcnow

logger = logging.getLogger(__name__)

# The kinds of event, and what each means (the insight pages count these).
CONVERSATION_STARTED = "conversation_started"  # a new Rasa session, on a channel
INTENT_RECOGNISED = "intent_recognised"  # an intent, with its confidence band
TRANSACTION_STARTED = "transaction_started"  # a form began
QUESTION_ASKED = "question_asked"  # a form asked one of its questions
TRANSACTION_COMPLETED = "transaction_completed"  # the form had every answer it needed
TRANSACTION_CANCELLED = "transaction_cancelled"  # the resident said stop
TRANSACTION_HANDED_OFF = "transaction_handed_off"  # a person took over in the middle
TRANSACTION_ABANDONED = "transaction_abandoned"  # the resident went on to something else
NOT_UNDERSTOOD = "not_understood"
TWO_STRIKES = "two_strikes"  # a second miss in a row: a person is offered
HANDOFF = "handoff"  # a ticket raised (reason, priority)
ADVISOR_CLAIMED = "advisor_claimed"  # with the wait in seconds
TICKET_CLOSED = "ticket_closed"  # with its outcome
CRISIS_DETECTED = "crisis_detected"
FALSE_ALARM_WITHDRAWN = "false_alarm_withdrawn"
SMS_OPT_OUT = "sms_opt_out"
VENUE_SEARCH = "venue_search"
HELPER_SESSION_BOOKED = "helper_session_booked"

KINDS = (
    CONVERSATION_STARTED,
    INTENT_RECOGNISED,
    TRANSACTION_STARTED,
    QUESTION_ASKED,
    TRANSACTION_COMPLETED,
    TRANSACTION_CANCELLED,
    TRANSACTION_HANDED_OFF,
    TRANSACTION_ABANDONED,
    NOT_UNDERSTOOD,
    TWO_STRIKES,
    HANDOFF,
    ADVISOR_CLAIMED,
    TICKET_CLOSED,
    CRISIS_DETECTED,
    FALSE_ALARM_WITHDRAWN,
    SMS_OPT_OUT,
    VENUE_SEARCH,
    HELPER_SESSION_BOOKED,
)

#: A transaction ends with one of these; one with none is abandoned at its last question.
TRANSACTION_ENDINGS = (
    TRANSACTION_COMPLETED,
    TRANSACTION_CANCELLED,
    TRANSACTION_HANDED_OFF,
    TRANSACTION_ABANDONED,
)

_FIELDS = frozenset(
    {
        "journey",
        "service",
        "question",
        "previous_question",
        "band",
        "reason",
        "priority",
        "outcome",
        "wait_seconds",
    }
)


def confidence_band(confidence: float | None) -> str:
    """high (0.8 and over), medium (0.5 to 0.8) or low: what the council needs, not the number."""
    value = float(confidence or 0.0)
    if value >= 0.8:
        return "high"
    if value >= 0.5:
        return "medium"
    return "low"


def journey_id(sender_id: str, form: str, started: float | str) -> str:
    """One transaction attempt's id, the same wherever it is worked out (the form's start event)."""
    raw = f"{sender_key(sender_id)}:{form}:{started}"
    return hashlib.sha256(raw.encode()).hexdigest()[:32]


def masked(text: str) -> str:
    """A resident's message with personal details masked (the project's log redaction), cut short."""
    return redact(" ".join(text.split()))[:300]


def build(
    kind: str,
    sender_id: str,
    *,
    channel: str | None,
    occurred_at: datetime | None = None,
    acting_for: bool = False,
    masked_text: str | None = None,
    **fields: Any,
) -> dict[str, Any]:
    """One event's row; unknown fields are a programming error."""
    unknown = set(fields) - _FIELDS
    if unknown:
        raise TypeError(f"unknown analytics fields: {sorted(unknown)}")
    row = {
        "kind": kind,
        "occurred_at": occurred_at or utcnow(),
        "conversation_key": sender_key(sender_id),
        "channel": (channel or "unknown")[:20],
        "acting_for": bool(acting_for),
        "masked_text": masked(masked_text) if masked_text else None,
    }
    for name, value in fields.items():
        if isinstance(value, str):
            value = value[:60]
        row[name] = value
    return row


class InsightEvents:
    """Writes analytics events; a failure is logged and swallowed, never the resident's problem."""

    def __init__(self, database_url: str | None = None) -> None:
        self._url = database_url

    def record(self, kind: str, sender_id: str, *, channel: str | None, **fields: Any) -> None:
        """Write one event (see build for the fields)."""
        self.record_many(sender_id, channel, [build(kind, sender_id, channel=channel, **fields)])

    def record_many(self, sender_id: str, channel: str | None, rows: list[dict[str, Any]]) -> None:
        """Write a turn's events together, each flagged if the resident is on the register."""
        if not rows:
            return
        try:
            with session_scope(self._url) as session:
                registered = bool(
                    session.execute(select(on_register(channel or "unknown", sender_id))).scalar()
                )
                for row in rows:
                    session.add(AnalyticsEvent(**row, extra_support=registered))
        except Exception:  # insight must never break a resident's turn
            logger.exception("insight: could not record %d event(s)", len(rows))


_default = InsightEvents()


def record(kind: str, sender_id: str, *, channel: str | None, **fields: Any) -> None:
    """Write one event with the configured database; never raises."""
    try:
        _default.record(kind, sender_id, channel=channel, **fields)
    except Exception:
        logger.exception("insight: could not record a %s event", kind)


def record_many(sender_id: str, channel: str | None, rows: list[dict[str, Any]]) -> None:
    """Write several events with the configured database; never raises."""
    _default.record_many(sender_id, channel, rows)
