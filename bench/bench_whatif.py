"""What-if throughput: the workbench against a fresh assessment of the same variants.

For each bundled country and the teaching example, one numeric fact of a scheme (a rate, an
accrual, a ceiling, a number of persons) is swept over VARIANTS values. The subject is the
workbench (``c102.reform.workbench.Workbench``), whose build is counted in; the reference is a
fresh ``assess`` of the description with the same fact changed. The two are timed in CPU time,
interleaved variant by variant, in the same process (long-lived objects frozen out of the garbage
collector's walks, as issue 16 suggests for both); every variant's results are checked to be
identical (the JSON and every graph node's value, explanation, source and reads) outside the
timed regions. Run: ``python -m bench.bench_whatif`` (goal: at least 30x per variant).
"""

from __future__ import annotations

import gc
import sys
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

from bench.harness import Case
from c102.evaluate.assessment import Assessment
from c102.evaluate.engine import assess
from c102.language.load import load_description
from c102.model.description import Description
from c102.reform.numbers import numeric
from c102.reform.paths import FactPath, fact_paths, get_fact, resolve, with_fact
from c102.reform.workbench import Workbench
from c102.resources import data_path
from c102.rules.load import load_rulebook

VARIANTS = 100
PREFERRED = ("accrual_rate", "rate", "base_rate", "ceiling", "flat", "persons", "max_duration")
GOAL = 30.0


def swept_fact(description: Description) -> FactPath | None:
    """The first stated numeric scheme fact, preferring the parameters a reform moves most."""
    paths = [resolve(description, p) for p in fact_paths(description) if p.startswith("scheme.")]
    stated = [p for p in paths if numeric(p.type) is not None and get_fact(description, p) is not None]
    for name in PREFERRED:
        for path in stated:
            if path.steps[-1].field == name:
                return path
    return stated[0] if stated else None


def values_for(description: Description, path: FactPath, count: int) -> list[Any]:
    """Values from 0 to twice the stated one, so verdicts and routes move along the way."""
    adaptor = numeric(path.type)
    fact = get_fact(description, path)
    assert adaptor is not None and fact is not None
    top = adaptor.number(fact.value) * 2 or 1
    out = []
    for i in range(count):
        number = top * i / (count - 1)
        step = Decimal(round(number)) if adaptor.whole else Decimal(number.numerator) / Decimal(number.denominator)
        out.append(adaptor.make(fact.value, step.quantize(Decimal("0.0001")) if not adaptor.whole else step))
    return out


def snapshot(assessment: Assessment) -> tuple[Any, dict[str, Any]]:
    assert assessment.graph is not None
    nodes = {
        node_id: (repr(node.value), node.explanation, node.source, node.position, tuple(node.reads))
        for node_id, node in assessment.graph.nodes.items()
    }
    return assessment.to_json(), nodes


def measure(description: Description, path: FactPath, values: list[Any]) -> tuple[float, float, float, bool]:
    """CPU seconds of the workbench build, of its variants and of fresh assessments; identity."""
    rulebook = load_rulebook()
    gc.collect()
    start = time.process_time()
    bench = Workbench(description, rulebook)
    build = time.process_time() - start
    gc.collect()
    gc.freeze()  # the long-lived workbench and rulebook are not walked by every collection
    subject = reference = 0.0
    identical = True
    for value in values:
        fact = bench.fact_for(path, value)
        start = time.process_time()
        mine = bench.assess([(path, fact)])
        subject += time.process_time() - start
        start = time.process_time()
        changed, _, _ = with_fact(description, path, fact)
        fresh = assess(changed, rulebook=rulebook)
        reference += time.process_time() - start
        identical = identical and snapshot(mine) == snapshot(fresh)
    gc.unfreeze()
    return build, subject, reference, identical


def countries() -> list[Path]:
    folder = data_path("countries")
    return [folder / "examples" / "examplia.c102", *sorted(folder.glob("*.c102"))]


def main() -> int:
    builds = subjects = references = 0.0
    all_identical = True
    print(f"{VARIANTS} variants per description; CPU ms per variant, what-if and fresh assessment interleaved")
    print(f"{'description':<26} {'fact swept':<58} {'build':>7} {'what-if':>8} {'fresh':>7} {'ratio':>7}  same")
    for file in countries():
        description = load_description(str(file))
        path = swept_fact(description)
        if path is None:
            continue
        build, subject, reference, identical = measure(description, path, values_for(description, path, VARIANTS))
        builds, subjects, references = builds + build, subjects + subject, references + reference
        all_identical = all_identical and identical
        print(
            f"{file.name:<26} {path.text[:58]:<58} {build * 1e3:>7.1f} {subject / VARIANTS * 1e3:>8.3f} "
            f"{reference / VARIANTS * 1e3:>7.3f} {reference / subject:>6.1f}x  {'yes' if identical else 'NO'}"
        )
    steady = references / subjects
    amortised = references / (subjects + builds)
    met = "met" if steady >= GOAL and all_identical else "NOT met"
    print(
        f"what-if / fresh assessment, per variant: {steady:.1f}x faster "
        f"({amortised:.1f}x with each workbench build spread over its {VARIANTS} variants); "
        f"results identical: {'yes' if all_identical else 'NO'}  [goal: >= {GOAL:.0f}x, {met}]"
    )
    return 0 if all_identical else 1


def cases() -> list[Case]:
    """For ``python -m bench.run``: one teaching-example variant, what-if against fresh."""
    description = load_description(str(countries()[0]))
    path = swept_fact(description)
    assert path is not None
    values = values_for(description, path, 2)
    rulebook = load_rulebook()
    bench = Workbench(description, rulebook)
    facts = [bench.fact_for(path, v) for v in values]
    state = {"i": 0}

    def subject() -> object:
        state["i"] ^= 1
        return bench.assess([(path, facts[state["i"]])])

    def reference() -> object:
        changed, _, _ = with_fact(description, path, facts[0])
        return assess(changed, rulebook=rulebook)

    return [
        Case(
            "what-if, one variant of the teaching example",
            subject,
            reference,
            "fresh assessment",
            unit="variant",
            goal="<= 0.033x (30 times faster); python -m bench.bench_whatif for the interleaved CPU-time run",
        )
    ]


if __name__ == "__main__":
    sys.exit(main())
