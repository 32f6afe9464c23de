from __future__ import annotations

from tests.evaluate.conftest import protected, rule, run, scheme, statistics

STATS = statistics(employees=1000, residents=5000, skilled_wage="1_000 per month")


def unemployment(benefit: str) -> str:
    return scheme(
        "Unemployment",
        "unemployment",
        protected(600) + f"benefit unemployment {{\n  form: periodic\n  rate: 50%\n{benefit}}}\n",
    )


def test_thirteen_weeks_within_twelve_months_meets_24_1_a() -> None:
    result = rule(
        run(STATS, unemployment("  max_duration: 13 weeks\n  duration_window: 12 months\n")), "IV-24-duration"
    )
    assert result.verdict == "compliant"
    assert result.alternative == "24(1)(a)"


def test_twelve_weeks_fails_by_one_week() -> None:
    result = rule(run(STATS, unemployment("  max_duration: 12 weeks\n")), "IV-24-duration")
    assert result.verdict == "not_compliant"
    assert result.gap == "12 weeks against at least 13 weeks: 1 week short"


def test_an_average_of_thirteen_weeks_meets_24_2_where_duration_varies() -> None:
    benefit = "  max_duration: 8 weeks\n  duration_varies: yes\n  average_duration: 13 weeks\n"
    result = rule(run(STATS, unemployment(benefit)), "IV-24-duration")
    assert result.verdict == "compliant"
    assert result.alternative == "24(2)"


def test_seven_waiting_days_are_allowed_and_eight_are_not() -> None:
    assert (
        rule(run(STATS, unemployment("  waiting_period: 7 days\n")), "IV-24-3-waiting-period").verdict
        == "compliant"
    )
    assert (
        rule(run(STATS, unemployment("  waiting_period: 8 days\n")), "IV-24-3-waiting-period").verdict
        == "not_compliant"
    )


def maternity(benefit: str) -> str:
    return scheme(
        "Maternity",
        "maternity",
        protected(600) + f"benefit maternity {{\n  form: periodic\n  rate: 100%\n{benefit}}}\n",
    )


def test_article_52_requires_the_longer_national_leave_to_be_paid() -> None:
    short = rule(
        run(STATS, maternity("  max_duration: 12 weeks\n  national_leave: 14 weeks\n")), "VIII-52-duration"
    )
    assert short.verdict == "not_compliant"
    full = rule(
        run(STATS, maternity("  max_duration: 14 weeks\n  national_leave: 14 weeks\n")), "VIII-52-duration"
    )
    assert full.verdict == "compliant"
    plain = rule(run(STATS, maternity("  max_duration: 12 weeks\n")), "VIII-52-duration")
    assert plain.verdict == "compliant"


def sickness(benefit: str) -> str:
    return scheme(
        "Sickness",
        "sickness",
        protected(600) + f"benefit sickness {{\n  form: periodic\n  rate: 60%\n{benefit}}}\n",
    )


def test_sickness_benefit_limited_to_thirteen_weeks_needs_an_article_3_declaration() -> None:
    benefit = "  max_duration: 13 weeks\n"
    assert rule(run(STATS, sickness(benefit)), "III-18-duration").verdict == "not_compliant"
    declaration = "article_3 {\n  in_force: yes\n  exceptions: 18(2)\n}\n"
    result = rule(run(declaration, STATS, sickness(benefit)), "III-18-duration")
    assert result.verdict == "compliant"
    assert result.alternative is not None and result.alternative.startswith("18(2)")


def test_a_limited_old_age_pension_fails_article_30() -> None:
    body = protected(600) + "benefit old_age {\n  form: periodic\n  rate: 45%\n  max_duration: 10 years\n}\n"
    assert rule(run(STATS, scheme("Pensions", "old_age", body)), "V-30-duration").verdict == "not_compliant"


def test_an_undescribed_waiting_period_or_duration_is_unknown_not_none() -> None:
    assessment = run(STATS, unemployment(""))
    assert rule(assessment, "IV-24-3-waiting-period").verdict == "insufficient_data"
    assert rule(assessment, "IV-24-duration").verdict == "insufficient_data"
    stated = run(STATS, unemployment("  waiting_period: 0 days\n  throughout: yes\n"))
    assert rule(stated, "IV-24-3-waiting-period").verdict == "compliant"
    assert rule(stated, "IV-24-duration").verdict == "compliant"


