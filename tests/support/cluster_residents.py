"""Residents on webchat, SMS and Telegram talking to a cluster through nginx, retrying as real clients do.

Each resident asks for bin days again and again, each time for another street: the question
("what's the postcode?") and the answer naming that street prove that every message was
answered, once, in the order sent. A resident retries a message with the same id (webchat's
client_message_id, Twilio's MessageSid, Telegram's update_id) until the server accepts it: that
is how a client recovers from a server that died mid-request.
"""

from __future__ import annotations

import abc
import asyncio
import itertools
import random
import time
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import aiohttp

from bot.council import get_council
from tests.channels.sms_helpers import inbound, sign
from tests.support.fake_providers import FakeApi

ASK = "when is my bin day"
SMS_PATH = "/webhooks/twilio_sms/webhook"
RETRY_PAUSE_S = 1.0


def bin_day_streets() -> list[tuple[str, str]]:
    """(postcode, street name) of every street alone at its postcode: its answer names it."""
    council = get_council()
    return [
        (s.postcode, s.name)
        for s in council.streets
        if len(council.streets_for_postcode(s.postcode)) == 1
    ]


def bin_day_script(
    streets: list[tuple[str, str]], messages: int, start: int
) -> list[tuple[str, str]]:
    """`messages` (text, what its reply must contain) pairs: ask, postcode, ask, postcode ..."""
    script: list[tuple[str, str]] = []
    for index in itertools.count(start):
        postcode, name = streets[index % len(streets)]
        script += [(ASK, "postcode"), (postcode, f"Your next collections at {name}")]
        if len(script) >= messages:
            return script[:messages]
    raise AssertionError("unreachable")


@dataclass
class Turn:
    """One message: how many tries it took, who served it, and the replies it got."""

    text: str
    expected: str
    sent_at: float
    attempts: int = 0
    served_by: list[str] = field(default_factory=list)
    replies: list[str] = field(default_factory=list)
    answered_at: float | None = None
    in_order: bool = False

    @property
    def seconds(self) -> float | None:
        return None if self.answered_at is None else self.answered_at - self.sent_at


class Mailbox:
    """What a fake provider was asked to send, sorted by recipient as it arrives."""

    def __init__(self, api: FakeApi, key: str) -> None:
        self.api = api
        self.key = key
        self.text_key = "Body" if api.kind == "twilio" else "text"
        self._read = 0
        self.by_recipient: dict[str, list[str]] = defaultdict(list)

    def collect(self) -> None:
        requests = self.api.requests
        while self._read < len(requests):
            params = requests[self._read].params
            self._read += 1
            if self.text_key in params:
                self.by_recipient[str(params.get(self.key))].append(str(params[self.text_key]))


class Resident(abc.ABC):
    """One conversation. `say` returns when the expected reply arrived or the deadline passed."""

    kind = "resident"

    def __init__(self, base_url: str, address: str) -> None:
        self.base_url = base_url
        self.address = address  # the resident's own address, passed on by nginx
        self.turns: list[Turn] = []
        self.conversation_id = ""

    @property
    def headers(self) -> dict[str, str]:
        return {"X-Forwarded-For": self.address}

    async def open(self, http: aiohttp.ClientSession) -> None:
        """Anything needed before the first message (a webchat session)."""
        return None

    @abc.abstractmethod
    async def say(
        self, http: aiohttp.ClientSession, text: str, expected: str, deadline: float
    ) -> Turn:
        """Send one message (retrying with the same id) and wait for its reply."""

    def extra_replies(self) -> int:
        """Replies beyond one per message (a message answered twice)."""
        return 0


