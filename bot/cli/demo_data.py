"""`councilbot demo-data --days 30`: scripted residents talk to the running servers, so insight has a month to show.

Each conversation goes through the real pipeline (the webchat API; SMS and Telegram webhooks
when this server can take them safely, see `channels_available`) and so writes its analytics
events, requests and tickets exactly as a resident's would. Then its records are moved back to
a random daytime moment in the last N days: only the demo's own conversations are moved (found
by the keyed hash of their ids), never a real resident's.
"""

from __future__ import annotations

import random
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

import requests
from sqlalchemy import select
from twilio.request_validator import RequestValidator

from bot.council import get_council
from bot.privacy import sender_key
from bot.records.advisor_accounts import AccountError, AdvisorAccounts
from bot.records.tickets import TicketQueue
from bot.settings import Settings
from bot.storage.engine import session_scope
from bot.storage.models import Advisor, AnalyticsEvent, HandoffTicket, ServiceRequest, utcnow

DEMO_ADVISOR = "demo.advisor"
#: What scripted residents do, and how often (a week's mix at a small council).
SCRIPTS = {
    "order_bin": 4,
    "order_bin_left_at_house": 2,
    "bin_day": 3,
    "talk_to_person": 2,
    "not_understood_twice": 1,
}
CLOSE_OUTCOME_INDEX = 0


class Resident:
    """One scripted resident on one channel: says things and waits for the turn to be answered."""

    def __init__(self, settings: Settings, channel: str) -> None:
        self.settings = settings
        self.channel = channel
        self.base = f"http://{settings.rasa_host}:{settings.rasa_port}/webhooks"
        if channel == "webchat":
            started = requests.post(f"{self.base}/webchat/session", json={}, timeout=60)
            started.raise_for_status()
            self.sender_id = started.json()["session_id"]
        elif channel == "twilio_sms":
            self.sender_id = f"+4477009{random.randrange(10**5):05d}"  # Ofcom's drama numbers
        else:
            self.sender_id = str(random.randrange(10**9, 10**10))

    def say(self, text: str) -> str:
        """Send one message (or a "/intent" button payload); the assistant's replies as text."""
        if self.channel == "webchat":
            body: dict[str, Any] = {
                "session_id": self.sender_id,
                "client_message_id": uuid.uuid4().hex,
            }
            body.update(
                {"payload": text, "title": text} if text.startswith("/") else {"message": text}
            )
            reply = requests.post(f"{self.base}/webchat/webhook", json=body, timeout=120)
            reply.raise_for_status()
            return "\n".join(m.get("text", "") for m in reply.json().get("messages", []))
        if self.channel == "twilio_sms":
            self._sms(text)
        else:
            self._telegram(text)
        time.sleep(2.0)  # the webhook is acknowledged first and answered just after
        return ""

    def _sms(self, text: str) -> None:
        url = f"{self.base}/twilio_sms/webhook"
        params = {
            "MessageSid": f"SM{uuid.uuid4().hex}", "AccountSid": self.settings.twilio_account_sid,
            "From": self.sender_id, "To": self.settings.twilio_from_number, "Body": text, "NumMedia": "0",
        }  # fmt: skip
        public = self.settings.public_base_url.rstrip("/") or self.base.rsplit("/webhooks", 1)[0]
        signature = RequestValidator(
            self.settings.twilio_auth_token.get_secret_value()
        ).compute_signature(f"{public}/webhooks/twilio_sms/webhook", params)
        requests.post(
            url, data=params, headers={"X-Twilio-Signature": signature}, timeout=60
        ).raise_for_status()

    def _telegram(self, text: str) -> None:
        chat = {"id": int(self.sender_id), "type": "private", "first_name": "Demo"}
        update_: dict[str, Any] = {
            "update_id": random.randrange(10**9),
            "message": {"message_id": random.randrange(10**6), "date": int(time.time()), "chat": chat, "from": {"id": int(self.sender_id), "is_bot": False, "first_name": "Demo"}, "text": text},
        }  # fmt: skip
        secret = self.settings.telegram_secret_token.get_secret_value()
        requests.post(
            f"{self.base}/telegram/webhook", json=update_,
            headers={"X-Telegram-Bot-Api-Secret-Token": secret}, timeout=60,
        ).raise_for_status()  # fmt: skip


def channels_available(settings: Settings) -> dict[str, str]:
    """Each channel, and why it is skipped ("" when it is used). SMS and Telegram only when
    their replies cannot reach a real phone or chat (the log SMS provider, a local Bot API)."""
    found = {"webchat": ""}
    sms_ready = settings.twilio_account_sid and settings.twilio_auth_token.get_secret_value()
    found["twilio_sms"] = (
        "" if sms_ready and settings.sms_provider == "log"
        else "skipped: needs TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and SMS_PROVIDER=log"
    )  # fmt: skip
    local_bot_api = "api.telegram.org" not in settings.telegram_api_url
    found["telegram"] = (
        "" if settings.telegram_configured and settings.telegram_secret_configured and local_bot_api
        else "skipped: needs TELEGRAM_BOT_TOKEN, TELEGRAM_SECRET_TOKEN and a local TELEGRAM_API_URL"
    )  # fmt: skip
    return found


