"""SMS and Telegram channel figures: forged requests accepted, replay duplicates, sends after STOP,
the longest SMS reply in segments, and webhook acknowledgement times under 20 concurrent senders.

Runs the real channel code on a real Sanic server with local fake Twilio/Telegram APIs and a scripted
stand-in for Rasa (the acknowledgement does not wait for Rasa). Prints figures; asserts nothing.
Usage: python -m scripts.bench.channels [--live]  (--live: against the real Rasa server)
"""

from __future__ import annotations

import multiprocessing
import os
import random
import statistics
import string
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

os.environ["ENVIRONMENT"] = "test"

import httpx
import yaml

from bot.settings import PROJECT_ROOT

FORGED = 1200
REPLAYED_MESSAGES = 40
REPLAYS = 5
STOPPED_NUMBERS = 20
SENDERS = 20
MESSAGES_PER_SENDER = 15
BOT_SECONDS = float(os.environ.get("BENCH_BOT_SECONDS", "0.05"))


def _mutate(
    rng: random.Random, params: dict[str, str], signature: str
) -> tuple[str, dict[str, str], str]:
    from tests.channels.sms_helpers import sign

    params = dict(params)
    kind = rng.choice(
        ["query", "value", "added", "removed", "signature", "unsigned", "other_token", "path"]
    )
    query, path = "", "webhook"
    if kind == "query":
        query = f"?{rng.choice(string.ascii_lowercase)}={rng.randint(0, 999)}"
    elif kind == "value":
        name = rng.choice(sorted(params))
        params[name] = params[name] + rng.choice(["x", " ", "1", "\u00e9"])
    elif kind == "added":
        params["X" + "".join(rng.choices(string.ascii_letters, k=6))] = str(rng.random())
    elif kind == "removed":
        del params[rng.choice(sorted(params))]
    elif kind == "signature":
        i = rng.randrange(len(signature))
        signature = (
            signature[:i]
            + rng.choice([c for c in "ABCabc012+/" if c != signature[i]])
            + signature[i + 1 :]
        )
    elif kind == "unsigned":
        signature = ""
    elif kind == "other_token":
        signature = sign("/webhooks/twilio_sms/webhook", params, token="another-token")
    else:
        path = "status"  # a message signature replayed against the status callback
    return f"{path}{query}", params, signature


def measure_acks(base_url: str, senders: int, per_sender: int) -> list[float]:
    """Each sender posts its signed messages one after another; all senders at once."""
    import asyncio

    from tests.channels.sms_helpers import inbound, sign

    async def sender(client: httpx.AsyncClient, index: int) -> list[float]:
        timings = []
        for n in range(per_sender):
            params = inbound(f"sender {index} message {n}", number=f"+4477007{index:05d}")
            headers = {"X-Twilio-Signature": sign("/webhooks/twilio_sms/webhook", params)}
            started = time.perf_counter()
            reply = await client.post(f"{base_url}/webhook", data=params, headers=headers)
            timings.append(time.perf_counter() - started)
            if reply.status_code != 200:
                timings[-1] = float("inf")
        return timings

    async def run() -> list[float]:
        limits = httpx.Limits(max_connections=senders)
        async with httpx.AsyncClient(timeout=30, limits=limits) as client:
            chunks = await asyncio.gather(*(sender(client, i) for i in range(senders)))
        return [t for chunk in chunks for t in chunk]

    return asyncio.run(run())


