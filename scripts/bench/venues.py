"""Nearest-venue lookup time for a postcode (median, p95) and memory used by the postcode data, printed.

Run: .venv/bin/python -m scripts.bench.venues
It asserts nothing. A lookup is what the assistant does per request: postcode -> ONS
record -> distance to every venue -> filter -> the 3 nearest.
"""

from __future__ import annotations

import gc
import random
import statistics
import time
import tracemalloc
from datetime import datetime
from pathlib import Path

from bot.council import DEFAULT_COUNCIL_DIR, load_council
from bot.records.postcodes import PostcodeDirectory
from bot.records.venues import VenueFinder, VenueWants

LOOKUPS = 20_000
AT = datetime(2026, 11, 24, 11, 0)


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main() -> None:
    gc.collect()
    rss_before = _rss_mb()
    tracemalloc.start()
    directory = PostcodeDirectory()
    started = time.perf_counter()
    directory.preload("P")  # every postcode starting with P (Plymouth is PL)
    load_seconds = time.perf_counter() - started
    traced, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss_after = _rss_mb()
    table = directory._tables["P"]
    assert table is not None
    print(f"postcode data, letter P: {table.count:,} postcodes loaded in {load_seconds:.2f} s")
    print(f"  kept in memory: {traced / 2**20:.1f} MiB (peak while loading {peak / 2**20:.1f} MiB)")
    print(f"  process resident memory grew by {rss_after - rss_before:.1f} MiB")
    whole = sum(f.stat().st_size for f in directory.data_dir.glob("postcodes_*.msgpack.br"))
    print(f"  compressed files for all letters on disk: {whole / 2**20:.1f} MiB")

    council = load_council(DEFAULT_COUNCIL_DIR, directory)
    finder = VenueFinder(council.venues, council.venue_positions)
    keys = table.keys
    plymouth = [
        keys[i * 7 : i * 7 + 7].decode()
        for i in range(table.count)
        if table.la_codes[table.la_index[i]] == council.ons_code
    ]
    postcodes = [f"{p[:4].strip()} {p[4:]}" for p in plymouth]
    rng = random.Random(7)
    sample = [rng.choice(postcodes) for _ in range(LOOKUPS)]
    wants = [
        VenueWants(),
        VenueWants(facilities=frozenset({"wifi"}), days=frozenset({5})),
        VenueWants(open_now=True),
    ]
    timings = []
    for n, postcode in enumerate(sample):
        begin = time.perf_counter()
        record = directory.lookup(postcode)
        assert record is not None
        finder.nearest(record.easting, record.northing, wants[n % 3], AT, 3)
        timings.append(time.perf_counter() - begin)
    timings.sort()
    p95 = timings[int(len(timings) * 0.95)]
    print(
        f"nearest 3 venues for a postcode ({len(council.venues)} venues, {LOOKUPS:,} random "
        f"{council.ons_code} postcodes): median {statistics.median(timings) * 1e6:.0f} µs, "
        f"p95 {p95 * 1e6:.0f} µs, max {timings[-1] * 1e3:.2f} ms"
    )


if __name__ == "__main__":
    main()
