"""Any description the language accepts is assessed without an exception, whatever its numbers,
and no verdict rests on an impossible value (coverage above 100%, a rate above 500%)."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.fuzz import nonsense
from c102.evaluate.engine import assess
from c102.evaluate.verdict import VERDICTS
from c102.language.load import diagnose_text

EXAMPLIA = (Path(__file__).resolve().parents[2] / "countries" / "examples" / "examplia.c102").read_text(encoding="utf-8")
NUMBER = re.compile(r"(?<=[:,] )\d[\d_]*(?:\.\d+)?(?=%| per | days| weeks| months| years|\s|$)")
SPOTS = [m.span() for m in NUMBER.finditer(EXAMPLIA)]


@settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, len(SPOTS) - 1), st.sampled_from(["0", "1", "7", "50", "99.9", "100", "1_000_000_000", "0.000001", "5000"])), max_size=8))
def test_random_numbers_never_crash_the_evaluator(changes: list[tuple[int, str]]) -> None:
    text = EXAMPLIA
    for index, value in sorted(set(changes), key=lambda c: -SPOTS[c[0]][0]):
        start, end = SPOTS[index]
        text = text[:start] + value + text[end:]
    description, _ = diagnose_text(text, "mutated.c102")
    if description is None:  # rejected with diagnostics: the language's job, tested there
        return
    assessment = assess(description)
    assert all(r.verdict in VERDICTS for r in assessment.rules)
    assert nonsense(assessment) == []
