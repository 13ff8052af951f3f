"""Webchat throughput of this checkout against another (an earlier commit), same model, taking turns.

For a refactor that must not slow the assistant down:

    git worktree add /tmp/before <commit>
    python -m scripts.bench.compare_checkouts /tmp/before

Each checkout serves the current model with its own Rasa and action servers (its own code, its
own SQLite database); the same held-out messages are sent to one, then the other, alternating
the order each round so that a neighbour's CPU use does not favour either side. It prints each
round's figures and the medians, and asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
from pathlib import Path

from bot.cli.model_store import current_model
from bot.cli.triage import read_messages
from bot.settings import PROJECT_ROOT, Settings
from scripts.bench.load import LoadReport, WebchatTarget, measure

HOLDOUT = PROJECT_ROOT / "tests" / "data" / "triage_holdout.yml"
MESSAGES_PER_CONVERSATION = 20
#: Started inside each checkout: its own servers on free ports; prints the base URL, then waits.
SERVE = """
import sys, tempfile
from pathlib import Path
from bot.storage.migrate import upgrade_database
from tests.support.servers import LiveServers
root = Path(tempfile.mkdtemp(prefix="councilbot-compare-"))
url = f"sqlite:///{root / 'bench.db'}"
upgrade_database(url)
servers = LiveServers(Path(sys.argv[1]), url, root).start()
print(servers.base_url, flush=True)
sys.stdin.read()
servers.stop()
"""


def serve(checkout: Path, model: Path) -> tuple[subprocess.Popen[str], str]:
    """Start a checkout's servers; return the process and the base URL once they answer."""
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    process = subprocess.Popen(
        [sys.executable, "-c", SERVE, str(model)],
        cwd=checkout,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert process.stdout is not None
    base = process.stdout.readline().strip()
    if not base.startswith("http"):
        raise SystemExit(f"The servers in {checkout} did not start.")
    return process, base


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("other", type=Path, help="a checkout of the commit to compare with")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--conversations", type=int, default=20, help="at the same time")
    parser.add_argument(
        "--model", type=Path, help="a model both can serve (default: the current one)"
    )
    args = parser.parse_args()
    model = args.model or current_model(Settings().model_dir)
    if model is None:
        print("No current model: run `make train` first.", file=sys.stderr)
        return 2
    texts = [text for text, _ in read_messages(HOLDOUT)]
    sides = {"this checkout": PROJECT_ROOT, f"other ({args.other})": args.other.resolve()}
    started = {name: serve(path, model) for name, path in sides.items()}
    try:
        targets = {name: WebchatTarget(base) for name, (_, base) in started.items()}
        for name, target in targets.items():
            measure(target, f"{name} warm-up", 1, texts, 1, 5)
        reports: dict[str, list[LoadReport]] = {name: [] for name in targets}
        for round_ in range(args.rounds):
            order = list(targets.items())
            for name, target in order if round_ % 2 == 0 else reversed(order):
                report = measure(target, name, args.conversations, texts, args.conversations,
                                 MESSAGES_PER_CONVERSATION)  # fmt: skip
                reports[name].append(report)
                print(f"round {round_ + 1}: {report.line()}", flush=True)
        for name, runs in reports.items():
            print(
                f"{name}: median {statistics.median(r.throughput for r in runs):.1f} messages/s, "
                f"p95 {statistics.median(r.percentile(0.95) for r in runs):.0f} ms "
                f"({args.conversations} conversations at once, {args.rounds} rounds)"
            )
    finally:
        for process, _ in started.values():
            if process.stdin:
                process.stdin.close()
            process.wait(timeout=60)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