class WebchatResident(Resident):
    kind = "webchat"

    async def open(self, http: aiohttp.ClientSession) -> None:
        while True:
            try:
                async with http.post(
                    f"{self.base_url}/webhooks/webchat/session", json={}, headers=self.headers
                ) as reply:
                    if reply.status == 201:
                        self.conversation_id = (await reply.json())["session_id"]
                        return
            except (aiohttp.ClientError, asyncio.TimeoutError):
                pass
            await asyncio.sleep(RETRY_PAUSE_S)

    async def say(
        self, http: aiohttp.ClientSession, text: str, expected: str, deadline: float
    ) -> Turn:
        turn = Turn(text, expected, time.monotonic())
        self.turns.append(turn)
        body = {
            "session_id": self.conversation_id,
            "message": text,
            "client_message_id": uuid.uuid4().hex,
        }
        while time.monotonic() < deadline:
            turn.attempts += 1
            try:
                async with http.post(
                    f"{self.base_url}/webhooks/webchat/webhook", json=body, headers=self.headers
                ) as reply:
                    turn.served_by.append(reply.headers.get("X-Served-By", ""))
                    data: Any = await reply.json(content_type=None) if reply.status < 500 else None
                    if reply.status == 200:
                        turn.replies = [
                            m["text"] for m in data["messages"] if m["sender"] != "resident"
                        ]
                        turn.answered_at = time.monotonic()
                        turn.in_order = expected.lower() in " ".join(turn.replies).lower()
                        return turn
            except (aiohttp.ClientError, asyncio.TimeoutError, ValueError):
                pass
            await asyncio.sleep(RETRY_PAUSE_S)  # 202 (still being answered), 429, 502, 503: again
        return turn


class _TextResident(Resident):
    """SMS and Telegram: the webhook is acknowledged at once, the reply comes through the provider."""

    def __init__(self, base_url: str, address: str, mailbox: Mailbox) -> None:
        super().__init__(base_url, address)
        self.mailbox = mailbox
        self._seen = 0

    @abc.abstractmethod
    def _post(self, http: aiohttp.ClientSession, text: str, message_id: str) -> Any:
        """The webhook request for one message (used as `async with`)."""

    @abc.abstractmethod
    def _new_id(self) -> str: ...

    def _inbox(self) -> list[str]:
        self.mailbox.collect()
        return self.mailbox.by_recipient.get(self.conversation_id, [])

    async def say(
        self, http: aiohttp.ClientSession, text: str, expected: str, deadline: float
    ) -> Turn:
        turn = Turn(text, expected, time.monotonic())
        self.turns.append(turn)
        message_id = self._new_id()
        while time.monotonic() < deadline:
            turn.attempts += 1
            try:
                async with self._post(http, text, message_id) as reply:
                    turn.served_by.append(reply.headers.get("X-Served-By", ""))
                    if reply.status == 200:
                        break
            except (aiohttp.ClientError, asyncio.TimeoutError):
                pass
            await asyncio.sleep(RETRY_PAUSE_S)
        while time.monotonic() < deadline:
            inbox = self._inbox()
            if len(inbox) > self._seen:
                turn.replies += inbox[self._seen :]
                self._seen = len(inbox)
                if expected.lower() in " ".join(turn.replies).lower():
                    turn.answered_at = time.monotonic()
                    # In order if this message's answer is the only thing that arrived.
                    turn.in_order = len(turn.replies) == 1
                    return turn
            await asyncio.sleep(0.1)
        return turn

    def extra_replies(self) -> int:
        return max(0, len(self._inbox()) - len(self.turns))


class SmsResident(_TextResident):
    kind = "sms"

    def __init__(self, base_url: str, address: str, mailbox: Mailbox, number: str) -> None:
        super().__init__(base_url, address, mailbox)
        self.conversation_id = number

    def _new_id(self) -> str:
        return f"SM{uuid.uuid4().hex}"

    def _post(self, http: aiohttp.ClientSession, text: str, message_id: str) -> Any:
        params = inbound(text, sid=message_id, number=self.conversation_id)
        headers = {**self.headers, "X-Twilio-Signature": sign(SMS_PATH, params)}
        return http.post(f"{self.base_url}{SMS_PATH}", data=params, headers=headers)


