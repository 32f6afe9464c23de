"""A search for the change that closes a gap asks the workbench for one rule's verdict at many
values (``Workbench.rule_result``), skipping the assembly of the rest; the next whole assessment
still gives exactly what a fresh assessment of that variant gives."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from c102.reform.paths import FactPath
from tests.reform.test_whatif_matches_fresh import fresh, snapshot, value_for, workbench

PATH = 'scheme."Social Security Fund: pensions".benefit.old_age.accrual_rate'
RULE = "V-28-benefit-level"


def test_one_rules_result_is_the_one_a_whole_assessment_of_the_variant_gives() -> None:
    bench = workbench("examples/examplia.c102")
    for value in ("0.1%", "0.5%", "2%"):
        quick = bench.rule_result({PATH: value}, RULE)
        whole = bench.assess({PATH: value}).rule(RULE)
        assert (quick.verdict, quick.value, quick.threshold, quick.explanation) == (
            whole.verdict,
            whole.value,
            whole.threshold,
            whole.explanation,
        )


@settings(max_examples=15, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.decimals(min_value=0, max_value=3, places=2), min_size=1, max_size=6), st.data())
def test_an_assessment_after_skipped_assemblies_matches_a_fresh_one(skipped: list[object], data: st.DataObject) -> None:
    bench = workbench("examples/examplia.c102")
    path: FactPath = bench.resolve(PATH)
    for value in skipped:
        bench.rule_result([(path, f"{value}%")], RULE)
    final = data.draw(value_for(path.type))
    changes = [(path, final)]
    assert snapshot(bench.assess(changes)) == snapshot(fresh(bench.original, changes, bench))
    assert snapshot(bench.assess(())) == snapshot(bench.baseline)
