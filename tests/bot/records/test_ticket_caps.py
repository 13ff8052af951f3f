"""Caps on new advisor tickets per conversation and per client address (bot/records/ticket_caps.py)."""

from __future__ import annotations

from sqlalchemy import select

from bot.records.rate_limits import client_key
from bot.records.ticket_caps import CapReached, TicketCaps
from bot.storage.engine import session_scope
from bot.storage.models import AuditEvent


def test_a_conversation_may_raise_three_new_tickets_a_day(database_url):
    caps = TicketCaps()

    assert [caps.take("chat-1", None) for _ in range(3)] == [None] * 3
    assert caps.take("chat-1", None) is CapReached.CONVERSATION
    assert caps.take("chat-2", None) is None


def test_conversations_from_one_address_may_raise_ten_new_tickets_an_hour(database_url):
    caps, address = TicketCaps(), client_key("203.0.113.7")

    assert [caps.take(f"chat-{n}", address) for n in range(10)] == [None] * 10
    assert caps.take("chat-10", address) is CapReached.ADDRESS
    assert caps.take("chat-11", client_key("198.51.100.1")) is None


def test_a_ticket_refused_by_the_address_cap_does_not_use_up_the_conversations_places(
    database_url, monkeypatch
):
    monkeypatch.setenv("TICKETS_PER_ADDRESS_PER_HOUR", "1")
    from bot.settings import get_settings

    get_settings.cache_clear()
    caps = TicketCaps()
    address = client_key("203.0.113.7")
    assert caps.take("other-chat", address) is None
    for _ in range(5):
        assert caps.take("chat-1", address) is CapReached.ADDRESS

    assert [caps.take("chat-1", None) for _ in range(3)] == [None] * 3


def test_a_ticket_not_raised_is_recorded_for_the_council_without_identifiers(database_url):
    TicketCaps.record_refusal("address", "domestic_abuse", "urgent")

    with session_scope() as session:
        [event] = session.execute(select(AuditEvent)).scalars().all()
        assert (event.actor, event.action) == ("assistant", "ticket.not_raised")
        assert event.subject == "address:urgent:domestic_abuse"
