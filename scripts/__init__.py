"""Project scripts: benchmarks and maintenance helpers."""
