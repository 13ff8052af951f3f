"""The data map: every stored field, why it is kept (the comment above it in models.py) and for how long."""

from __future__ import annotations

import inspect
import re
from dataclasses import dataclass

from bot.council.privacy import RetentionSchedule
from bot.storage import models

_COLUMN = re.compile(r"^\s+(\w+) = Column\(")
_COMMENT = re.compile(r"^\s+# ?(.*)$")

#: Reasons for the columns most tables have, where no comment says more.
COMMON_REASONS = {
    "id": "Row number: links records to each other; means nothing on its own.",
    "created_at": "When the record was made: needed to apply the retention schedule.",
    "updated_at": "When it last changed: status checks and the retention schedule.",
}

#: Rasa's own events table (made by its SQL tracker store, not by our models).
RASA_EVENTS = (
    ("id", "Row number, in the order events happened."),
    ("sender_id", "The conversation: the phone number for texts, the session id for webchat, the chat id for Telegram."),
    ("type_name", "What happened (a message, a reply, an action, a form value)."),
    ("timestamp", "When it happened: the assistant replays the conversation in order, and retention counts from the last one."),
    ("intent_name", "What the assistant understood, to learn where it goes wrong."),
    ("action_name", "What the assistant did next."),
    ("data", "The event itself, including the resident's message and the answers they gave: the transcript advisors read."),
)  # fmt: skip

#: Which line of the council's retention schedule each table follows.
TABLE_RETENTION = {
    "events": "conversations",
    "webchat_sessions": "conversations",
    "webchat_messages": "conversations",
    "service_requests": "service_requests",
    "handoff_tickets": "tickets",
    "support_register": "support_register",
    "audit_events": "audit_events",
    "outbound_messages": "outbound_messages",
    "message_receipts": "message_receipts",
    "sms_contacts": "sms_contacts",
    "analytics_events": "analytics_events",
}

#: Tables outside the schedule, and how long their rows last.
OTHER_RETENTION = {
    "advisors": "While the advisor works for the council; switched off, not deleted, so closed tickets still say who handled them.",
    "advisor_sessions": "Until the advisor signs out or the session expires (hours).",
    "conversation_locks": "Seconds: only while a message is being answered.",
    "bulky_slots": "No personal data: a count of bookings per day.",
    "digital_session_slots": "No personal data: a count of places per session.",
    "scheduled_jobs": "No personal data: one row per daily job.",
    "rate_limit_counters": "Minutes: a window is deleted once it can no longer count towards a limit.",
}


@dataclass(frozen=True)
class Field:
    """One stored field: where it is, why it is kept and for how long."""

    table: str
    column: str
    reason: str
    retention: str


def column_reasons(model: type) -> dict[str, str]:
    """Each column's reason: the comment above it, shared by the columns that follow it until
    the next comment (or a blank line); COMMON_REASONS where nothing is said."""
    reasons: dict[str, str] = {}
    comment: list[str] = []
    current = ""
    for line in inspect.getsource(model).splitlines():
        found = _COMMENT.match(line)
        if found:
            comment.append(found.group(1).strip())
            continue
        column = _COLUMN.match(line)
        if column:
            name = column.group(1)
            if comment:
                current = " ".join(comment)
            elif name in COMMON_REASONS:
                current = ""
            reasons[name] = current or COMMON_REASONS.get(name, "")
        elif not line.strip():
            current = ""
        comment = []
    return reasons


def _retention_text(table: str, schedule: RetentionSchedule | None) -> str:
    kind = TABLE_RETENTION.get(table)
    if kind is None:
        return OTHER_RETENTION.get(table, "")
    if schedule is None:
        return "No retention schedule (privacy.yml is missing)."
    line = schedule.period(kind)
    text = f"{line.period} ({kind.replace('_', ' ')})"
    if kind == "service_requests":
        longer = [f"{key}: {p.period}" for key, p in schedule.service_requests.services.items()]
        text += f"; {', '.join(longer)}" if longer else ""
    if table in (
        "events",
        "webchat_sessions",
        "webchat_messages",
        "service_requests",
        "handoff_tickets",
    ):
        text += "; kept longer under a legal hold"
    return text


def data_map(schedule: RetentionSchedule | None) -> list[Field]:
    """Every field of our tables and of Rasa's events table."""
    fields: list[Field] = []
    mapped = sorted(models.Base.registry.mappers, key=lambda m: m.class_.__tablename__)
    for mapper in mapped:
        model = mapper.class_
        table = model.__tablename__
        reasons = column_reasons(model)
        for column in model.__table__.columns:
            fields.append(
                Field(
                    table,
                    column.name,
                    reasons.get(column.name, ""),
                    _retention_text(table, schedule),
                )
            )
    retention = _retention_text("events", schedule)
    fields.extend(Field("events (Rasa)", name, reason, retention) for name, reason in RASA_EVENTS)
    return fields


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def data_map_markdown(schedule: RetentionSchedule | None) -> str:
    """The data map as a Markdown table (a council can paste it into its DPIA)."""
    lines = ["| Table | Field | Why it is kept | How long |", "|---|---|---|---|"]
    previous = ""
    for field in data_map(schedule):
        table = f"`{field.table}`" if field.table != previous else ""
        retention = field.retention if field.table != previous else ""
        lines.append(f"| {table} | `{field.column}` | {_cell(field.reason)} | {_cell(retention)} |")
        previous = field.table
    return "\n".join(lines) + "\n"
