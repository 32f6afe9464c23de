"""`c102 whatif` and `c102 diff` in the terminal: what moves baseline → reform, the route switch
made visible, the exact flip point of a sweep, and positioned errors with exit 2."""

from __future__ import annotations

import json

import pytest

from c102.cli.main import main
from c102.resources import data_path

EXAMPLES = data_path("countries") / "examples"
EXAMPLIA = str(EXAMPLES / "examplia.c102")
ACCRUAL = 'scheme."Social Security Fund: pensions".benefit.old_age.accrual_rate'
CEILING = 'scheme."Old-age insurance".benefit.old_age.ceiling'


def test_whatif_shows_the_route_switching_to_another_scheme(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["whatif", EXAMPLIA, "--set", f"{ACCRUAL}=0.2%"]) == 0
    out = capsys.readouterr().out
    assert f"{ACCRUAL}: 1% → 0.2%" in out
    assert "relies on 27(a) [Social Security Fund: pensions] → 27(c) [Old-age assistance]" in out


def test_whatif_json_lists_each_difference_with_both_sides(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["whatif", str(EXAMPLES / "ceiling-fail.c102"), "--set", f"{CEILING}=1200 per month", "--format", "json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    rule = next(d for d in payload["differences"] if d["id"] == "V-28-benefit-level")
    assert (rule["before"]["verdict"], rule["after"]["verdict"]) == ("not_compliant", "compliant")
    assert payload["changes"] == [{"path": CEILING, "before": "800 per month", "after": "1200 per month"}]


def test_a_sweep_locates_the_flip_exactly(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["whatif", EXAMPLIA, "--sweep", f"{ACCRUAL}=0%:1%:0.25%"]) == 0
    out = capsys.readouterr().out
    # (30% + 15 x accrual) x 1.1 (spouse supplement) reaches 40% at an accrual of 14/33%.
    assert "Between 0.4242% and 0.4243%, exactly at 14/33%" in out


def test_a_sweep_of_money_flips_at_the_exact_ceiling(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["whatif", str(EXAMPLES / "ceiling-fail.c102"), "--sweep", f"{CEILING}=600 per month:1200 per month:200 per month", "--format", "json"]) == 0
    flips = json.loads(capsys.readouterr().out)["flips"]
    assert [(f["id"], f["last_before"], f["first_after"], f["exact"]) for f in flips] == [
        ("V-28-benefit-level", "888.88", "888.89", "8000/9 (= 888.888889…)")
    ]


@pytest.mark.parametrize(
    ("argument", "says"),
    [
        (f"{CEILING.replace('ceiling', 'celing')}=5", "--set:1:44: error: 'celing' is not a field here"),
        (f"{CEILING}=5%", "expected an amount of money"),
        ("scheme.Nothing.kind=universal", "no 'scheme' 'Nothing'"),
    ],
)
def test_a_bad_path_or_value_is_a_positioned_error_with_exit_2(
    argument: str, says: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["whatif", str(EXAMPLES / "ceiling-fail.c102"), "--set", argument]) == 2
    err = capsys.readouterr().err
    assert says in err
    assert "^" in err


def test_diff_compares_two_versions_rule_by_rule_and_fact_by_fact(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", str(EXAMPLES / "ceiling-fail.c102"), str(EXAMPLES / "ceiling-pass.c102")]) == 0
    out = capsys.readouterr().out
    assert "V-28-benefit-level (Art 28(a))           not compliant → compliant" in out
    assert "36.0% against 40.0% → 45.0% against 40.0%" in out
    assert f"{CEILING}: 800 per month → 1200 per month" in out
