from __future__ import annotations

from fractions import Fraction

from tests.evaluate.conftest import protected, rule, run, scheme, statistics

STATS = statistics(
    employees=1000, residents=5000, skilled_wage="1_000 per month", labourer_wage="600 per month"
)


def pension(periods: str, benefit: str = "  rate: 45%\n") -> str:
    return scheme(
        "Pensions",
        "old_age",
        protected(600) + periods + f"benefit old_age {{\n  form: periodic\n{benefit}}}\n",
    )


def period(years: int, kind: str = "contribution", level: str = "full") -> str:
    """A qualifying period; ``level=""`` writes none: the condition of any benefit, the shortest."""
    written = f"  benefit: {level}\n" if level else ""
    return f"qualifying_period {{\n  length: {years} years\n  kind: {kind}\n{written}}}\n"


def test_thirty_years_with_a_reduced_benefit_after_fifteen_meets_29_1_a_and_29_2() -> None:
    result = rule(run(STATS, pension(period(30) + period(15, level="reduced"))), "V-29-qualifying-period")
    assert result.verdict == "compliant"
    assert result.alternative == "29(1)(a)"


def test_thirty_years_without_a_reduced_benefit_fails_29_2_but_meets_29_1() -> None:
    assessment = run(STATS, pension(period(30, level="")))
    assert rule(assessment, "V-29-qualifying-period").verdict == "compliant"
    reduced = rule(assessment, "V-29-2-reduced-benefit")
    assert reduced.verdict == "not_compliant"
    assert reduced.gap == "30 years against at most 15 years: 15 years too long"


def test_thirty_one_years_with_nothing_earlier_is_one_year_too_long() -> None:
    result = rule(run(STATS, pension(period(31, level=""))), "V-29-qualifying-period")
    assert result.verdict == "not_compliant"
    assert result.gap == "31 years against at most 30 years: 1 year too long"


def test_a_full_benefit_period_alone_does_not_say_nothing_is_paid_sooner() -> None:
    assessment = run(STATS, pension(period(31)))
    for rule_id in ("V-29-qualifying-period", "V-29-2-reduced-benefit"):
        result = rule(assessment, rule_id)
        assert result.verdict == "insufficient_data", rule_id
        assert any("benefit: reduced" in m for m in result.missing)


def test_a_longer_national_full_pension_period_is_no_gap_when_thirty_years_reach_the_schedule() -> None:
    # Full pension after 40 years; from 15 years 1.5% a year: 45% after 30 years reaches 40%.
    benefit = "  accrual_rate: 1.5%\n"
    assessment = run(STATS, pension(period(40) + period(15, level="reduced"), benefit))
    result = rule(assessment, "V-29-qualifying-period")
    assert (result.verdict, result.alternative, result.value) == ("compliant", "29(1)(a)", Fraction(45, 100))
    assert rule(assessment, "V-29-2-reduced-benefit").verdict == "compliant"


def test_the_rate_after_thirty_years_below_the_schedule_fails_29_1() -> None:
    benefit = "  accrual_rate: 1.2%\n"
    result = rule(run(STATS, pension(period(35) + period(15, level="reduced"), benefit)), "V-29-qualifying-period")
    assert result.verdict == "not_compliant"
    assert result.gap is not None and result.gap.startswith("36.0% against 40%: 4.0 points short")


def test_twenty_years_of_residence_is_enough_for_a_residence_scheme() -> None:
    result = rule(run(STATS, pension(period(20, "residence"))), "V-29-qualifying-period")
    assert result.verdict == "compliant"


def test_ten_point_alternative_accepts_thirty_one_percent_after_ten_years() -> None:
    # Full pension after 35 years; 28% + 0.3% a year from 10 years: 37% after 30 years is below 40%
    # (29(1)), but 31% after 10 years is at least 40% less ten points (29(3)).
    benefit = "  base_rate: 28%\n  accrual_rate: 0.3%\n"
    result = rule(run(STATS, pension(period(35) + period(10, level="reduced"), benefit)), "V-29-qualifying-period")
    assert result.verdict == "compliant"
    assert result.alternative == "29(3)"


