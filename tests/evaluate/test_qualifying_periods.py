from __future__ import annotations

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
    return f"qualifying_period {{\n  length: {years} years\n  kind: {kind}\n  benefit: {level}\n}}\n"


def test_thirty_years_with_a_reduced_benefit_after_fifteen_meets_29_1_a_and_29_2() -> None:
    result = rule(run(STATS, pension(period(30) + period(15, level="reduced"))), "V-29-qualifying-period")
    assert result.verdict == "compliant"
    assert result.alternative == "29(1)(a)"


def test_thirty_years_without_a_reduced_benefit_fails_29_2() -> None:
    result = rule(run(STATS, pension(period(30))), "V-29-qualifying-period")
    assert result.verdict == "not_compliant"
    assert "29(2)(a)" in result.explanation


def test_thirty_one_years_with_nothing_earlier_is_one_year_too_long() -> None:
    result = rule(run(STATS, pension(period(31))), "V-29-qualifying-period")
    assert result.verdict == "not_compliant"
    assert result.gap == "31 years against at most 30 years: 1 years too long"


def test_twenty_years_of_residence_is_enough_for_a_residence_scheme() -> None:
    result = rule(run(STATS, pension(period(20, "residence"))), "V-29-qualifying-period")
    assert result.verdict == "compliant"


def test_ten_point_alternative_accepts_a_long_full_period_when_ten_years_give_thirty_percent() -> None:
    # Full benefit needs 35 years, but after 10 years of contribution a benefit of 2% x 10 = 20%...
    # ... plus a base of 10% = 30%: the Schedule's 40% less ten points. 29(3) is met.
    benefit = "  base_rate: 10%\n  accrual_rate: 2%\n  max_rate: 70%\n"
    result = rule(
        run(STATS, pension(period(35) + period(10, level="reduced"), benefit)), "V-29-qualifying-period"
    )
    assert result.verdict == "compliant"
    assert result.alternative == "29(3)"


def test_ten_point_alternative_fails_when_ten_years_give_less_than_thirty_percent() -> None:
    benefit = "  base_rate: 9%\n  accrual_rate: 2%\n"
    result = rule(
        run(STATS, pension(period(35) + period(10, level="reduced"), benefit)), "V-29-qualifying-period"
    )
    assert result.verdict == "not_compliant"
    assert "29(3)" in result.explanation


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
    # Full benefit after 31 years, but 1.5% a year is paid from 15 years: 22.5% at 15 years is at
    # least 40% x 15/30 = 20% (29(4)).
    benefit = "  accrual_rate: 1.5%\n"
    result = rule(
        run(STATS, pension(period(31) + period(15, level="reduced"), benefit)), "V-29-qualifying-period"
    )
    assert result.verdict == "compliant"
    assert result.alternative == "29(4)"


def test_an_undescribed_qualifying_period_is_unknown_not_none() -> None:
    result = rule(run(STATS, pension("")), "V-29-qualifying-period")
    assert result.verdict == "insufficient_data"
    assert any("qualifying_period" in m for m in result.missing)
