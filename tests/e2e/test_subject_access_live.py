"""Subject access and erasure against the real servers: a resident chats on webchat and by text,
a neighbour with the same postcode chats too; the export holds only the first, and after erasure
the first is forgotten even by the running servers while the neighbour carries on."""

from __future__ import annotations

import json
import zipfile

import pytest
import requests

from bot.records.sar import erase_subject, export
from bot.records.subject_access import Identifiers
from tests.e2e.test_sms_conversations import (  # noqa: F401  (module fixtures)
    SmsResident,
    sms_servers,
    telegram_fake,
    twilio_fake,
)
from tests.e2e.webchat_client import WebchatClient, texts

pytestmark = [pytest.mark.e2e, pytest.mark.model]
POSTCODE = "PL1 2AA"


def _export(servers, given: Identifiers, path) -> str:
    export(given, path, actor="ig-officer", database_url=servers.database_url)
    with zipfile.ZipFile(path) as archive:
        return archive.read("records.json").decode() + archive.read("report.html").decode()


def test_the_export_and_erasure_cover_one_resident_on_every_channel_and_no_one_else(
    sms_servers,  # noqa: F811
    twilio_fake,  # noqa: F811
    tmp_path,
):
    alex_chat = WebchatClient(sms_servers.webchat)
    alex_chat.send("Alex here, my bin wasn't collected")
    alex_chat.send(POSTCODE)
    alex_text = SmsResident(sms_servers, twilio_fake)
    alex_text.send("Alex again, when is my bin day")
    blake_chat = WebchatClient(sms_servers.webchat)
    blake_chat.send("Blake next door, my bin wasn't collected either")
    blake_chat.send(POSTCODE)
    alex = Identifiers(phones=(alex_text.number,), webchat_sessions=(alex_chat.session_id,))

    everything = _export(sms_servers, alex, tmp_path / "alex.zip")

    assert "Alex here, my bin wasn&#x27;t collected" in everything
    assert "Alex again, when is my bin day" in everything
    assert "Blake" not in everything and blake_chat.session_id not in everything
    assert json.loads(everything.split("<!DOCTYPE")[0])["records"]["webchat_sessions"]

    report = erase_subject(alex, actor="ig-officer", database_url=sms_servers.database_url)

    assert not report.refused and report.counts["conversations (tracker events)"] > 0
    gone = requests.get(
        f"{sms_servers.webchat}/messages", params={"session_id": alex_chat.session_id}, timeout=30
    )
    assert gone.status_code == 404  # the chat window says the chat has ended
    # Texting again starts afresh: the server's cached conversation is not written back.
    alex_text.send("hello")
    after = _export(sms_servers, Identifiers(phones=(alex_text.number,)), tmp_path / "after.zip")
    assert "hello" in after and "Alex again" not in after
    # The neighbour's conversation carries on.
    assert texts(blake_chat.send("thanks")) != ""
    neighbour = _export(
        sms_servers, Identifiers(webchat_sessions=(blake_chat.session_id,)), tmp_path / "b.zip"
    )
    assert "Blake next door" in neighbour
