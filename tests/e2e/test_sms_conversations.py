"""End to end over SMS: the real Rasa and action servers, signed webhooks, a local fake Twilio API."""

from __future__ import annotations

import re
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from sqlalchemy import create_engine, func, select

from bot.storage.models import HandoffTicket, OutboundMessage, ServiceRequest
from tests.channels.sms_helpers import (
    ACCOUNT_SID,
    AUTH_TOKEN,
    FROM_NUMBER,
    PUBLIC_BASE,
    inbound,
    sign,
)
from tests.e2e.test_webchat_conversations import (
    complete_missed_bin_report,
    reportable_street_and_bin,
)
from tests.support.fake_providers import FakeApi

pytestmark = [pytest.mark.e2e, pytest.mark.model]
TELEGRAM_SECRET = "e2e-telegram-secret_0123456789"
TELEGRAM_TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"  # shaped like @BotFather's


@pytest.fixture(scope="module")
def twilio_fake() -> Iterator[FakeApi]:
    api = FakeApi("twilio").start()
    yield api
    api.stop()


@pytest.fixture(scope="module")
def telegram_fake() -> Iterator[FakeApi]:
    api = FakeApi("telegram").start()
    yield api
    api.stop()


@pytest.fixture(scope="module")
def sms_servers(
    trained_model: Path,
    tmp_path_factory: pytest.TempPathFactory,
    twilio_fake: FakeApi,
    telegram_fake: FakeApi,
) -> Iterator:
    """Rasa and actions with SMS and Telegram switched on, pointed at fake Twilio and Telegram APIs."""
    from bot.storage.migrate import upgrade_database
    from tests.support.servers import LiveServers

    root = tmp_path_factory.mktemp("sms_live")
    url = f"sqlite:///{root / 'live.db'}"
    upgrade_database(url)
    env = {
        "TWILIO_ACCOUNT_SID": ACCOUNT_SID,
        "TWILIO_AUTH_TOKEN": AUTH_TOKEN,
        "TWILIO_FROM_NUMBER": FROM_NUMBER,
        "TWILIO_API_URL": twilio_fake.url,
        "PUBLIC_BASE_URL": PUBLIC_BASE,
        "TELEGRAM_BOT_TOKEN": TELEGRAM_TOKEN,
        "TELEGRAM_SECRET_TOKEN": TELEGRAM_SECRET,
        "TELEGRAM_API_URL": f"{telegram_fake.url}/bot",
    }
    servers = LiveServers(trained_model, url, root / "logs", extra_env=env).start()
    yield servers
    servers.stop()


class SmsResident:
    """One phone number texting the council and reading what the fake Twilio API was asked to send."""

    def __init__(self, servers, api: FakeApi) -> None:
        self.url = f"{servers.base_url}/webhooks/twilio_sms/webhook"
        self.api = api
        self.number = "+4477009" + str(uuid.uuid4().int)[:5]

    def _sent_to_me(self) -> list[str]:
        return [r.params["Body"] for r in self.api.requests if r.params.get("To") == self.number]

    def send(
        self, text: str, sid: str | None = None, replays: int = 1, expect_reply: bool = True
    ) -> str:
        before = len(self._sent_to_me())
        params = inbound(text, sid=sid, number=self.number)
        signature = sign("/webhooks/twilio_sms/webhook", params)
        for _ in range(replays):
            reply = requests.post(
                self.url, data=params, headers={"X-Twilio-Signature": signature}, timeout=15
            )
            assert reply.status_code == 200 and "<Response>" in reply.text
        if not expect_reply:
            time.sleep(3)
            assert len(self._sent_to_me()) == before
            return ""
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            sent = self._sent_to_me()
            if len(sent) > before:
                time.sleep(0.5)  # a turn is one SMS, but let any stragglers land
                return "\n".join(self._sent_to_me()[before:])
            time.sleep(0.1)
        raise AssertionError(f"no SMS reply to {text!r}")


def _count(url: str, model) -> int:
    engine = create_engine(url, future=True)
    with engine.connect() as connection:
        count = connection.execute(select(func.count()).select_from(model.__table__)).scalar_one()
    engine.dispose()
    return count


def test_a_resident_reports_a_missed_bin_by_sms_with_every_webhook_replayed(
    sms_servers, twilio_fake
):
    street, bin_type = reportable_street_and_bin()
    resident = SmsResident(sms_servers, twilio_fake)
    assert "postcode" in resident.send("my bin wasn't collected", replays=3).lower()
    assert "house number or name" in resident.send(street.postcode, replays=3).lower()
    asked = resident.send(str(street.first_number or 1), replays=3)
    options = dict(re.findall(r"Reply (\d) for (.+)", asked))
    number = next(n for n, title in options.items() if title.strip() == bin_type.name)
    requests_before = _count(sms_servers.database_url, ServiceRequest)
    done = resident.send(number, replays=5)
    assert re.search(r"reference is MB-[A-Z0-9]{6}", done), done
    assert _count(sms_servers.database_url, ServiceRequest) == requests_before + 1
    assert all(len(body) <= 3 * 153 for body in resident._sent_to_me())


