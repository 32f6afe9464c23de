"""2,000 mutated descriptions through parse, assess and every renderer (bench/fuzz.py, fixed seed):
no uncaught exception, no verdict on an impossible value, a file:line:column on every error."""

from __future__ import annotations

import time

from bench.fuzz import run, summary

CASES = 2_000
WORKERS = 2  # the CI machine has two cores


def test_mutated_descriptions_never_crash_never_give_nonsense_and_always_say_where() -> None:
    started = time.perf_counter()
    outcomes = run(CASES, seed=102, workers=WORKERS)
    report = summary(outcomes, time.perf_counter() - started)
    assert len(outcomes) == CASES
    assert not [o for o in outcomes if o.crash], report
    assert not [o for o in outcomes if o.nonsense], report
    assert all(o.positioned for o in outcomes if not o.accepted), report
    assert sum(o.accepted for o in outcomes) > CASES // 10, report  # the mutations leave enough to assess
    assert {o.renderer for o in outcomes if o.accepted} >= {"gap.docx", "article22.md", "terminal"}, report