def main() -> None:
    from bot.storage.migrate import upgrade_database
    from tests.channels.sms_helpers import (
        ACCOUNT_SID,
        AUTH_TOKEN,
        FROM_NUMBER,
        PUBLIC_BASE,
        inbound,
        sign,
    )  # fmt: skip
    from tests.support.channel_app import RunningChannel, ScriptedBot
    from tests.support.fake_providers import FakeApi

    tmp = Path(tempfile.mkdtemp(prefix="bench_channels_"))
    url = f"sqlite:///{tmp / 'bench.db'}"
    twilio_api = FakeApi("twilio").start()
    os.environ.update({
        "DATABASE_URL": url, "TWILIO_ACCOUNT_SID": ACCOUNT_SID, "TWILIO_AUTH_TOKEN": AUTH_TOKEN,
        "TWILIO_FROM_NUMBER": FROM_NUMBER, "TWILIO_API_URL": twilio_api.url, "PUBLIC_BASE_URL": PUBLIC_BASE,
    })  # fmt: skip
    upgrade_database(url)

    from channels.sms_render import render_sms, segment_count, to_gsm
    from channels.twilio_sms import TwilioSmsInput

    calls: dict[str, int] = {}

    def slow_bot_reply(text: str) -> list[dict]:
        calls[text] = calls.get(text, 0) + 1  # a booking would be made once per call
        time.sleep(BOT_SECONDS)  # Rasa's work, blocking the loop the way a busy worker does
        return [{"text": f"Thanks, your reference is MB-{abs(hash(text)) % 10**6:06d}."}]

    channel = TwilioSmsInput.from_credentials(None)
    bot = ScriptedBot(slow_bot_reply)
    webhook_path = "/webhooks/twilio_sms/webhook"
    with RunningChannel(channel, bot) as running, httpx.Client(timeout=30) as client:

        def post(params: dict[str, str], signature: str, route: str = "webhook") -> httpx.Response:
            return client.post(
                f"{running.base_url}/{route}",
                data=params,
                headers={"X-Twilio-Signature": signature},
            )

        def settle() -> None:
            time.sleep(0.2)
            running.run(channel.sender.drain(), 300)

        # 1. Forged and mutated requests.
        rng = random.Random(20261122)
        accepted = 0
        for _ in range(FORGED):
            params = inbound("report a missed bin")
            route, mutated, signature = _mutate(rng, params, sign(webhook_path, params))
            reply = post(mutated, signature, route)
            accepted += reply.status_code not in {403}
        settle()
        print(f"Forged/mutated SMS webhooks accepted: {accepted} of {FORGED} "
              f"(bot turns started: {len(bot.received)}, texts sent: {len(twilio_api.requests)})")  # fmt: skip

        # 2. Replays: each message posted 5 times, concurrently.
        before_sent = len(twilio_api.requests)
        messages = [
            inbound(f"replayed message {i}", number=f"+4477009{i:05d}")
            for i in range(REPLAYED_MESSAGES)
        ]
        with ThreadPoolExecutor(10) as pool:
            list(
                pool.map(
                    lambda p: post(p, sign(webhook_path, p)),
                    [m for m in messages for _ in range(REPLAYS)],
                )
            )
        settle()
        turns = sum(max(0, calls.get(m["Body"], 0) - 1) for m in messages)
        sent = twilio_api.requests[before_sent:]
        per_number: dict[str, int] = {}
        for request in sent:
            per_number[request.params["To"]] = per_number.get(request.params["To"], 0) + 1
        duplicate_sends = sum(n - 1 for n in per_number.values() if n > 1)
        print(f"Duplicate side effects under {REPLAYS}x replay of {REPLAYED_MESSAGES} messages: "
              f"{turns} extra bot turns (bookings), {duplicate_sends} extra texts sent")  # fmt: skip

        # 3. Sends after STOP: STOP, then messages, advisor replies and a reply queued before STOP.
        from channels.delivery import DeliveryError, delivery_for

        stopped = [f"+4477008{i:05d}" for i in range(STOPPED_NUMBERS)]
        for number in stopped:
            channel.outbound.enqueue(
                "twilio_sms", f"queued-before-stop:{number}", number, [("Late reply", [])]
            )
        stop_at = time.monotonic()
        for number in stopped:
            params = inbound(
                rng.choice(["STOP", " stop ", "Unsubscribe", "QUIT", "end", "cancel"]),
                number=number,
            )
            post(params, sign(webhook_path, params))
        settle()
        refused = 0
        for number in stopped:
            for text in ("my bin wasn't collected", "HELP", "1"):
                params = inbound(text, number=number)
                post(params, sign(webhook_path, params))
            try:
                running.run(
                    delivery_for(running.app, "twilio_sms").send(number, "An advisor's reply")
                )
            except DeliveryError:
                refused += 1
        running.run(channel.sender.retry_due())
        settle()
        after_stop = [
            r for r in twilio_api.requests if r.params["To"] in stopped and r.at >= stop_at
        ]
        print(f"Sends after STOP to {STOPPED_NUMBERS} numbers: {len(after_stop)} "
              f"(advisor replies refused: {refused} of {STOPPED_NUMBERS})")  # fmt: skip

        # 4. Acknowledgement times with 20 concurrent senders, from a separate process (as Twilio is).
        with multiprocessing.get_context("spawn").Pool(1) as pool:
            timings = sorted(
                pool.apply(measure_acks, (running.base_url, SENDERS, MESSAGES_PER_SENDER))
            )
        settle()
        p95 = timings[int(len(timings) * 0.95) - 1]
        print(f"SMS webhook acknowledgement with {SENDERS} concurrent senders ({len(timings)} messages, "
              f"scripted bot blocking the loop {BOT_SECONDS * 1000:.0f} ms per turn, senders posting back to back): p50 {statistics.median(timings) * 1000:.0f} ms, "
              f"p95 {p95 * 1000:.0f} ms, max {timings[-1] * 1000:.0f} ms")  # fmt: skip

    twilio_api.stop()

    # 5. The longest SMS reply the assistant can produce, in segments.
    from bot.council import get_council

    council = get_council()
    candidates: list[tuple[str, list[dict]]] = []
    for domain_file in sorted((PROJECT_ROOT / "bot" / "domain").glob("*.yml")):
        for name, variants in (
            (yaml.safe_load(domain_file.read_text()) or {}).get("responses", {}).items()
        ):
            for variant in variants:
                candidates.append(
                    (
                        name,
                        [{"text": variant.get("text", ""), "buttons": variant.get("buttons", [])}],
                    )
                )
    for intent, info in council.information.items():
        buttons = [{"title": b.title, "payload": b.payload} for b in info.buttons]
        text = info.text + (f"\n{info.link}" if info.link else "")
        candidates.append((f"information:{intent}", [{"text": text, "buttons": buttons}]))
    worst_raw = max(candidates, key=lambda c: segment_count(to_gsm(c[1][0]["text"])))
    rendered = [
        (name, segment_count(render_sms(messages, 3).body)) for name, messages in candidates
    ]
    worst = max(rendered, key=lambda r: r[1])
    print(f"Longest SMS reply the assistant can produce: {worst[1]} segments ({worst[0]}); the longest "
          f"unshortened text ({worst_raw[0]}) would need {segment_count(to_gsm(worst_raw[1][0]['text']))} "
          f"segments; {len(candidates)} responses checked")  # fmt: skip


