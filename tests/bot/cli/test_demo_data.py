"""`councilbot demo-data`: scripted residents through the real servers, their records spread over the days asked."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from bot.cli.demo_data import channels_available, move_back, play
from bot.records import insight_events as ev
from bot.settings import Settings
from bot.storage.engine import session_scope
from bot.storage.models import AnalyticsEvent, utcnow


def test_sms_and_telegram_are_only_used_when_no_real_phone_or_chat_can_be_reached():
    plain = channels_available(Settings())
    assert plain["webchat"] == "" and plain["twilio_sms"].startswith("skipped")
    real = Settings(twilio_account_sid="AC1", twilio_auth_token="t" * 32, sms_provider="twilio")
    assert channels_available(real)["twilio_sms"].startswith("skipped")
    logged = Settings(twilio_account_sid="AC1", twilio_auth_token="t" * 32, sms_provider="log")
    assert channels_available(logged)["twilio_sms"] == ""


def test_moving_a_demo_conversation_back_leaves_every_other_conversation_alone(sqlite_url):
    began = utcnow() - timedelta(seconds=1)
    ev.record(ev.CONVERSATION_STARTED, "demo-1", channel="webchat")
    ev.record(ev.CONVERSATION_STARTED, "resident-1", channel="webchat")
    move_back("demo-1", began, timedelta(days=3))
    with session_scope() as session:
        rows = (
            session.execute(select(AnalyticsEvent.occurred_at).order_by(AnalyticsEvent.id))
            .scalars()
            .all()
        )
    moved, kept = rows
    assert timedelta(days=2, hours=23) < kept - moved < timedelta(days=3, hours=1)


@pytest.mark.e2e
@pytest.mark.model
def test_a_few_days_of_demo_conversations_fill_insight_on_every_day(live_servers, monkeypatch):
    from tests.conftest import reset_cached_state

    monkeypatch.setenv("DATABASE_URL", live_servers.database_url)
    reset_cached_state()
    played = play(live_servers.settings, days=3, per_day=2)
    assert len(played) == 6
    with session_scope() as session:
        days = session.execute(
            select(func.count(func.distinct(func.date(AnalyticsEvent.occurred_at)))).where(
                AnalyticsEvent.kind == ev.CONVERSATION_STARTED,
                AnalyticsEvent.occurred_at < utcnow() - timedelta(hours=1),
            )
        ).scalar()
    assert days >= 2  # spread back over the days asked (some may share a date across midnight)


def test_demo_bin_orders_are_for_houses_of_their_own_within_the_street(sqlite_url):
    """Never the street's first house, which a resident's own order may use the same day."""
    from bot.cli.demo_data import demo_house_number, demo_street

    street = demo_street()
    numbers = {demo_house_number(street) for _ in range(200)}
    assert street.first_number not in numbers
    assert all(street.covers(n) for n in numbers)
    assert len(numbers) > 1
