"""The subject access report: a plain, accessible HTML page for the resident, from the found records."""

from __future__ import annotations

from datetime import datetime, timezone
from html import escape
from typing import Any

CHANNEL_NAMES = {"webchat": "Web chat", "twilio_sms": "Text messages", "telegram": "Telegram"}
SPEAKERS = {"user": "You", "bot": "Assistant"}
AUDIT_ACTIONS = {
    "ticket.claim": "picked up your conversation",
    "ticket.close": "closed your conversation",
    "ticket.reply": "replied to you",
    "ticket.view": "read your conversation",
    "ticket.withdraw": "you withdrew your request for help",
    "register.add": "added you to the extra support register",
    "register.remove": "took you off the extra support register",
    "sar.export": "gave you a copy of your information",
}
STATUS_WORDS = {
    "received": "received",
    "in_progress": "being dealt with",
    "completed": "done",
    "cancelled": "cancelled",
    "open": "waiting for an advisor",
    "claimed": "with an advisor",
    "closed": "finished",
    "withdrawn": "withdrawn by you",
}

_STYLE = """
body { font-family: Arial, sans-serif; font-size: 1.1rem; line-height: 1.5; max-width: 46rem;
       margin: 1rem auto; padding: 0 1rem; color: #0b0c0c; }
h1, h2, h3 { line-height: 1.25; }
table { border-collapse: collapse; width: 100%; margin-bottom: 1.5rem; }
th, td { text-align: left; vertical-align: top; border-bottom: 1px solid #b1b4b6; padding: 0.4rem; }
caption { text-align: left; font-weight: bold; padding-bottom: 0.3rem; }
"""


def _when(value: Any) -> str:
    if value in (None, ""):
        return ""
    if isinstance(value, int | float):
        moment = datetime.fromtimestamp(value, tz=timezone.utc)
    else:
        try:
            moment = datetime.fromisoformat(str(value))
        except ValueError:
            return escape(str(value))
    if len(str(value)) == 10:  # a date alone
        return f"{moment.day} {moment:%B %Y}"
    return f"{moment.day} {moment:%B %Y at %H:%M}"


def _table(caption: str, headings: list[str], rows: list[list[str]]) -> str:
    head = "".join(f'<th scope="col">{escape(h)}</th>' for h in headings)
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return f"<table><caption>{escape(caption)}</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _conversation(number: int, conversation: dict[str, Any]) -> str:
    channel = CHANNEL_NAMES.get(conversation["channel"], "Messages")
    rows = []
    for event in conversation["events"]:
        speaker = SPEAKERS.get(event.get("event", ""))
        text = event.get("text")
        if speaker and text:
            rows.append([_when(event.get("timestamp")), escape(speaker), escape(str(text))])
    if not rows:
        return ""
    return f"<h3>Conversation {number}: {escape(channel)}</h3>" + _table(
        f"Messages in conversation {number}", ["When", "Who", "Message"], rows
    )


def _details(details: dict[str, Any]) -> str:
    return "<br>".join(
        f"{escape(str(key).replace('_', ' ').capitalize())}: {escape(str(value))}"
        for key, value in (details or {}).items()
    )


