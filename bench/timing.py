"""How the benchmark measures: CPU time, subject and reference interleaved, medians.

CPU time (``time.process_time``) rather than wall time, so a busy machine slows both sides alike;
subject and reference alternate round by round, so a change of load mid-run falls on both. Nothing
measured is kept alive between samples (the collector would scan it). Child processes are measured
by their own CPU time (``RUSAGE_CHILDREN``) and peak resident memory.
"""

from __future__ import annotations

import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence


def cpu_per_call(fn: Callable[[], object], min_time: float) -> float:
    """CPU seconds of one call, looping until ``min_time`` of CPU has passed."""
    calls = 0
    start = time.process_time()
    while True:
        fn()
        calls += 1
        elapsed = time.process_time() - start
        if elapsed >= min_time:
            return elapsed / calls


def interleaved(
    subject: Callable[[], object],
    reference: Callable[[], object],
    rounds: int = 7,
    min_time: float = 0.05,
) -> tuple[float, float]:
    """Median CPU seconds per call of subject and of reference, sampled alternately."""
    subject()
    reference()  # warm caches and lazy imports on both sides
    subjects: list[float] = []
    references: list[float] = []
    for round_ in range(rounds):
        first_subject = round_ % 2 == 0
        for is_subject in (first_subject, not first_subject):
            if is_subject:
                subjects.append(cpu_per_call(subject, min_time))
            else:
                references.append(cpu_per_call(reference, min_time))
    return statistics.median(subjects), statistics.median(references)


def child_cpu(command: Sequence[str], env: dict[str, str] | None = None) -> float:
    """CPU seconds (user + system) that one child process took."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=env)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def interleaved_children(
    subject: Sequence[str], reference: Sequence[str], rounds: int = 7, env: dict[str, str] | None = None
) -> tuple[float, float]:
    """Median CPU seconds of two commands, run alternately in fresh processes."""
    child_cpu(subject, env)
    child_cpu(reference, env)
    subjects, references = [], []
    for _ in range(rounds):
        subjects.append(child_cpu(subject, env))
        references.append(child_cpu(reference, env))
    return statistics.median(subjects), statistics.median(references)


def peak_memory_mb(command: Sequence[str], env: dict[str, str] | None = None) -> float:
    """Peak resident memory of one command, measured from a fresh wrapper process."""
    probe = (
        "import resource, subprocess, sys\n"
        "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe, *command], check=True, capture_output=True, text=True, env=env
    )
    return int(out.stdout.strip()) / 1024