@dataclass
class Played:
    """What one scripted conversation did, for the summary."""

    script: str
    channel: str
    sender_id: str


def demo_street() -> Any:
    council = get_council()
    return next(s for s in council.streets if len(council.streets_for_postcode(s.postcode)) == 1)


def demo_house_number(street: Any) -> int:
    """A house on the street, a different one each time: orders for the same house on the same
    day are one order (the demo's and a resident's alike), so each demo resident has their own."""
    low = (street.first_number or 1) + 1
    high = street.last_number if street.last_number and street.last_number > low else low + 200
    return random.randint(low, high)


def _order_bin(resident: Resident, finish: bool) -> None:
    street = demo_street()
    resident.say("someone nicked my wheelie bin last night")
    resident.say(street.postcode)
    if finish:
        resident.say(str(demo_house_number(street)))
        resident.say("/affirm")


def _scripts() -> dict[str, Callable[[Resident], Any]]:
    return {
        "order_bin": lambda r: _order_bin(r, True),
        "order_bin_left_at_house": lambda r: _order_bin(r, False),
        "bin_day": lambda r: (r.say("when is my bin collected"), r.say(demo_street().postcode)),
        "talk_to_person": lambda r: r.say("/request_human"),
        "not_understood_twice": lambda r: (r.say("blorp zzkq vex"), r.say("wibble flarn")),
    }


def _claim_and_close(settings: Settings, sender_id: str, wait_s: int) -> None:
    """The demo advisor claims the resident's ticket after `wait_s` seconds and closes it."""
    try:  # switched off at once: nobody signs in as the demo advisor
        AdvisorAccounts().create(DEMO_ADVISOR, "Demo Advisor", uuid.uuid4().hex)
        AdvisorAccounts().set_active(DEMO_ADVISOR, False)
    except AccountError:
        pass  # made by an earlier run
    queue = TicketQueue()
    ticket = queue.open_ticket_for(sender_id)
    if ticket is None:
        return
    with session_scope() as session:
        row = session.query(HandoffTicket).filter_by(reference=ticket.reference).one()
        row.created_at = utcnow() - timedelta(seconds=wait_s)
        advisor_id = _advisor_id(session)
    queue.claim(ticket.reference, advisor_id)
    outcomes = get_council(settings.council_dir).advisors.close_outcomes
    queue.close(ticket.reference, advisor_id, outcomes[CLOSE_OUTCOME_INDEX])


def _advisor_id(session: Any) -> int:
    return int(session.query(Advisor.id).filter_by(username=DEMO_ADVISOR).scalar())


def move_back(sender_id: str, since: datetime, by: timedelta) -> None:
    """Move one demo conversation's records back in time (only rows made since it began).
    Row by row, in Python: SQLite has no date arithmetic, and a demo conversation is small."""
    key = sender_key(sender_id)
    targets = (
        (AnalyticsEvent, AnalyticsEvent.conversation_key == key, ("occurred_at",)),
        (ServiceRequest, ServiceRequest.sender_key == key, ("created_at", "updated_at")),
        (
            HandoffTicket,
            HandoffTicket.sender_id == sender_id,
            ("created_at", "claimed_at", "closed_at"),
        ),
    )
    with session_scope() as session:
        for model, mine, columns in targets:
            for row in session.execute(select(model).where(mine)).scalars():
                for column in columns:
                    value = getattr(row, column)
                    if value is None:
                        continue
                    aware = value if value.tzinfo else value.replace(tzinfo=timezone.utc)
                    if aware >= since - timedelta(hours=1):
                        setattr(row, column, aware - by)


def play(settings: Settings, days: int, per_day: int, seed: int = 30) -> list[Played]:
    """Play `per_day` conversations for each of the last `days` days; returns what was played."""
    rnd = random.Random(seed)
    random.seed(seed)
    channels = [c for c, why in channels_available(settings).items() if not why]
    scripts = _scripts()
    weighted = [name for name, weight in SCRIPTS.items() for _ in range(weight)]
    played = []
    for day in range(days):
        for _ in range(per_day):
            name = rnd.choice(weighted)
            channel = rnd.choice(channels)
            began = utcnow() - timedelta(seconds=1)
            resident = Resident(settings, channel)
            scripts[name](resident)
            if name == "talk_to_person":
                time.sleep(1.0 if channel != "webchat" else 0)
                _claim_and_close(settings, resident.sender_id, int(rnd.expovariate(1 / 150)))
            moment = timedelta(days=day, hours=rnd.uniform(0, 9))  # back into a working day
            move_back(resident.sender_id, began, moment)
            played.append(Played(name, channel, resident.sender_id))
    return played