def test_a_reference_made_on_webchat_can_be_checked_by_sms(live_servers_with_sms):
    servers, api = live_servers_with_sms
    reference = complete_missed_bin_report(servers)
    street_postcode = _postcode_of(servers.database_url, reference)
    resident = SmsResident(servers, api)
    asked = resident.send(f"what's happening with {reference}")
    assert "postcode" in asked.lower()
    status = resident.send(street_postcode)
    assert reference in status and "received" in status.lower()


@pytest.fixture(scope="module")
def live_servers_with_sms(sms_servers, twilio_fake):
    return sms_servers, twilio_fake


def _postcode_of(url: str, reference: str) -> str:
    engine = create_engine(url, future=True)
    with engine.connect() as connection:
        postcode = connection.execute(
            select(ServiceRequest.postcode).where(ServiceRequest.reference == reference)
        ).scalar_one()
    engine.dispose()
    return postcode


def test_stop_silences_everything_until_start(sms_servers, twilio_fake):
    resident = SmsResident(sms_servers, twilio_fake)
    resident.send("  stop ", expect_reply=False)
    resident.send("my bin wasn't collected", expect_reply=False)
    assert "again" in resident.send("START")
    assert "postcode" in resident.send("my bin wasn't collected").lower()


def test_asking_for_a_person_over_sms_raises_a_ticket_on_the_sms_channel(sms_servers, twilio_fake):
    resident = SmsResident(sms_servers, twilio_fake)
    reply = resident.send("can I talk to a person please")
    assert re.search(r"AD-[A-Z0-9]{6}", reply), reply
    engine = create_engine(sms_servers.database_url, future=True)
    with engine.connect() as connection:
        ticket = connection.execute(
            select(HandoffTicket.channel, HandoffTicket.sender_id).where(
                HandoffTicket.sender_id == resident.number
            )
        ).one()
        outbound = connection.execute(
            select(func.count()).select_from(OutboundMessage.__table__)
        ).scalar_one()
    engine.dispose()
    assert ticket.channel == "twilio_sms"
    assert outbound >= 1
    # While waiting, the resident's texts go to the advisor and the gate's reply comes back by SMS.
    waiting = resident.send("are you still there?")
    assert "added that for the advisor" in waiting, waiting


def test_a_crisis_text_gets_the_safety_number(sms_servers, twilio_fake):
    resident = SmsResident(sms_servers, twilio_fake)
    reply = resident.send("honestly i dont see the point anymore, i want to end it all")
    assert "116 123" in reply


def test_a_telegram_resident_gets_the_same_assistant_with_buttons(sms_servers, telegram_fake):
    chat_id = 5550000000 + int(str(uuid.uuid4().int)[:4])
    url = f"{sms_servers.base_url}/webhooks/telegram/webhook"
    update = {
        "update_id": chat_id,
        "message": {
            "message_id": 1, "date": 1763790000, "text": "my bin wasn't collected",
            "chat": {"id": chat_id, "type": "private"}, "from": {"id": chat_id, "is_bot": False, "first_name": "Sam"},
        },
    }  # fmt: skip
    for _ in range(3):
        reply = requests.post(
            url,
            json=update,
            headers={"X-Telegram-Bot-Api-Secret-Token": TELEGRAM_SECRET},
            timeout=15,
        )
        assert reply.status_code == 200
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not _telegram_texts(telegram_fake, chat_id):
        time.sleep(0.1)
    time.sleep(2)
    texts = _telegram_texts(telegram_fake, chat_id)
    assert len(texts) == 1 and "postcode" in texts[0].lower()
    forged = requests.post(
        url,
        json={**update, "update_id": 1},
        headers={"X-Telegram-Bot-Api-Secret-Token": "x"},
        timeout=15,
    )
    assert forged.status_code == 403
    server_log = (sms_servers.log_dir / "rasa.log").read_text(errors="replace")
    assert TELEGRAM_TOKEN.split(":")[1] not in server_log  # httpx logs each Bot API URL


def _telegram_texts(api: FakeApi, chat_id: int) -> list[str]:
    return [r.params["text"] for r in api.requests if str(r.params.get("chat_id")) == str(chat_id)]
