"""Queued texts are sent in order, once, never after an opt-out, and retried when a send fails (channels/outbound_sender.py)."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import update

from bot.records.outbound import Outbound, OutboundStore
from bot.storage.engine import session_scope
from bot.storage.models import OutboundMessage, utcnow
from channels.outbound_sender import OutboundSender, SendError, SendResult

RESIDENT = "+447700900123"


class Provider:
    """Records each text it is given; `failures` are raised, one per send, before it succeeds."""

    def __init__(self, *failures: Exception, status: str = "queued") -> None:
        self.failures = list(failures)
        self.status = status
        self.sent: list[str] = []

    async def __call__(self, message: Outbound) -> SendResult:
        if self.failures:
            raise self.failures.pop(0)
        self.sent.append(message.body)
        return SendResult(provider_id=f"SM{len(self.sent)}", status=self.status)


def _queue(store: OutboundStore, *bodies: str, source: str = "SM-in-1") -> list[int]:
    return store.enqueue("twilio_sms", source, RESIDENT, [(body, []) for body in bodies])


def _make_due_now(message_ids: list[int]) -> None:
    with session_scope() as session:
        session.execute(
            update(OutboundMessage)
            .where(OutboundMessage.id.in_(message_ids))
            .values(next_attempt_at=utcnow())
        )


async def _send_and_wait(sender: OutboundSender, ids: list[int]) -> None:
    sender.send_soon(ids)
    await sender.drain()


def test_the_replies_to_one_text_are_sent_in_order(sqlite_url):
    store, provider = OutboundStore(), Provider()
    sender = OutboundSender(store, "twilio_sms", provider)
    ids = _queue(store, "Thanks.", "Your reference is MB-7K3F9Q.", "Anything else?")

    asyncio.run(_send_and_wait(sender, ids))

    assert provider.sent == ["Thanks.", "Your reference is MB-7K3F9Q.", "Anything else?"]
    assert [store.status_of(i) for i in ids] == ["sent", "sent", "sent"]


def test_a_text_already_sent_is_not_sent_again(sqlite_url):
    store, provider = OutboundStore(), Provider()
    sender = OutboundSender(store, "twilio_sms", provider)
    [message_id] = _queue(store, "Thanks.")

    assert asyncio.run(sender.send_one(message_id)) == "sent"
    assert asyncio.run(sender.send_one(message_id)) is None
    assert provider.sent == ["Thanks."]


def test_a_resident_who_opted_out_after_the_text_was_queued_is_not_sent_it(sqlite_url):
    store, provider = OutboundStore(), Provider()
    sender = OutboundSender(store, "twilio_sms", provider, blocked=lambda message: True)
    [message_id] = _queue(store, "Thanks.")

    assert asyncio.run(sender.send_one(message_id)) == "suppressed"
    assert provider.sent == []
    assert store.status_of(message_id) == "suppressed"


def test_a_failed_send_that_may_work_later_is_queued_again_and_sent_on_retry(sqlite_url):
    store = OutboundStore()
    provider = Provider(SendError("Twilio could not be reached", retry=True))
    sender = OutboundSender(store, "twilio_sms", provider)
    [message_id] = _queue(store, "Thanks.")

    assert asyncio.run(sender.send_one(message_id)) == "failed"
    assert store.status_of(message_id) == "queued"
    assert asyncio.run(sender.retry_due()) == 0  # not yet: it waits before trying again

    _make_due_now([message_id])
    assert asyncio.run(sender.retry_due()) == 1
    assert provider.sent == ["Thanks."]
    assert store.status_of(message_id) == "sent"


def test_a_send_refused_for_good_is_not_tried_again(sqlite_url):
    store = OutboundStore()
    sender = OutboundSender(
        store, "twilio_sms", Provider(SendError("not a mobile number", retry=False))
    )
    [message_id] = _queue(store, "Thanks.")

    assert asyncio.run(sender.send_one(message_id)) == "failed"
    assert store.status_of(message_id) == "failed"
    _make_due_now([message_id])
    assert asyncio.run(sender.retry_due()) == 0


def test_an_unexpected_error_while_sending_does_not_lose_the_text(sqlite_url):
    store = OutboundStore()
    sender = OutboundSender(store, "twilio_sms", Provider(KeyError("surprise")))
    [message_id] = _queue(store, "Thanks.")

    assert asyncio.run(sender.send_one(message_id)) == "failed"
    assert store.status_of(message_id) == "queued"


@pytest.mark.parametrize(
    ("provider_status", "ours"),
    [("queued", "sent"), ("delivered", "delivered"), ("undelivered", "undelivered")],
)
def test_the_providers_first_status_is_recorded_in_our_words(sqlite_url, provider_status, ours):
    store = OutboundStore()
    sender = OutboundSender(store, "twilio_sms", Provider(status=provider_status))
    [message_id] = _queue(store, "Thanks.")

    asyncio.run(sender.send_one(message_id))

    assert store.status_of(message_id) == ours


def test_a_reply_waiting_for_its_turn_is_not_claimed_so_a_process_killed_then_loses_nothing(
    sqlite_url,
):
    """Telegram's one-a-second pacing: a reply claimed (`sending`) is never sent again, so the
    wait must come before the claim; while it waits another process can still send it."""
    from contextlib import asynccontextmanager

    store, provider = OutboundStore(), Provider()
    waiting, release = asyncio.Event(), asyncio.Event()

    @asynccontextmanager
    async def pace(recipient: str):
        assert recipient == RESIDENT
        waiting.set()
        await release.wait()
        yield

    sender = OutboundSender(store, "twilio_sms", provider, pace=pace)
    [message_id] = _queue(store, "Your bin will be collected tomorrow.")

    async def run() -> list[str | None]:
        task = asyncio.ensure_future(sender.send_one(message_id))
        await waiting.wait()
        seen = [store.status_of(message_id)]  # the process could die here
        release.set()
        await task
        return [*seen, store.status_of(message_id)]

    assert asyncio.run(run()) == ["queued", "sent"]
    assert provider.sent == ["Your bin will be collected tomorrow."]


class SlowProvider(Provider):
    """Slow over its first send and quick after, as a provider's network can be; records the
    order the texts arrive in."""

    async def __call__(self, message: Outbound) -> SendResult:
        first = not getattr(self, "started", False)
        self.started = True
        await asyncio.sleep(0.2 if first else 0.01)
        return await super().__call__(message)


def test_the_retry_loop_never_sends_a_turns_later_reply_before_its_first(sqlite_url):
    store = OutboundStore()
    provider = SlowProvider()
    sender = OutboundSender(store, "twilio_sms", provider)
    ids = _queue(store, "I've removed what looked like a card number.", "Your reference is MB-1")

    async def turn_and_retry_loop_together() -> None:
        await asyncio.gather(sender.send_in_order(ids), sender.retry_due(), sender.retry_due())

    asyncio.run(turn_and_retry_loop_together())
    assert provider.sent == [
        "I've removed what looked like a card number.",
        "Your reference is MB-1",
    ]


def test_a_reply_its_process_never_sent_goes_out_from_the_retry_loop_after_a_grace(sqlite_url):
    store = OutboundStore()
    provider = Provider()
    sender = OutboundSender(store, "twilio_sms", provider)
    ids = _queue(store, "Thanks.")
    assert asyncio.run(sender.retry_due()) == 0  # its own process is sending it

    _make_due_now(ids)  # the grace has passed: that process died before sending
    assert asyncio.run(sender.retry_due()) == 1
    assert provider.sent == ["Thanks."]
