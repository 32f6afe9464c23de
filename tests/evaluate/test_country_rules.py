from __future__ import annotations

from fractions import Fraction

from tests.evaluate.conftest import protected, rule, run, scheme, statistics


def financed(employee: str, employer: str) -> str:
    body = protected(600) + f"financing {{\n  employee_rate: {employee}\n  employer_rate: {employer}\n}}\n"
    return scheme("Pensions", "old_age", body)


def test_employees_may_bear_exactly_half_of_the_resources_article_71_2() -> None:
    stats = statistics(
        employees=1000, employee_contributions="500 per year", financial_resources="1_000 per year"
    )
    result = rule(run(stats, financed("1%", "1%")), "XIII-71-2-employee-share")
    assert result.verdict == "compliant"
    assert result.value == Fraction(1, 2)


def test_employee_share_from_contribution_rates_when_totals_are_missing() -> None:
    assert rule(
        run(statistics(employees=1000), financed("5.5%", "11%")), "XIII-71-2-employee-share"
    ).value == Fraction(1, 3)
    over = rule(run(statistics(employees=1000), financed("10%", "5%")), "XIII-71-2-employee-share")
    assert over.verdict == "not_compliant"


def test_a_rate_based_share_over_the_limit_proves_nothing_where_taxes_also_finance() -> None:
    body = protected(600) + "financing {\n  employee_rate: 10%\n  employer_rate: 5%\n  tax_financed: yes\n}\n"
    result = rule(run(statistics(employees=1000), scheme("Pensions", "old_age", body)), "XIII-71-2-employee-share")
    assert result.verdict == "insufficient_data"
    assert "statistics.financial_resources" in result.missing


def test_a_judgment_needs_review_until_the_specialist_answers() -> None:
    stats = statistics(employees=1000)
    open_question = rule(run(stats), "XIII-71-1-hardship")
    assert open_question.verdict == "needs_review"
    assert open_question.question
    answered = 'answers {\n  "XIII-71-1-hardship": yes  source "Actuarial review 2024"\n}\n'
    settled = rule(run(stats, answered), "XIII-71-1-hardship")
    assert settled.verdict == "compliant"
    assert settled.answer == "yes [Actuarial review 2024]"
    refused = rule(run(stats, answered.replace("yes", "no")), "XIII-71-1-hardship")
    assert refused.verdict == "not_compliant"


def test_pensionable_age_above_65_is_a_question_not_a_failure() -> None:
    body = protected(600) + "pensionable_age: 67\n"
    result = rule(
        run(statistics(employees=1000), scheme("Pensions", "old_age", body)), "V-26-pensionable-age"
    )
    assert result.verdict == "needs_review"
    below = rule(
        run(
            statistics(employees=1000),
            scheme("Pensions", "old_age", protected(600) + "pensionable_age: men 65, women 60\n"),
        ),
        "V-26-pensionable-age",
    )
    assert below.verdict == "compliant"


def test_cost_sharing_for_maternity_care_is_not_allowed_but_for_sickness_is_a_question() -> None:
    body = (
        protected(600, "residents")
        + "contingencies: morbid_condition, pregnancy\ncost_sharing: morbid_condition, pregnancy\n"
    )
    assessment = run(
        statistics(residents=1000), scheme("Health", "medical_care, maternity", body, "public_service")
    )
    assert rule(assessment, "II-10-cost-sharing-hardship").verdict == "needs_review"
    assert rule(assessment, "VIII-49-cost-sharing").verdict == "not_compliant"


def test_suspension_on_a_ground_outside_article_69_fails() -> None:
    body = protected(600) + "suspension_grounds: absence, strike_participation\n"
    result = rule(run(statistics(employees=1000), scheme("Pensions", "old_age", body)), "XIII-69-suspension")
    assert result.verdict == "not_compliant"
    assert "strike_participation" in result.explanation


def test_unemployment_only_grounds_are_not_allowed_for_pensions() -> None:
    body = protected(600) + "suspension_grounds: trade_dispute\n"
    result = rule(run(statistics(employees=1000), scheme("Pensions", "old_age", body)), "XIII-69-suspension")
    assert result.verdict == "not_compliant"


def test_article_3_declaration_may_invoke_only_the_listed_exceptions() -> None:
    ok = "article_3 {\n  in_force: yes\n  exceptions: 9(d), 12(2)\n}\n"
    assert rule(run(ok, statistics(employees=1)), "I-3-exceptions").verdict in ("compliant", "needs_review")
    wrong = "article_3 {\n  in_force: yes\n  exceptions: 28(a)\n}\n"
    assert rule(run(wrong, statistics(employees=1)), "I-3-exceptions").verdict == "not_compliant"


def test_a_later_convention_ends_the_matching_part_article_75() -> None:
    text = "convention C121 {\n  registered: 2020-01-01\n}\nconvention C130 {\n  registered: 2021-01-01\n  temporary_exceptions: yes\n}\n"
    assessment = run(text, statistics(employees=1))
    assert assessment.ratification.ceased_parts == {"VI": "C121"}
    assert assessment.parts["VI"].ceased_by == "C121"
    assert assessment.parts["III"].ceased_by is None


def test_cost_sharing_unknown_is_insufficient_data_and_none_is_compliant() -> None:
    body = protected(600, "residents") + "contingencies: morbid_condition, pregnancy\n"
    unknown = run(statistics(residents=1000), scheme("Health", "medical_care, maternity", body, "public_service"))
    assert rule(unknown, "VIII-49-cost-sharing").verdict == "insufficient_data"
    stated = run(statistics(residents=1000), scheme("Health", "medical_care, maternity", body + "cost_sharing: none\n", "public_service"))
    assert rule(stated, "VIII-49-cost-sharing").verdict == "compliant"
