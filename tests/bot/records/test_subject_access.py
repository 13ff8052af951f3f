"""Finding a resident's records: from what they give us, through each table's link, never by postcode."""

from __future__ import annotations

from bot.records.subject_access import Identifiers, find
from bot.storage.engine import get_engine
from tests.support.records_seed import Seeder


def _find(given: Identifiers):
    with get_engine().connect() as connection:
        return find(connection, given)


def test_a_phone_number_is_read_however_it_was_written():
    given = Identifiers(phones=("07700 900123",))
    assert given.phone_numbers() == ["+447700900123"]
    assert set(given.phone_spellings()) == {"+447700900123", "07700 900123", "07700900123"}


def test_a_number_typed_in_someone_elses_conversation_does_not_make_it_theirs(database_url):
    seed = Seeder()
    seed.conversation("neighbour-chat", ["the man at number 12 (07700 900123) is noisy"], 1)
    seed.ticket(sender_id="neighbour-chat", days_ago=1, summary="Noise from 07700 900123")

    found = _find(Identifiers(phones=("07700 900123",)))

    assert "neighbour-chat" not in found.conversations
    assert found.of("handoff_tickets") == []


def test_a_contact_number_given_in_a_form_links_that_request_and_its_conversation(database_url):
    seed = Seeder()
    seed.conversation("library-chat", ["my boiler is broken"], 1)
    reference = seed.request(
        service="housing_repair", sender_id="library-chat", days_ago=1,
        details={"phone": "07700 900123"},
    )  # fmt: skip

    found = _find(Identifiers(phones=("+447700900123",)))

    assert found.of("service_requests") == [reference]
    assert found.conversations["library-chat"] == "webchat"


def test_the_same_postcode_finds_nothing(database_url):
    Seeder().request(service="missed_bin", sender_id="someone", days_ago=1, postcode="PL1 1AA")

    found = _find(Identifiers(emails=("PL1 1AA",), references=("PL1 1AA",)))

    assert found.of("service_requests") == []
