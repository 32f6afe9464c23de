from __future__ import annotations

from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.evaluate.conftest import protected, rule, run, scheme, statistics

STATS = statistics(employees=1000, residents=5000, economically_active=2000, industrial_employees=400)


def old_age(groups: str, kind: str = "social_insurance") -> str:
    return scheme("Pensions", "old_age", groups, kind)


def test_exactly_fifty_percent_of_employees_is_compliant_under_27a() -> None:
    result = rule(run(STATS, old_age(protected(500))), "V-27-coverage")
    assert result.verdict == "compliant"
    assert result.alternative == "27(a)"
    assert result.value == Fraction(1, 2)


def test_one_person_short_of_fifty_percent_fails_and_names_the_remedy() -> None:
    result = rule(run(STATS, old_age(protected(499))), "V-27-coverage")
    assert result.verdict == "not_compliant"
    assert result.gap == "49.9% against 50%: 0.1 points short under 27(a)"
    assert result.remedy is not None and result.remedy.startswith("1 more protected employees")


def test_economically_active_classes_count_against_residents_under_27b() -> None:
    result = rule(run(STATS, old_age(protected(1000, "economically_active"))), "V-27-coverage")
    assert result.verdict == "compliant"
    assert result.alternative == "27(b)"
    assert result.value == Fraction(1, 5)


def test_means_tested_residents_satisfy_27c_without_a_share() -> None:
    result = rule(
        run(STATS, old_age(protected(100, "means_tested_residents"), "means_tested")), "V-27-coverage"
    )
    assert result.verdict == "compliant"
    assert result.alternative == "27(c)"


def test_industrial_workplaces_alternative_needs_an_article_3_declaration() -> None:
    groups = protected(240, "industrial_employees")
    without = rule(run(STATS, old_age(groups)), "V-27-coverage")
    assert without.verdict == "not_compliant"
    assert "Art 3 declaration" in without.explanation
    declaration = "article_3 {\n  in_force: yes\n  exceptions: 27(d)\n}\n"
    with_decl = rule(run(declaration, STATS, old_age(groups)), "V-27-coverage")
    assert with_decl.verdict == "compliant"
    assert with_decl.alternative == "27(d)"
    assert with_decl.value == Fraction(240, 400)


def test_a_declaration_invoking_other_exceptions_does_not_open_27d() -> None:
    declaration = "article_3 {\n  in_force: yes\n  exceptions: 12(2)\n}\n"
    result = rule(run(declaration, STATS, old_age(protected(240, "industrial_employees"))), "V-27-coverage")
    assert result.verdict == "not_compliant"


def test_article_77_takes_seafarers_out_of_the_employees() -> None:
    stats = statistics(employees=1000, residents=5000, economically_active=2000, seafarers=20)
    excluded = 'country "Testland" {\n  seafarers_excluded: yes\n}\n'
    base = rule(run(stats, old_age(protected(490))), "V-27-coverage")
    assert base.verdict == "not_compliant"
    from tests.evaluate.conftest import assess, parse_text

    # Art 77: the protected class is taken less its seafarers too; it states it has none.
    no_seafarers = protected(490).replace("}\n", "  seafarers: 0\n}\n")
    text = excluded + stats + old_age(no_seafarers)
    result = assess(parse_text(text, "t.c102")).rule("V-27-coverage")
    assert result.verdict == "compliant"
    assert result.value == Fraction(490, 980)
    assert "Art 77(2)" in result.explanation
    # Not stated, up to 20 of the 490 may be seafarers: 50% exactly is then not settled.
    unstated = assess(parse_text(excluded + stats + old_age(protected(490)), "t.c102")).rule("V-27-coverage")
    assert unstated.verdict == "insufficient_data"


def test_missing_population_gives_insufficient_data_naming_it() -> None:
    result = rule(run(statistics(residents=5000), old_age(protected(500))), "V-27-coverage")
    assert result.verdict == "insufficient_data"
    assert "statistics.employees" in result.missing


def test_a_branch_the_description_is_silent_on_is_insufficient_data() -> None:
    result = rule(run(STATS), "IV-21-coverage")
    assert result.verdict == "insufficient_data"
    assert "does not say whether the law provides unemployment benefit" in result.explanation
    assert any("absent: unemployment" in m for m in result.missing)


def test_a_branch_stated_absent_fails_coverage_citing_the_statement() -> None:
    absent = 'absent: unemployment, family  source "Social Security Act 1990, s. 3"\n'
    result = rule(run(STATS, absent), "IV-21-coverage")
    assert result.verdict == "not_compliant"
    assert "The law provides no unemployment benefit (Social Security Act 1990, s. 3)" in result.explanation


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 1000), st.integers(0, 1000))
def test_shrinking_coverage_never_turns_a_failing_verdict_compliant(larger: int, cut: int) -> None:
    smaller = max(0, larger - cut)
    before = rule(run(STATS, old_age(protected(larger))), "V-27-coverage").verdict
    after = rule(run(STATS, old_age(protected(smaller))), "V-27-coverage").verdict
    if before == "not_compliant":
        assert after == "not_compliant"


def test_every_protected_group_records_its_own_source() -> None:
    from c102 import assess, load_description

    path = "tests/legal/art-27-a-two-protected-groups.c102"
    result = assess(load_description(path)).rule("V-27-coverage")
    assert "Fictional scheme report 2023" in result.sources
    assert "Fictional civil service pension office 2023" in result.sources