class TelegramResident(_TextResident):
    kind = "telegram"
    _update_ids = itertools.count(random.randrange(10**8, 10**9))

    def __init__(
        self, base_url: str, address: str, mailbox: Mailbox, chat_id: int, secret: str
    ) -> None:
        super().__init__(base_url, address, mailbox)
        self.conversation_id = str(chat_id)
        self.secret = secret
        self._message_ids = itertools.count(1)

    def _new_id(self) -> str:
        return str(next(self._update_ids))

    def _post(self, http: aiohttp.ClientSession, text: str, message_id: str) -> Any:
        chat = int(self.conversation_id)
        update = {
            "update_id": int(message_id),
            "message": {
                "message_id": next(self._message_ids), "date": int(time.time()), "text": text,
                "chat": {"id": chat, "type": "private"},
                "from": {"id": chat, "is_bot": False, "first_name": "Sam"},
            },
        }  # fmt: skip
        headers = {**self.headers, "X-Telegram-Bot-Api-Secret-Token": self.secret}
        return http.post(f"{self.base_url}/webhooks/telegram/webhook", json=update, headers=headers)


class ResidentFactory:
    """Makes residents of each kind with their own number, chat id and address."""

    def __init__(
        self, base_url: str, twilio: FakeApi, telegram: FakeApi, telegram_secret: str
    ) -> None:
        self.base_url = base_url
        self.sms_mail = Mailbox(twilio, "To")
        self.telegram_mail = Mailbox(telegram, "chat_id")
        self.secret = telegram_secret
        self._serial = itertools.count(1)
        self._run = random.randrange(1000, 9999)

    def make(self, kind: str) -> Resident:
        n = next(self._serial)
        address = f"198.51.{100 + n // 250 % 100}.{1 + n % 250}"  # documentation addresses
        if kind == "webchat":
            return WebchatResident(self.base_url, address)
        if kind == "sms":
            number = f"+447700{(self._run * 1000 + n) % 1_000_000:06d}"
            return SmsResident(self.base_url, address, self.sms_mail, number)
        return TelegramResident(
            self.base_url,
            address,
            self.telegram_mail,
            7_000_000_000 + self._run * 10_000 + n,
            self.secret,
        )


async def converse(
    http: aiohttp.ClientSession,
    resident: Resident,
    script: list[tuple[str, str]],
    *,
    think_s: float = 0.0,
    turn_timeout_s: float = 300.0,
) -> Resident:
    """The whole script, one message after the other's reply, with a pause between."""
    await resident.open(http)
    for text, expected in script:
        await resident.say(http, text, expected, time.monotonic() + turn_timeout_s)
        if think_s:
            await asyncio.sleep(think_s * random.uniform(0.5, 1.5))
    return resident


@dataclass
class Tally:
    """What every resident sent and got, with what the database says Rasa received."""

    residents: list[Resident]
    user_events: dict[str, int] = field(default_factory=dict)

    @property
    def turns(self) -> list[Turn]:
        return [turn for resident in self.residents for turn in resident.turns]

    @property
    def answered(self) -> list[Turn]:
        return [turn for turn in self.turns if turn.answered_at is not None]

    @property
    def lost(self) -> list[Turn]:
        return [turn for turn in self.turns if turn.answered_at is None]

    @property
    def out_of_order(self) -> list[Turn]:
        return [turn for turn in self.answered if not turn.in_order]

    def doubled(self) -> int:
        """Messages Rasa received twice, or answered twice on the resident's phone."""
        twice = sum(r.extra_replies() for r in self.residents)
        for resident in self.residents:
            received = self.user_events.get(resident.conversation_id, 0)
            twice += max(0, received - len(resident.turns))
        return twice

    def percentile_s(self, q: float) -> float:
        seconds = sorted(t.seconds for t in self.answered if t.seconds is not None)
        if not seconds:
            return float("nan")
        return seconds[min(len(seconds) - 1, int(round(q * (len(seconds) - 1))))]

    def read_user_events(self, database_url: str) -> None:
        """How many resident messages Rasa stored for each conversation."""
        from sqlalchemy import create_engine, text

        engine = create_engine(database_url, future=True)
        try:
            with engine.connect() as connection:
                rows = connection.execute(
                    text(
                        "SELECT sender_id, COUNT(*) FROM events WHERE type_name = 'user' GROUP BY sender_id"
                    )
                ).all()
        finally:
            engine.dispose()
        self.user_events = {str(sender): int(count) for sender, count in rows}
