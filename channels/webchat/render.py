"""The webchat renderer: a list reply (e.g. nearby venues) also goes out as parts the widget folds."""

from __future__ import annotations

from typing import Any

from channels.webchat.store import ChatMessage

#: Lists shorter than this are shown as they are.
MIN_ITEMS = 2


def compact_list(text: str) -> dict[str, Any] | None:
    """An intro ending in ':' then items of two or more lines each, then any notes; else None.

    The assistant's list replies (venues, for one) are written this way for every channel; SMS
    and Telegram send the text as it is, the widget shows the first item and a "Show more"."""
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    if len(paragraphs) < 1 + MIN_ITEMS or not paragraphs[0].endswith(":"):
        return None
    items: list[str] = []
    for paragraph in paragraphs[1:]:
        if "\n" not in paragraph:
            break
        items.append(paragraph)
    if len(items) < MIN_ITEMS:
        return None
    return {"intro": paragraphs[0], "items": items, "after": paragraphs[1 + len(items) :]}


def message_json(message: ChatMessage) -> dict[str, Any]:
    """The message as the widget reads it; the full text stays for the transcript and console."""
    data = message.as_json()
    if message.sender in {"bot", "advisor"}:
        folded = compact_list(message.text)
        if folded:
            data["list"] = folded
    return data