def render_report(
    records: dict[str, list[dict[str, Any]]],
    *,
    council_name: str,
    service_names: dict[str, str],
    retention_lines: list[tuple[str, str, str]],
    generated_at: datetime,
) -> str:
    """The HTML page: what we hold about you, in plain English, section by section."""
    parts = [
        f"<h1>The information {escape(council_name)} holds about you</h1>",
        f"<p>This is a copy of everything our online assistant holds about you, made on"
        f" {_when(generated_at.isoformat())}. It covers web chat and text messages, requests"
        " you made, and conversations with our advisors. The file <code>records.json</code>"
        " next to this page holds the same information for computers.</p>",
    ]
    conversations = records.get("conversations", [])
    parts.append("<h2>Your conversations</h2>")
    shown = [_conversation(n, c) for n, c in enumerate(conversations, start=1)]
    parts.extend(s for s in shown if s)
    if not any(shown):
        parts.append("<p>We hold no conversations with you.</p>")
    requests = records.get("service_requests", [])
    parts.append("<h2>Your requests</h2>")
    if requests:
        rows = [
            [
                escape(r["reference"]),
                escape(service_names.get(r["service"], r["service"])),
                escape(STATUS_WORDS.get(r["status"], r["status"])),
                escape(f"{r['address']}, {r['postcode']}"),
                _when(r.get("created_at")),
                _details(r.get("details") or {}),
            ]
            for r in requests
        ]
        parts.append(
            _table(
                "Requests", ["Reference", "What", "Status", "Address", "Made on", "Details"], rows
            )
        )
    else:
        parts.append("<p>We hold no requests from you.</p>")
    tickets = records.get("handoff_tickets", [])
    parts.append("<h2>Conversations passed to an advisor</h2>")
    if tickets:
        rows = [
            [
                escape(t["reference"]),
                _when(t.get("created_at")),
                escape(t["reason"]),
                escape(t.get("summary") or ""),
                escape(STATUS_WORDS.get(t["status"], t["status"])),
                escape(t.get("outcome") or ""),
            ]
            for t in tickets
        ]
        parts.append(
            _table(
                "Advisor tickets",
                ["Reference", "When", "Why", "What you told us", "Status", "Outcome"],
                rows,
            )
        )
    else:
        parts.append("<p>None of your conversations were passed to an advisor.</p>")
    texts = records.get("outbound_messages", [])
    if texts:
        parts.append("<h2>Texts we sent you</h2>")
        rows = [
            [_when(m.get("created_at")), escape(m.get("body") or "(text removed once sent)"),
             escape(m["status"])]
            for m in texts
        ]  # fmt: skip
        parts.append(_table("Texts", ["When", "Text", "Delivery"], rows))
    contacts = records.get("sms_contacts", [])
    if any(c.get("opted_out") for c in contacts):
        parts.append(
            "<p>You asked us not to send you texts (you replied STOP). We keep that so we never"
            " text you again unless you reply START.</p>"
        )
    register = records.get("support_register", [])
    if register:
        parts.append("<h2>Extra support register</h2>")
        rows = [
            [escape(r["label"]), escape(r["reason"]), _when(r.get("created_at"))] for r in register
        ]
        parts.append(_table("Your entry", ["Name shown to advisors", "Why", "Added on"], rows))
    steps = records.get("analytics_events", [])
    if steps:
        parts.append(
            f"<p>We also keep {len(steps)} short notes of what happened in your conversations"
            " (for example, that a request was started or finished), without your name or your"
            " words, to see where our service works and where it doesn't.</p>"
        )
    audit = records.get("audit_events", [])
    parts.append("<h2>Who has looked at or changed your records</h2>")
    if audit:
        rows = [
            [
                _when(a.get("at")),
                escape(a["actor"]),
                escape(AUDIT_ACTIONS.get(a["action"], a["action"])),
            ]
            for a in audit
        ]
        parts.append(_table("Access to your records", ["When", "Who", "What they did"], rows))
    else:
        parts.append("<p>No member of staff has opened your records.</p>")
    parts.append("<h2>How long we keep it</h2>")
    parts.append(
        _table(
            "How long each kind of record is kept",
            ["Record", "Kept for", "Why"],
            [[escape(a), escape(b), escape(c)] for a, b, c in retention_lines],
        )
    )
    parts.append(
        "<h2>Your rights</h2><p>You can ask us to correct anything that is wrong, or to delete"
        " your information where we do not need to keep it. If you are unhappy with how we"
        " have used your information, you can complain to the Information Commissioner's"
        ' Office at <a href="https://ico.org.uk/make-a-complaint/">ico.org.uk</a>.</p>'
    )
    body = "\n".join(parts)
    return (
        '<!DOCTYPE html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>Your information: {escape(council_name)}</title>\n<style>{_STYLE}</style>\n"
        f"</head>\n<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n"
    )
