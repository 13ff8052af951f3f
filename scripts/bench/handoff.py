"""Time from a crisis message in the webchat to its urgent ticket showing in the advisor console.

Starts the real Rasa and action servers on a fresh SQLite database, signs an advisor in,
sends crisis messages from new webchat conversations and polls the console's live queue
(as its page does) until each ticket appears. Prints figures; asserts nothing.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

import yaml

from bot.cli.model_store import current_model
from bot.records.advisor_accounts import AdvisorAccounts
from bot.settings import PROJECT_ROOT, Settings
from bot.storage.migrate import upgrade_database
from scripts.bench.servers import quiet_env
from tests.e2e.console_client import ConsoleClient
from tests.e2e.webchat_client import WebchatClient
from tests.support.servers import LiveServers

ROUNDS = 40
POLL_EVERY_S = 0.02


def crisis_messages() -> list[str]:
    data = yaml.safe_load((PROJECT_ROOT / "tests" / "data" / "crisis_positive.yml").read_text())
    return [text for examples in data.values() for text in examples]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def main() -> int:
    quiet_env()
    model = current_model(Settings().model_dir)
    if model is None:
        print("No current model: run `make train` first.", file=sys.stderr)
        return 2
    root = Path(tempfile.mkdtemp(prefix="bench-handoff-"))
    url = f"sqlite:///{root / 'bench.db'}"
    upgrade_database(url)
    servers = LiveServers(model, url, root / "logs").start()
    try:
        username = f"bench{uuid.uuid4().hex[:6]}"
        AdvisorAccounts(url).create(username, "Bench Advisor", "bench password 123")
        console = ConsoleClient(
            f"{servers.base_url}/webhooks/console", username, "bench password 123"
        )
        messages = crisis_messages()
        to_console: list[float] = []
        reply: list[float] = []
        for n in range(ROUNDS):
            chat = WebchatClient(servers.webchat)
            started = time.perf_counter()
            answer = chat.send(messages[(n * 7) % len(messages)])
            reply.append(time.perf_counter() - started)
            reference = next(
                m["text"].split("Your reference is ")[1].split(".")[0]
                for m in answer
                if "Your reference is " in m["text"]
            )
            while not any(
                t["reference"] == reference and t["priority"] == "urgent" for t in console.queue()
            ):
                time.sleep(POLL_EVERY_S)
            to_console.append(time.perf_counter() - started)
        ms = [v * 1000 for v in to_console]
        replies = [v * 1000 for v in reply]
        print(f"== Crisis message to urgent ticket visible in the console ({ROUNDS} conversations)")
        print(
            f"  p50 {statistics.median(ms):.0f} ms, p95 {percentile(ms, 0.95):.0f} ms, max {max(ms):.0f} ms"
        )
        print(
            f"  (webchat reply with the safety numbers: p50 {statistics.median(replies):.0f} ms, "
            f"p95 {percentile(replies, 0.95):.0f} ms)"
        )
        started = time.perf_counter()
        for _ in range(20):
            console.queue()
        print(
            f"  console queue.json with {len(console.queue())} tickets: "
            f"{(time.perf_counter() - started) * 1000 / 20:.0f} ms per refresh"
        )
    finally:
        servers.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
