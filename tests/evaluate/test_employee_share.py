"""Article 71(2): the employees' share leaves out family benefit and a separate employment-injury
branch, and is settled from the rates only where every reading the facts leave open agrees."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

from c102.language.diagnose import check_file
from tests.evaluate.conftest import protected, rule, run, scheme, statistics

ROOT = Path(__file__).resolve().parents[2]
RULE = "XIII-71-2-employee-share"
STATS = statistics(employees=1000)


def rates(employee: str | None, employer: str | None) -> str:
    lines = "".join(
        f"  {k}: {v}\n" for k, v in (("employee_rate", employee), ("employer_rate", employer)) if v
    )
    return f"financing {{\n{lines}}}\n"


def test_a_scheme_of_unknown_protection_that_could_tip_the_share_leaves_it_unknown() -> None:
    pensions = scheme("Pensions", "old_age", protected(800) + rates("11%", "10%"))
    health = scheme("Health", "medical_care", rates("3%", "6%"))
    result = rule(run(STATS, pensions, health), RULE)
    # 11/21 alone, 14/30 with the health fund: on both sides of 50%.
    assert result.verdict == "insufficient_data"
    assert "scheme.health.protected" in result.missing
    assert "between 46.7% and 52.4%" in result.explanation


def test_a_scheme_of_unknown_protection_that_cannot_tip_the_share_does_not_block_it() -> None:
    pensions = scheme("Pensions", "old_age", protected(800) + rates("4%", "6%"))
    health = scheme("Health", "medical_care", rates("3%", "6%"))
    result = rule(run(STATS, pensions, health), RULE)
    assert result.verdict == "compliant" and "at most 40.0%" in result.explanation


def test_a_scheme_with_no_financing_that_may_protect_employees_blocks_a_pass() -> None:
    pensions = scheme("Pensions", "old_age", protected(800) + rates("4%", "6%"))
    sickness = scheme("Sickness", "sickness", "contingencies: incapacity\n")
    result = rule(run(STATS, pensions, sickness), RULE)
    assert result.verdict == "insufficient_data"
    assert "scheme.sickness.financing" in result.missing


def test_an_employer_liability_scheme_can_only_lower_the_share() -> None:
    pensions = scheme("Pensions", "old_age", protected(800) + rates("4%", "6%"))
    sick_pay = scheme("Sick pay", "sickness", "contingencies: incapacity\n", "employer_liability")
    assert rule(run(STATS, pensions, sick_pay), RULE).verdict == "compliant"
    heavy = scheme("Pensions", "old_age", protected(800) + rates("7%", "3%"))
    result = rule(run(STATS, heavy, sick_pay), RULE)
    # 70% from the rates, but the employers' cost of sick pay is not given: it could bring it under.
    assert result.verdict == "insufficient_data" and "scheme.sick-pay.financing" in result.missing


def test_a_scheme_paying_only_family_and_injury_benefit_is_left_out() -> None:
    pensions = scheme("Pensions", "old_age", protected(800) + rates("5%", "5%"))
    both = scheme("Family and injury", "family, employment_injury", protected(800) + rates("9%", None))
    result = rule(run(STATS, pensions, both), RULE)
    assert result.verdict == "compliant" and result.value == Fraction(1, 2)


def test_the_totals_decide_where_given() -> None:
    stats = statistics(
        employees=1000, employee_contributions="40 per year", financial_resources="100 per year"
    )
    mixed = scheme("Fund", "old_age, family", protected(800) + rates("9%", "1%"))
    result = rule(run(stats, mixed), RULE)
    assert result.verdict == "compliant" and "family benefit" in result.explanation


def test_check_warns_where_the_share_was_read_differently_before(tmp_path: Path) -> None:
    path = ROOT / "tests" / "legal" / "art-71-2-family-mixed.c102"
    readings = [d for d in check_file(path) if d.code == "reading"]
    assert len(readings) == 1 and "Art 71(2)" in readings[0].message
    line = next(i for i, text in enumerate(path.read_text().splitlines(), 1) if "financing {" in text)
    assert readings[0].position.line == line


def test_check_warns_where_a_separate_injury_scheme_is_now_left_out() -> None:
    path = ROOT / "tests" / "legal" / "art-71-2-family-excluded.c102"
    readings = [d.message for d in check_file(path) if d.code == "reading"]
    assert any("Injury Fund" in m and "left out" in m for m in readings)
    # The family fund was left out before too: no warning for it.
    assert not any("Family Allowance Fund" in m for m in readings)
