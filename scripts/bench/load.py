"""Message latency and throughput through the webchat channel or Rasa's REST channel."""

from __future__ import annotations

import asyncio
import statistics
import time
import uuid
from dataclasses import dataclass

import aiohttp

from tests.e2e.webchat_client import resident_address


@dataclass
class LoadReport:
    """Latency and throughput of one server under one number of conversations."""

    name: str
    conversations: int
    messages: int
    errors: int
    seconds: float
    latencies_ms: list[float]

    @property
    def throughput(self) -> float:
        return self.messages / self.seconds if self.seconds else 0.0

    def percentile(self, q: float) -> float:
        ordered = sorted(self.latencies_ms)
        if not ordered:
            return float("nan")
        return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]

    def line(self) -> str:
        return (
            f"  {self.name}, {self.conversations} conversation(s): p50 {self.percentile(0.5):.0f} ms, "
            f"p95 {self.percentile(0.95):.0f} ms, {self.throughput:.1f} messages/s "
            f"({self.messages} messages, {self.errors} errors, mean {statistics.fmean(self.latencies_ms or [0]):.0f} ms)"
        )


class WebchatTarget:
    """Our webchat channel: start a session, then post messages."""

    def __init__(self, base: str) -> None:
        self.base = f"{base}/webhooks/webchat"

    async def start(self, http: aiohttp.ClientSession) -> str:
        # Each conversation is a resident with their own address, as a trusted proxy passes it on
        # (the bench servers trust the loopback), so the per-address limits see many residents.
        headers = {"X-Forwarded-For": resident_address()}
        async with http.post(f"{self.base}/session", json={}, headers=headers) as reply:
            return (await reply.json())["session_id"]

    async def send(self, http: aiohttp.ClientSession, conversation: str, text: str) -> bool:
        body = {"session_id": conversation, "message": text, "client_message_id": uuid.uuid4().hex}
        async with http.post(f"{self.base}/webhook", json=body) as reply:
            await reply.read()
            return reply.status == 200


class RestTarget:
    """Rasa's built-in REST channel."""

    def __init__(self, base: str) -> None:
        self.url = f"{base}/webhooks/rest/webhook"

    async def start(self, http: aiohttp.ClientSession) -> str:
        return uuid.uuid4().hex

    async def send(self, http: aiohttp.ClientSession, conversation: str, text: str) -> bool:
        async with http.post(self.url, json={"sender": conversation, "message": text}) as reply:
            await reply.read()
            return reply.status == 200


async def _conversation(target, http, texts: list[str], latencies: list[float]) -> int:
    conversation = await target.start(http)
    errors = 0
    for text in texts:
        started = time.perf_counter()
        ok = await target.send(http, conversation, text)
        latencies.append((time.perf_counter() - started) * 1000)
        errors += 0 if ok else 1
    return errors


async def _run(target, name: str, concurrency: int, scripts: list[list[str]]) -> LoadReport:
    latencies: list[float] = []
    gate = asyncio.Semaphore(concurrency)
    timeout = aiohttp.ClientTimeout(total=120)
    connector = aiohttp.TCPConnector(limit=concurrency)

    async def one(script: list[str]) -> int:
        async with gate:
            return await _conversation(target, http, script, latencies)

    async with aiohttp.ClientSession(timeout=timeout, connector=connector) as http:
        started = time.perf_counter()
        errors = await asyncio.gather(*(one(script) for script in scripts))
        seconds = time.perf_counter() - started
    return LoadReport(name, concurrency, len(latencies), sum(errors), seconds, latencies)


def measure(
    target, name: str, concurrency: int, texts: list[str], conversations: int, per_conversation: int
) -> LoadReport:
    """`conversations` conversations, `concurrency` at a time, each sending messages with no pause."""
    scripts = [
        [texts[(c * per_conversation + i) % len(texts)] for i in range(per_conversation)]
        for c in range(conversations)
    ]
    return asyncio.run(_run(target, name, concurrency, scripts))
