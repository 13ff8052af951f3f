"""The webchat renderer folds list replies for the widget; the text itself is unchanged (channels/webchat/render.py)."""

from __future__ import annotations

from datetime import datetime, timezone

from channels.sms_render import to_gsm
from channels.webchat.render import compact_list, message_json
from channels.webchat.store import ChatMessage

VENUES = (
    "The nearest places to PL1 2JT:\n\n"
    "Central Library (0.4 miles away)\nOffers: computers, WiFi.\nOpen today 9am to 5pm.\n"
    "Drake Circus, PL4 8AL. Phone 01632 960100.\n\n"
    "St Budeaux Library (2.1 miles away)\nOffers: computers.\nOpen today 10am to 4pm.\n"
    "Victoria Road, PL5 1RL. Phone 01632 960101.\n\n"
    "Plympton Library (4.8 miles away)\nOffers: WiFi.\nClosed today.\n"
    "Harewood, PL7 2AS. Phone 01632 960102.\n\n"
    "Some of these have free sessions where a helper sits with you. I can book one."
)


def _message(text: str, sender: str = "bot") -> ChatMessage:
    return ChatMessage(7, sender, text, [], datetime(2026, 12, 3, tzinfo=timezone.utc))


def test_a_venue_list_is_folded_nearest_first_with_the_note_after_it() -> None:
    folded = compact_list(VENUES)

    assert folded is not None
    assert folded["intro"] == "The nearest places to PL1 2JT:"
    assert [item.split(" (")[0] for item in folded["items"]] == [
        "Central Library",
        "St Budeaux Library",
        "Plympton Library",
    ]
    assert folded["after"] == [
        "Some of these have free sessions where a helper sits with you. I can book one."
    ]


def test_ordinary_replies_are_not_lists() -> None:
    assert compact_list("Which bin was missed?") is None
    assert compact_list("Here you go:\n\nOne line only.\n\nAnother line.") is None
    assert compact_list("No colon\n\nA\nB\n\nC\nD") is None


def test_the_widget_gets_the_full_text_and_the_folded_list_and_sms_keeps_its_own_form() -> None:
    data = message_json(_message(VENUES))
    assert data["text"] == VENUES and len(data["list"]["items"]) == 3
    assert "list" not in message_json(_message(VENUES, sender="resident"))
    assert "Plympton Library" in to_gsm(VENUES)  # the SMS renderer sees the unchanged text
