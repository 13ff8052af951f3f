"""Benchmark scripts (`make bench`): print figures, assert nothing."""
