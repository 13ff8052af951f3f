"""Prints how many held-out transaction openings end with a stored reference, per intent.

Starts the real Rasa and action servers on a fresh SQLite database, lets a scripted resident
answer every question (tests/support/scripted_resident.py) and prints the share completed,
with the transcript of each conversation that did not finish (``--failures``).
Usage: ``.venv/bin/python -m scripts.bench.transactions [--failures]``
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from bot.cli.model_store import current_model
from bot.settings import get_settings
from bot.storage.migrate import upgrade_database
from tests.e2e.test_holdout_transactions import (
    run_holdout,
    stored_references,
    summary,
)
from tests.support.servers import LiveServers


def main() -> int:
    model = current_model(get_settings().model_dir)
    if model is None:
        print("No model for the current data: run `make train` first.", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as root:
        url = f"sqlite:///{Path(root) / 'bench.db'}"
        upgrade_database(url)
        servers = LiveServers(model, url, Path(root) / "logs").start()
        try:
            outcomes = run_holdout(servers.webchat)
            stored = stored_references(url)
        finally:
            servers.stop()
    every = [o for group in outcomes.values() for o in group]
    for outcome in every:
        if outcome.reference not in stored:
            outcome.reference = None
    print("\n".join(summary(outcomes)))
    done = sum(o.completed for o in every)
    print(f"completed with a stored reference: {done}/{len(every)} ({done / len(every):.1%})")
    if "--failures" in sys.argv:
        for outcome in every:
            if not outcome.completed:
                print(f"\n* {outcome.opening}")
                for line in outcome.transcript:
                    print(f"    {line[:160]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
