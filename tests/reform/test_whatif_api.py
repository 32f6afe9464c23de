"""The what-if API: ``c102.whatif`` and ``c102.sweep`` by fact path, clear errors for a bad path or
value, and nothing of it loaded by ``import c102``."""

from __future__ import annotations

import subprocess
import sys

import pytest

import c102
from c102.reform.paths import PathError, fact_paths
from c102.resources import data_path

EXAMPLIA = str(data_path("countries") / "examples" / "examplia.c102")
ACCRUAL = 'scheme."Social Security Fund: pensions".benefit.old_age.accrual_rate'


def test_import_c102_loads_no_what_if_or_heavy_module() -> None:
    code = "import sys, c102; print(','.join(m for m in sys.modules if m.startswith(('c102.reform', 'c102.evaluate', 'lark', 'yaml'))))"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip() == ""


def test_whatif_moves_part_v_to_old_age_assistance_when_accrual_falls() -> None:
    description = c102.load_description(EXAMPLIA)
    assert c102.assess(description).parts["V"].alternative == "27(a)"
    assert c102.whatif(description, {ACCRUAL: "0.2%"}).parts["V"].alternative == "27(c)"


def test_sweep_pairs_each_value_with_its_assessment() -> None:
    description = c102.load_description(EXAMPLIA)
    results = c102.sweep(description, ACCRUAL, ["0.4%", "0.5%"])
    assert [(value, a.parts["V"].alternative) for value, a in results] == [("0.4%", "27(c)"), ("0.5%", "27(a)")]


def test_a_path_lists_blocks_by_label_and_position() -> None:
    paths = fact_paths(c102.load_description(EXAMPLIA))
    assert ACCRUAL in paths
    assert 'scheme."Social Security Fund: pensions".protected[1].persons' in paths
    assert "statistics.employees" in paths


@pytest.mark.parametrize(
    ("change", "says"),
    [
        ({'scheme."Social Security Fund: pension".benefit.old_age.accrual_rate': "1%"}, "no 'scheme'"),
        ({'scheme."Social Security Fund: pensions".benefit.old_age.acrual_rate': "1%"}, "'acrual_rate' is not a field"),
        ({ACCRUAL: "1.5"}, "expected a percentage"),
        ({"statistics.employes": "5"}, "nearby paths: statistics.employees"),
    ],
)
def test_a_bad_path_or_value_says_what_is_wrong_and_what_exists(change: dict[str, str], says: str) -> None:
    with pytest.raises(PathError) as error:
        c102.whatif(c102.load_description(EXAMPLIA), change)
    assert says in error.value.render()
