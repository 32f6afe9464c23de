"""Readings of issue 10: Art 65 or 66, Art 68(2)'s reciprocity, classes of employees under (a),
and an Art 3 declaration silent on its exceptions."""

from __future__ import annotations

from pathlib import Path

from c102.language.diagnose import check_file
from tests.evaluate.conftest import protected, rule, run, scheme, statistics

WAGES = statistics(
    employees=1000,
    residents=5000,
    economically_active=2000,
    industrial_employees=400,
    skilled_wage="1_000 per month",
    labourer_wage="400 per month",
)


def pension(rate: str, extra: str = "") -> str:
    body = protected(600) + f"benefit old_age {{\n  form: periodic\n  rate: {rate}\n{extra}}}\n"
    return scheme("Pensions", "old_age", body)


def test_an_earnings_related_benefit_below_art_65_that_meets_art_66_is_compliant_under_66() -> None:
    # 30% of the skilled wage plus a flat 100: 400/1000 = 40% reaches Art 65 exactly; take 25%:
    # Art 65 gives (250 + 100)/1000 = 35%, Art 66 gives (100 + 100)/400 = 50%.
    result = rule(run(WAGES, pension("25%", "  flat: 100 per month\n")), "V-28-benefit-level")
    assert result.verdict == "compliant"
    assert result.alternative == "66"
    assert "It meets Art 66" in result.explanation and "not Art 65 (35.0% against 40.0%)" in result.explanation


def test_a_stated_assessed_under_forces_one_article() -> None:
    extra = '  flat: 100 per month\n  assessed_under: 65  source "Assessment team"\n'
    result = rule(run(WAGES, pension("25%", extra)), "V-28-benefit-level")
    assert result.verdict == "not_compliant"
    assert "Art 66" not in result.explanation


def test_art_65_failing_and_art_66_not_computable_is_insufficient_data() -> None:
    stats = statistics(employees=1000, residents=5000, skilled_wage="1_000 per month")
    result = rule(run(stats, pension("30%")), "V-28-benefit-level")
    assert result.verdict == "insufficient_data"
    assert "statistics.labourer_wage" in " ".join(result.missing)


def equal(kind: str, basis: str) -> str:
    body = protected(600, basis) + "equal_treatment: reciprocity_only\n"
    return scheme("Pensions", "old_age", body, kind)


def test_reciprocity_is_allowed_under_a_contributory_scheme_protecting_employees() -> None:
    result = rule(run(WAGES, equal("social_insurance", "employees")), "XII-68-equal-treatment")
    assert result.verdict == "compliant" and result.alternative == "68(2)"


def test_reciprocity_is_not_allowed_under_a_scheme_protecting_residents_under_68_1() -> None:
    result = rule(run(WAGES, equal("social_insurance", "residents")), "XII-68-equal-treatment")
    assert result.verdict == "not_compliant"
    assert "only under contributory schemes protecting employees" in result.explanation


def test_employees_in_industrial_workplaces_count_as_employees_under_27a() -> None:
    stats = WAGES.replace("industrial_employees: 400", "industrial_employees: 600")
    groups = protected(550, "industrial_employees")
    result = rule(run(stats, scheme("Pensions", "old_age", groups)), "V-27-coverage")
    assert result.verdict == "compliant"
    assert result.alternative == "27(a)"
    assert result.value is not None and result.value * 1000 == 550


def test_a_declaration_that_lists_no_exceptions_is_insufficient_data() -> None:
    declaration = "article_3 {\n  in_force: yes\n}\n"
    result = rule(run(declaration, WAGES), "I-3-exceptions")
    assert result.verdict == "insufficient_data"
    assert "article_3.exceptions" in result.missing
    groups = protected(240, "industrial_employees")
    coverage = rule(run(declaration, WAGES, scheme("P", "old_age", groups)), "V-27-coverage")
    assert "27(d): an Art 3 declaration is in force but the exceptions it invokes are not listed" in (
        coverage.explanation
    )


def test_check_warns_at_the_form_where_a_maternity_lump_sum_is_now_a_question() -> None:
    path = Path(__file__).resolve().parents[1] / "legal" / "art-50-maternity-lump-sum.c102"
    readings = [d for d in check_file(path) if d.code == "reading"]
    lines = path.read_text().splitlines()
    form_line = next(i for i, line in enumerate(lines, 1) if "form: lump_sum" in line and "Maternity" in line)
    assert [(r.severity, r.position.line if r.position else None) for r in readings] == [("warning", form_line)]
    assert "Art 50" in readings[0].message and "VIII-50-periodic-payment" in readings[0].message


def test_check_warns_at_the_basis_where_an_economically_active_class_is_now_undecided_under_27_a() -> None:
    legal = Path(__file__).resolve().parents[1] / "legal"
    path = legal / "art-27-a-economically-active-class.c102"
    readings = [d for d in check_file(path) if d.code == "reading"]
    basis_line = next(i for i, line in enumerate(path.read_text().splitlines(), 1) if "economically_active" in line)
    assert [r.position.line if r.position else None for r in readings] == [basis_line]
    assert "27(a)" in readings[0].message
    # Employees stated apart: the other class is the rest, read as before.
    split = legal / "art-27-a-economically-active-split.c102"
    assert not [d for d in check_file(split) if d.code == "reading"]
