"""The SQL lock store gives every message of a conversation its own ticket, across workers."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

from bot.rasa_plugins.lock_store import SQLLockStore


def test_concurrent_messages_in_one_conversation_get_distinct_tickets(database_url):
    store = SQLLockStore()
    with ThreadPoolExecutor(max_workers=8) as pool:
        tickets = list(pool.map(lambda _: store.issue_ticket("conversation-1"), range(24)))
    assert sorted(tickets) == list(range(24))


def test_a_conversation_is_served_in_ticket_order_and_the_lock_is_removed_after(database_url):
    store = SQLLockStore()
    order: list[int] = []

    async def handle(number: int) -> None:
        async with store.lock("conversation-2", wait_time_in_seconds=0.01):
            order.append(number)
            await asyncio.sleep(0.02)

    async def main() -> None:
        await asyncio.gather(*(handle(i) for i in range(4)))

    asyncio.run(main())
    assert sorted(order) == [0, 1, 2, 3]
    assert store.get_lock("conversation-2") is None


def test_different_conversations_do_not_wait_for_each_other(database_url):
    store = SQLLockStore()
    first = store.issue_ticket("a")
    second = store.issue_ticket("b")
    assert (first, second) == (0, 0)
    assert not store.get_lock("b").is_locked(second)


def test_a_message_waiting_for_the_one_before_goes_in_soon_after_it_finishes(database_url):
    import time

    store = SQLLockStore()
    finished: dict[str, float] = {}

    async def first() -> None:
        async with store.lock("conversation-3"):
            await asyncio.sleep(0.1)
        finished["first"] = time.monotonic()

    async def second() -> None:
        await asyncio.sleep(0.01)
        async with store.lock("conversation-3"):  # Rasa's default: up to 1 s between polls
            finished["second_in"] = time.monotonic()

    async def main() -> None:
        await asyncio.gather(first(), second())

    asyncio.run(main())
    assert finished["second_in"] - finished["first"] < 0.5
    assert store.get_lock("conversation-3") is None


def test_the_lock_is_handed_on_after_the_database_comes_back(database_url, monkeypatch):
    """A database restart while a message finishes must not leave its ticket blocking the
    conversation's next message until the ticket expires (a minute)."""
    from sqlalchemy.exc import OperationalError

    from bot.rasa_plugins import lock_store

    monkeypatch.setattr(lock_store, "CLEANUP_PAUSES_S", (0.01, 0.01, 0.01))
    store = SQLLockStore()
    real_cleanup = store.cleanup
    outages = [OperationalError("DELETE", {}, Exception("restarting"))] * 2

    def cleanup(conversation_id: str, ticket: int) -> None:
        if outages:
            raise outages.pop()
        real_cleanup(conversation_id, ticket)

    store.cleanup = cleanup  # type: ignore[method-assign]

    async def one_message() -> None:
        async with store.lock("conversation-9"):
            pass

    asyncio.run(one_message())
    assert outages == [] and store.get_lock("conversation-9") is None
