"""The pipeline component that records who a resident is asking for, as an `acting_for` entity (bot/nlu/advocate_extractor.py)."""

from __future__ import annotations

from rasa.shared.nlu.training_data.message import Message

from bot.nlu.advocate_extractor import ENTITY, AdvocateExtractor

FOR_DAD = "my dad's bin wasn't emptied"


def test_a_message_for_someone_else_gets_an_acting_for_entity_beside_the_others():
    other = {"entity": "bin_type", "value": "general", "start": 0, "end": 3}
    message = Message(data={"text": FOR_DAD, "entities": [other]})

    AdvocateExtractor().process([message])

    entities = message.get("entities")
    assert entities[0] == other
    assert (entities[1]["entity"], entities[1]["value"]) == (ENTITY, "their dad")


def test_a_message_about_the_resident_themself_gets_no_entity():
    message = Message(data={"text": "my bin wasn't emptied"})
    AdvocateExtractor().process([message])
    assert not message.get("entities")


def test_a_button_payload_is_never_read_for_a_relative():
    message = Message(data={"text": "/report_missed_bin"})
    AdvocateExtractor().process([message])
    assert not message.get("entities")
