"""A tiny benchmark harness: medians of repeated runs and ratios against an in-run reference.

Each benchmark module ``bench/bench_*.py`` exposes ``cases() -> list[Case]``. A case times a
subject and a reference doing comparable work in the same process, so the ratio is meaningful on
any machine; absolute times are printed for information only. Tests never assert on timings.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class Case:
    name: str
    subject: Callable[[], object]
    reference: Callable[[], object] | None = None
    reference_name: str = ""
    unit_work: float = 1.0  # units of work per call (e.g. bytes), for a throughput line
    unit: str = "call"  # what one call processes ("country"), or the unit of unit_work ("B")
    goal: str = ""  # what the issue asks, printed beside the ratio


def median_seconds(fn: Callable[[], object], repeat: int = 7, min_time: float = 0.05) -> float:
    """Median time of one call: each sample loops until ``min_time`` has passed."""
    fn()  # warm up caches and lazy imports
    samples = []
    for _ in range(repeat):
        n = 0
        start = time.perf_counter()
        while True:
            fn()
            n += 1
            elapsed = time.perf_counter() - start
            if elapsed >= min_time:
                break
        samples.append(elapsed / n)
    return statistics.median(samples)


def run_case(case: Case, repeat: int = 7) -> str:
    subject = median_seconds(case.subject, repeat)
    if case.unit_work != 1.0:  # a throughput: unit_work units (e.g. bytes) per call
        line = f"{case.name}: {subject * 1e3:.3f} ms per call ({case.unit_work / subject / 1e6:.2f} M{case.unit}/s)"
    else:
        line = f"{case.name}: {subject * 1e3:.3f} ms/{case.unit}"
    if case.reference is not None:
        reference = median_seconds(case.reference, repeat)
        line += f"; {case.reference_name}: {reference * 1e3:.3f} ms; ratio {subject / reference:.2f}x"
    if case.goal:
        line += f"  [goal: {case.goal}]"
    return line
