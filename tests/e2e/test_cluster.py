"""Two Rasa servers behind nginx on PostgreSQL: conversations keep their order when consecutive messages land on different servers."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import aiohttp
import pytest

from tests.support.cluster import TELEGRAM_SECRET, LiveCluster, running_cluster
from tests.support.cluster_residents import (
    ResidentFactory,
    Tally,
    bin_day_script,
    bin_day_streets,
    converse,
)

pytestmark = [pytest.mark.e2e, pytest.mark.model, pytest.mark.postgres]

CONVERSATIONS = {"webchat": 140, "sms": 30, "telegram": 30}
MESSAGES = 10
AT_ONCE = 40


@pytest.fixture(scope="module")
def cluster(trained_model: Path) -> Iterator[LiveCluster]:
    with running_cluster(trained_model, rasa_servers=2, workers=1) as live:
        yield live


async def _drive(live: LiveCluster) -> Tally:
    streets = bin_day_streets()
    factory = ResidentFactory(live.base_url, live.twilio, live.telegram, TELEGRAM_SECRET)
    residents = [factory.make(kind) for kind, count in CONVERSATIONS.items() for _ in range(count)]
    gate = asyncio.Semaphore(AT_ONCE)
    timeout = aiohttp.ClientTimeout(total=150)

    async with aiohttp.ClientSession(timeout=timeout) as http:

        async def one(index: int) -> None:
            async with gate:
                script = bin_day_script(streets, MESSAGES, start=index)
                await converse(http, residents[index], script, turn_timeout_s=180)

        await asyncio.gather(*(one(i) for i in range(len(residents))))
        await asyncio.sleep(3)  # a reply sent twice would arrive by now
    return Tally(residents)


def test_two_hundred_conversations_keep_their_order_across_two_servers(cluster: LiveCluster):
    tally = asyncio.run(_drive(cluster))
    tally.read_user_events(cluster.database_url)

    assert len(tally.turns) == sum(CONVERSATIONS.values()) * MESSAGES
    assert tally.lost == [], [(t.text, t.attempts, t.replies) for t in tally.lost[:5]]
    assert tally.out_of_order == [], [
        (t.text, t.expected, t.replies) for t in tally.out_of_order[:5]
    ]
    assert tally.doubled() == 0
    # Rasa stored each message of each conversation once.
    for resident in tally.residents:
        assert tally.user_events.get(resident.conversation_id) == MESSAGES, resident.kind

    servers = {f"127.0.0.1:{port}" for port in cluster.cluster.plan.rasa_ports}
    first_tries = [[t.served_by[0] for t in r.turns] for r in tally.residents]
    assert {s for served in first_tries for s in served} == servers
    # Consecutive messages of one conversation really went to different servers.
    both = [served for served in first_tries if set(served) == servers]
    assert len(both) >= 0.9 * len(first_tries), f"{len(both)} of {len(first_tries)}"
    switches = sum(
        a != b for served in first_tries for a, b in zip(served, served[1:], strict=False)
    )
    assert switches >= 0.3 * len(first_tries) * (MESSAGES - 1)


def test_the_limits_hold_through_nginx_whichever_server_answers(cluster: LiveCluster):
    """One chat's 30 messages a minute, and the sign-in lockout, are shared by both servers."""
    import uuid

    import requests

    from bot.records.advisor_accounts import AdvisorAccounts
    from tests.e2e.webchat_client import WebchatClient, resident_address
    from tests.support.sign_in import sign_in

    chat = WebchatClient(f"{cluster.base_url}/webhooks/webchat")
    replies = [
        requests.post(  # a new connection each time: nginx shares them between the servers
            f"{chat.base}/webhook",
            json={"session_id": chat.session_id, "message": "hello", "client_message_id": f"m{n}"},
            headers={**chat.headers, "Connection": "close"},
            timeout=120,
        )
        for n in range(36)
    ]
    assert [r.status_code for r in replies] == [200] * 30 + [429] * 6
    servers = {f"127.0.0.1:{port}" for port in cluster.cluster.plan.rasa_ports}
    assert {r.headers.get("X-Served-By") for r in replies[:30]} == servers

    username = f"adv{uuid.uuid4().hex[:8]}"
    AdvisorAccounts(cluster.database_url).create(username, "Sam Patel", "a long test password")
    address = {"X-Forwarded-For": resident_address()}
    console = f"{cluster.base_url}/webhooks/console"
    wrong = [sign_in(console, username, f"guess {n}", address).status_code for n in range(8)]
    right = sign_in(console, username, "a long test password", address).status_code
    assert wrong == [401] * 5 + [429] * 3
    assert right == 429