def injury(first: str, second: str) -> str:
    return scheme("Injury", "employment_injury", protected(600) + first + second)


INCAPACITY = "benefit employment_injury {\n  contingency: incapacity\n  form: periodic\n  rate: 60%\n  throughout: yes\n}\n"
INVALIDITY_FIVE_YEARS = (
    "benefit employment_injury {\n  contingency: invalidity\n  form: periodic\n  rate: 50%\n  max_duration: 5 years\n}\n"
)


def test_a_time_limited_injury_pension_fails_art_38_whatever_the_block_order() -> None:
    for blocks in ((INCAPACITY, INVALIDITY_FIVE_YEARS), (INVALIDITY_FIVE_YEARS, INCAPACITY)):
        result = rule(run(STATS, injury(*blocks)), "VI-38-duration")
        assert result.verdict == "not_compliant"
        assert "Injury (invalidity): benefit is limited to 5 years" in result.explanation
        assert "Injury (incapacity for work): benefit is paid throughout" in result.explanation


def test_every_block_paid_throughout_meets_art_38() -> None:
    lifelong = INVALIDITY_FIVE_YEARS.replace("max_duration: 5 years", "throughout: yes")
    assert rule(run(STATS, injury(INCAPACITY, lifelong)), "VI-38-duration").verdict == "compliant"


def test_where_duration_varies_the_longest_entitlement_alone_does_not_meet_24_1() -> None:
    benefit = "  max_duration: 26 weeks\n  duration_window: 12 months\n  duration_varies: yes\n"
    result = rule(run(STATS, unemployment(benefit)), "IV-24-duration")
    assert result.verdict == "insufficient_data"
    assert any("average_duration" in m for m in result.missing)
    assert "longest entitlement (26 weeks)" in result.explanation


def test_where_duration_varies_an_average_below_thirteen_weeks_fails_on_its_own() -> None:
    benefit = "  max_duration: 26 weeks\n  duration_varies: yes\n  average_duration: 10 weeks\n"
    result = rule(run(STATS, unemployment(benefit)), "IV-24-duration")
    assert result.verdict == "not_compliant"


def test_where_duration_varies_a_shortest_entitlement_of_thirteen_weeks_meets_24_1_a() -> None:
    benefit = "  max_duration: 26 weeks\n  min_duration: 13 weeks\n  duration_varies: yes\n"
    result = rule(run(STATS, unemployment(benefit)), "IV-24-duration")
    assert result.verdict == "compliant"
    assert result.alternative == "24(1)(a)"


def old_age(benefit: str) -> str:
    return scheme(
        "Pensions", "old_age", protected(600) + f"benefit old_age {{\n  form: periodic\n  rate: 45%\n{benefit}}}\n"
    )


def test_a_delay_before_the_first_pension_payment_fails_art_30() -> None:
    result = rule(run(STATS, old_age("  throughout: yes\n  waiting_period: 3 months\n")), "V-30-duration")
    assert result.verdict == "not_compliant"
    assert "first payment comes only after 3 months" in result.explanation
    assert rule(run(STATS, old_age("  throughout: yes\n  waiting_period: 0 days\n")), "V-30-duration").verdict == "compliant"


def test_art_38_leaves_the_three_waiting_days_of_incapacity_to_its_own_rule() -> None:
    waiting = INCAPACITY.replace("throughout: yes", "throughout: yes\n  waiting_period: 3 days")
    lifelong = INVALIDITY_FIVE_YEARS.replace("max_duration: 5 years", "throughout: yes")
    assert rule(run(STATS, injury(waiting, lifelong)), "VI-38-duration").verdict == "compliant"
    delayed = lifelong.replace("throughout: yes", "throughout: yes\n  waiting_period: 1 months")
    assert rule(run(STATS, injury(waiting, delayed)), "VI-38-duration").verdict == "not_compliant"
