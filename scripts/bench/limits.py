"""What a shared limit check costs: the time of one RateLimits.take on a database, alone and
with several processes taking places for the same key at once (and that none goes over).

    python -m scripts.bench.limits [DATABASE_URL]    (default: a fresh SQLite file)
"""

from __future__ import annotations

import multiprocessing
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

TAKES = 400
PROCESSES = 4


def _times(url: str, key: str, count: int, limit: int) -> tuple[list[float], int]:
    os.environ["DATABASE_URL"] = url
    from bot.records.rate_limits import Limit, RateLimits

    limits, rule = RateLimits(url), Limit("bench", limit, 3600)
    took, allowed = [], 0
    for _ in range(count):
        started = time.perf_counter()
        allowed += limits.take(rule, key)
        took.append((time.perf_counter() - started) * 1000)
    return took, allowed


def _worker(args: tuple[str, str, int, int]) -> tuple[list[float], int]:
    return _times(*args)


def _line(name: str, took: list[float]) -> str:
    ordered = sorted(took)
    p95 = ordered[int(0.95 * (len(ordered) - 1))]
    return f"  {name}: p50 {statistics.median(ordered):.2f} ms, p95 {p95:.2f} ms ({len(ordered)} takes)"


def main() -> None:
    if len(sys.argv) > 1:
        url = sys.argv[1]
    else:
        url = f"sqlite:///{Path(tempfile.mkdtemp()) / 'limits.db'}"
    os.environ["DATABASE_URL"] = url
    from bot.storage.migrate import upgrade_database

    upgrade_database(url)
    print(f"Shared limits on {url.split(':', 1)[0]}:")
    alone, _ = _times(url, "alone", TAKES, TAKES * 10)
    print(_line("one process", alone))
    limit = TAKES  # fewer places than the processes ask for together
    with multiprocessing.get_context("spawn").Pool(PROCESSES) as pool:
        results = pool.map(_worker, [(url, "shared", TAKES, limit)] * PROCESSES)
    together = [t for took, _ in results for t in took]
    allowed = sum(n for _, n in results)
    print(_line(f"{PROCESSES} processes, one key", together))
    print(f"  places taken: {allowed} of {limit} ({PROCESSES * TAKES} asked for)")


if __name__ == "__main__":
    main()
