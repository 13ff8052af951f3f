"""Throughput with one Rasa server and with two behind nginx, side by side (part of `make bench`).

Starts `run-cluster`'s processes (own PostgreSQL, one action server, two Rasa servers with
RASA_WORKERS workers each, nginx). "one server" sends to the first Rasa server directly, "two
behind nginx" to nginx, which spreads the same load over both; the other server sits idle while
one is measured, so both sides have the same database, action server and machine. The sides take
turns, ROUNDS times, so a neighbour's CPU use at one moment favours neither.
Usage: python -m scripts.bench.cluster_load
"""

from __future__ import annotations

import os
import statistics
import sys
from collections.abc import Callable
from pathlib import Path

from bot.cli.model_store import current_model
from bot.cli.triage import read_messages
from bot.settings import PROJECT_ROOT, Settings
from scripts.bench.load import LoadReport, WebchatTarget, measure
from scripts.bench.servers import cpu_seconds, quiet_env
from tests.support.cluster import running_cluster

HOLDOUT = PROJECT_ROOT / "tests" / "data" / "triage_holdout.yml"
CONCURRENT = 20
MESSAGES_PER_CONVERSATION = 20
ROUNDS = 3


def compare(model: Path, texts: list[str], say: Callable[[str], None]) -> None:
    """Start the cluster, measure both sides in turn, print each round and the medians."""
    workers = Settings().rasa_workers
    say(
        f"== Throughput: one Rasa server, and two behind nginx ({workers} worker(s) each, "
        f"PostgreSQL, {CONCURRENT} conversations at once, the same messages, taking turns)"
    )
    with running_cluster(model, rasa_servers=2, workers=workers) as live:
        sides = [
            ("one server", WebchatTarget(f"http://127.0.0.1:{live.cluster.plan.rasa_ports[0]}")),
            ("two behind nginx", WebchatTarget(live.base_url)),
        ]
        for name, target in sides:
            measure(target, f"{name} warm-up", 2, texts, 2, 5)
        runs: dict[str, list[LoadReport]] = {name: [] for name, _ in sides}
        for round_ in range(ROUNDS):
            for name, target in sides if round_ % 2 == 0 else list(reversed(sides)):
                pids = [server.pid or 0 for server in live.cluster.rasa]
                before = sum(cpu_seconds(pid) for pid in pids)
                report = measure(
                    target, name, CONCURRENT, texts, CONCURRENT, MESSAGES_PER_CONVERSATION
                )
                cpu_ms = 1000 * (sum(cpu_seconds(pid) for pid in pids) - before)
                runs[name].append(report)
                say(
                    f"{report.line()}; round {round_ + 1}, Rasa CPU per message "
                    f"{cpu_ms / max(1, report.messages):.1f} ms"
                )
        one, two = (runs[name] for name, _ in sides)
        ratios = [
            b.throughput / a.throughput for a, b in zip(one, two, strict=True) if a.throughput
        ]
        say(
            f"  median of {ROUNDS} rounds: one server "
            f"{statistics.median(r.throughput for r in one):.1f} messages/s (p95 "
            f"{statistics.median(r.percentile(0.95) for r in one):.0f} ms), two behind nginx "
            f"{statistics.median(r.throughput for r in two):.1f} messages/s (p95 "
            f"{statistics.median(r.percentile(0.95) for r in two):.0f} ms); two/one per round "
            f"{', '.join(f'{r:.2f}x' for r in ratios)}; {os.cpu_count()} CPU cores on this machine"
        )


def main() -> int:
    quiet_env()
    os.environ["ENVIRONMENT"] = "test"
    model = current_model(Settings().model_dir)
    if model is None:
        print("No current model: run `make train` first.", file=sys.stderr)
        return 2
    compare(
        model, [text for text, _ in read_messages(HOLDOUT)], lambda line: print(line, flush=True)
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