def main_live() -> None:
    """Acknowledgement times against the real Rasa and action servers (model trained first)."""
    from bot.cli.model_store import current_model
    from bot.settings import get_settings
    from bot.storage.migrate import upgrade_database
    from tests.channels.sms_helpers import ACCOUNT_SID, AUTH_TOKEN, FROM_NUMBER, PUBLIC_BASE
    from tests.support.fake_providers import FakeApi
    from tests.support.servers import LiveServers

    model = current_model(get_settings().model_dir)
    if model is None:
        print("No trained model: run `councilbot train` first.")
        return
    tmp = Path(tempfile.mkdtemp(prefix="bench_channels_live_"))
    url = f"sqlite:///{tmp / 'live.db'}"
    upgrade_database(url)
    api = FakeApi("twilio").start()
    env = {"TWILIO_ACCOUNT_SID": ACCOUNT_SID, "TWILIO_AUTH_TOKEN": AUTH_TOKEN, "TWILIO_FROM_NUMBER": FROM_NUMBER,
           "TWILIO_API_URL": api.url, "PUBLIC_BASE_URL": PUBLIC_BASE}  # fmt: skip
    servers = LiveServers(model, url, tmp / "logs", extra_env=env).start()
    try:
        per_sender = int(os.environ.get("BENCH_LIVE_MESSAGES", "5"))
        started = time.monotonic()
        with multiprocessing.get_context("spawn").Pool(1) as pool:
            timings = sorted(
                pool.apply(
                    measure_acks, (f"{servers.base_url}/webhooks/twilio_sms", SENDERS, per_sender)
                )
            )
        deadline = time.monotonic() + 300
        while len(api.requests) < len(timings) and time.monotonic() < deadline:
            time.sleep(0.2)
        p95 = timings[int(len(timings) * 0.95) - 1]
        print(f"Real Rasa server ({servers.settings.rasa_workers} workers): SMS webhook acknowledgement with "
              f"{SENDERS} concurrent senders ({len(timings)} messages): p50 {statistics.median(timings) * 1000:.0f} ms, "
              f"p95 {p95 * 1000:.0f} ms, max {timings[-1] * 1000:.0f} ms; all {len(api.requests)} replies sent "
              f"{time.monotonic() - started:.0f} s after the first message")  # fmt: skip
    finally:
        servers.stop()
        api.stop()


if __name__ == "__main__":
    if "--live" in sys.argv:
        main_live()
    else:
        main()
