"""Analytics events hold no personal data, flag extra support, and never break a turn."""

from __future__ import annotations

import pytest
from sqlalchemy import select, text

from bot.privacy import sender_key
from bot.records import insight_events as ev
from bot.records.support_register import SupportRegister
from bot.storage.engine import get_engine, session_scope
from bot.storage.models import AnalyticsEvent


def _rows() -> list[AnalyticsEvent]:
    with session_scope() as session:
        return list(session.execute(select(AnalyticsEvent).order_by(AnalyticsEvent.id)).scalars())


@pytest.mark.parametrize(
    ("confidence", "band"),
    [(0.95, "high"), (0.8, "high"), (0.79, "medium"), (0.5, "medium"), (0.2, "low"), (None, "low")],
)
def test_a_confidence_becomes_a_band(confidence, band):
    assert ev.confidence_band(confidence) == band


def test_an_event_keeps_the_keyed_hash_and_flags_a_registered_resident(database_url):
    SupportRegister().register(
        ["phone:+447700900123"], label="Ann (…123)", reason="cannot get online", added_by="advisor"
    )
    ev.record(
        ev.HANDOFF, "+447700900123", channel="twilio_sms", priority="urgent", reason="safety rule"
    )
    ev.record(ev.HANDOFF, "web-abc", channel="webchat", acting_for=True, priority="normal")
    first, second = _rows()
    assert first.conversation_key == sender_key("+447700900123")
    assert "+447700900123" not in first.conversation_key
    assert (first.extra_support, first.acting_for) == (True, False)
    assert (second.extra_support, second.acting_for) == (False, True)


def test_a_message_not_understood_is_stored_with_personal_details_masked(database_url):
    ev.record(
        ev.NOT_UNDERSTOOD,
        "web-1",
        channel="webchat",
        masked_text="my  email is ann@example.com and I live at PL1 2AB, 07700 900123",
    )
    (row,) = _rows()
    assert row.masked_text == "my email is [email] and I live at [postcode], [phone]"


def test_an_unknown_field_is_refused_so_nothing_personal_slips_in():
    with pytest.raises(TypeError):
        ev.build(ev.HANDOFF, "web-1", channel="webchat", postcode="PL1 2AB")


def test_recording_never_raises_when_the_table_is_missing(sqlite_url):
    with get_engine().begin() as connection:
        connection.execute(text("DROP TABLE analytics_events"))
    ev.record(ev.VENUE_SEARCH, "web-1", channel="webchat")  # logged, not raised