def test_ten_point_alternative_fails_when_ten_years_give_less_than_thirty_percent() -> None:
    benefit = "  base_rate: 20%\n  accrual_rate: 0.3%\n"
    result = rule(run(STATS, pension(period(35) + period(10, level="reduced"), benefit)), "V-29-qualifying-period")
    assert result.verdict == "not_compliant"
    assert "29(3)" in result.explanation


def test_a_full_benefit_within_thirty_years_leaves_its_level_to_the_benefit_level_rule() -> None:
    assessment = run(STATS, pension(period(10), "  rate: 35%\n"))
    assert rule(assessment, "V-29-qualifying-period").verdict == "compliant"
    assert rule(assessment, "V-28-benefit-level").verdict == "not_compliant"


def test_no_qualifying_period_for_employment_injury_article_37() -> None:
    body = protected(600) + "benefit employment_injury {\n  form: periodic\n  rate: 60%\n}\n"
    free = rule(run(STATS, scheme("Injury", "employment_injury", body + "no_qualifying_period: employment_injury\n")), "VI-37-qualifying-period")
    assert free.verdict == "compliant"
    unknown = rule(run(STATS, scheme("Injury", "employment_injury", body)), "VI-37-qualifying-period")
    assert unknown.verdict == "insufficient_data"
    conditioned = rule(
        run(STATS, scheme("Injury", "employment_injury", body + period(1))), "VI-37-qualifying-period"
    )
    assert conditioned.verdict == "not_compliant"


def test_family_benefit_qualifying_period_of_three_months_passes_and_six_fails() -> None:
    def family(length: str) -> str:
        body = protected(600) + f"qualifying_period {{\n  length: {length}\n  kind: employment\n}}\n"
        return scheme(
            "Family", "family", body + "benefit family {\n  form: periodic\n  flat: 10 per month\n}\n"
        )

    assert rule(run(STATS, family("3 months")), "VII-43-qualifying-period").verdict == "compliant"
    assert rule(run(STATS, family("6 months")), "VII-43-qualifying-period").verdict == "not_compliant"


def test_a_short_term_qualifying_period_asks_whether_it_only_precludes_abuse() -> None:
    body = protected(600) + period(1) + "benefit sickness {\n  form: periodic\n  rate: 50%\n}\n"
    result = rule(run(STATS, scheme("Sickness", "sickness", body)), "III-17-qualifying-period")
    assert result.verdict == "needs_review"
    assert result.question


def test_proportional_reduction_accepts_a_reduced_pension_proportional_to_the_years() -> None:
    # 6% + 1% a year: 36% after 30 years fails 29(1); 21% after 15 years is at least 40% x 15/30 = 20%.
    benefit = "  base_rate: 6%\n  accrual_rate: 1%\n"
    result = rule(
        run(STATS, pension(period(31) + period(15, level="reduced"), benefit)), "V-29-qualifying-period"
    )
    assert result.verdict == "compliant"
    assert result.alternative == "29(4)"


def test_proportional_reduction_after_more_than_fifteen_years_needs_the_reduced_pension_of_29_2() -> None:
    # Nothing before 20 years, then 10% + 1% a year up to 35%: 30% after 20 years reaches 40% x 20/30,
    # but no reduced pension after 15 years, so the last clause of 29(4) closes the route; 35% after
    # 30 years fails 29(1); 29(2) fails too.
    benefit = "  base_rate: 10%\n  accrual_rate: 1%\n  max_rate: 35%\n"
    assessment = run(STATS, pension(period(35) + period(20, level="reduced"), benefit))
    result = rule(assessment, "V-29-qualifying-period")
    assert result.verdict == "not_compliant"
    assert "last clause" in result.explanation
    assert rule(assessment, "V-29-2-reduced-benefit").verdict == "not_compliant"


def test_an_undescribed_qualifying_period_is_unknown_not_none() -> None:
    result = rule(run(STATS, pension("")), "V-29-qualifying-period")
    assert result.verdict == "insufficient_data"
    assert any("qualifying_period" in m for m in result.missing)
