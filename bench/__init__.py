"""Benchmarks: each prints a median and a ratio against a reference measured in the same run."""
