"""Legal holds: an open ticket or a safeguarding case keeps a conversation's records."""

from __future__ import annotations

from bot.privacy import sender_key
from bot.records.legal_holds import HeldKeys
from bot.records.outbound import phone_key
from bot.storage.engine import get_engine
from tests.support.records_seed import Seeder, ago

SINCE = ago(6 * 365)


def _held() -> HeldKeys:
    with get_engine().connect() as connection:
        return HeldKeys(connection, SINCE)


def test_open_and_claimed_tickets_hold_their_conversations(database_url):
    seed = Seeder()
    seed.ticket(sender_id="waiting", days_ago=900, status="open")
    seed.ticket(sender_id="with-advisor", days_ago=900, status="claimed")
    seed.ticket(sender_id="done", days_ago=900)

    assert _held().conversations == ["waiting", "with-advisor"]


def test_an_urgent_ticket_is_a_safeguarding_case_for_its_hold_period_unless_withdrawn(database_url):
    seed = Seeder()
    seed.ticket(sender_id="crisis", days_ago=2000, priority="urgent")
    seed.ticket(sender_id="old-crisis", days_ago=2300, priority="urgent")
    seed.ticket(sender_id="false-alarm", days_ago=10, priority="urgent", status="withdrawn")
    seed.ticket(sender_id="complaint", days_ago=10, priority="high")

    assert _held().conversations == ["crisis"]


def test_held_conversations_are_also_known_by_the_hashes_other_tables_store(database_url):
    Seeder().ticket(sender_id="+447700900123", days_ago=1, status="open", channel="twilio_sms")

    held = _held()

    assert held.sender_keys == [sender_key("+447700900123")]
    assert held.recipient_keys == [phone_key("+447700900123")]
