"""The resident's HTML report: plain British English, accessible tables, their words shown safely."""

from __future__ import annotations

from datetime import datetime, timezone

from bot.records.sar_report import render_report

MADE = datetime(2026, 12, 3, 12, 0, tzinfo=timezone.utc)


def _render(records):
    return render_report(
        records,
        council_name="Example Borough Council",
        service_names={"missed_bin": "Report a missed bin collection"},
        retention_lines=[("Conversations", "90 days", "So advisors can see what you said.")],
        generated_at=MADE,
    )


def test_a_conversation_is_shown_message_by_message_with_what_the_resident_typed_escaped():
    html = _render(
        {
            "conversations": [
                {
                    "conversation_id": "s1",
                    "channel": "webchat",
                    "events": [
                        {"event": "user", "timestamp": MADE.timestamp(), "text": "<b>bin</b>"},
                        {"event": "bot", "timestamp": MADE.timestamp(), "text": "Sorry!"},
                        {"event": "action", "name": "action_listen"},
                    ],
                }
            ]
        }
    )
    assert "Conversation 1: Web chat" in html
    assert "&lt;b&gt;bin&lt;/b&gt;" in html and "<b>bin</b>" not in html
    assert "<td>You</td>" in html and "<td>Assistant</td>" in html
    assert "3 December 2026 at 12:00" in html
    assert "action_listen" not in html


def test_requests_use_the_service_name_and_plain_status_words():
    html = _render(
        {
            "service_requests": [
                {
                    "reference": "MB-7K3F9Q", "service": "missed_bin", "status": "in_progress",
                    "address": "12 Tamar Road", "postcode": "PL1 1AA",
                    "created_at": MADE.isoformat(), "details": {"bin_type": "black"},
                }
            ]
        }
    )  # fmt: skip
    assert "Report a missed bin collection" in html and "being dealt with" in html
    assert "Bin type: black" in html
    assert '<th scope="col">Reference</th>' in html


def test_an_empty_export_says_plainly_that_nothing_is_held():
    html = _render({})
    assert '<html lang="en-GB">' in html
    assert "We hold no conversations with you." in html
    assert "No member of staff has opened your records." in html
    assert "90 days" in html and "ico.org.uk" in html
