"""Qualifying periods the law counts in working days (``working_days_per_year``): converted
exactly to years for Arts 29, 57 and 63, and to the calendar time they stand for elsewhere."""

from __future__ import annotations

from fractions import Fraction

import pytest

from c102.errors import DescriptionError
from c102.language.load import parse_text
from tests.evaluate.conftest import HEADER, protected, rule, run, scheme, statistics

STATS = statistics(
    employees=1000, residents=5000, skilled_wage="1_000 per month", labourer_wage="600 per month"
)


def working(days: str, per_year: str = "216", level: str = "full", kind: str = "contribution") -> str:
    return (
        f"qualifying_period {{\n  length: {days}\n  kind: {kind}\n  benefit: {level}\n"
        f'  working_days_per_year: {per_year}  source "Act, s. 3"\n}}\n'
    )


def pension(periods: str) -> str:
    body = protected(600) + periods + "benefit old_age {\n  form: periodic\n  rate: 45%\n}\n"
    return scheme("Pensions", "old_age", body)


def test_working_days_are_read_as_years_of_contribution_exactly() -> None:
    result = rule(run(STATS, pension(working("3_240 days"))), "V-29-2-reduced-benefit")
    assert result.verdict == "compliant" and result.value == Fraction(15)


def test_the_same_days_read_as_calendar_days_would_be_under_nine_years() -> None:
    calendar = "qualifying_period {\n  length: 3_240 days\n  kind: contribution\n}\n"
    result = rule(run(STATS, pension(calendar)), "V-29-2-reduced-benefit")
    assert result.value == Fraction(3240, 365)


def test_working_days_past_fifteen_years_fail_29_2_where_calendar_days_would_pass() -> None:
    # a reduced benefit only after 3,456 working days (16 years); a lone `benefit: full` period would
    # leave open whether something is paid sooner (insufficient_data, docs/method.md)
    result = rule(run(STATS, pension(working("3_456 days", level="reduced"))), "V-29-2-reduced-benefit")
    assert result.verdict == "not_compliant" and result.value == Fraction(16)


def test_the_explanation_shows_the_conversion_with_its_source() -> None:
    result = rule(run(STATS, pension(working("1_320 days", level="reduced"))), "V-29-2-reduced-benefit")
    assert "1,320 working days of contribution at 216 working days a year = 55/9 years (6.11)" in result.explanation
    assert "[Act, s. 3]" in result.explanation


def test_a_short_period_in_working_days_is_compared_as_the_calendar_time_it_stands_for() -> None:
    def family(days: str) -> str:
        body = protected(600) + working(days, per_year="240", kind="employment")
        return scheme("Family", "family", body + "benefit family {\n  form: periodic\n  flat: 10 per month\n}\n")

    assert rule(run(STATS, family("60 days")), "VII-43-qualifying-period").verdict == "compliant"
    failed = rule(run(STATS, family("80 days")), "VII-43-qualifying-period")  # 1/3 of a year: 4 months
    assert failed.verdict == "not_compliant" and failed.value == Fraction(4)


@pytest.mark.parametrize(
    ("period", "message"),
    [
        (working("15 years"), "written in days"),
        (working("3_240 days", per_year="0"), "more than 0"),
        (working("3_240 days", per_year="400"), "at most 366"),
        (working("3_240 days", kind="residence"), "residence is not counted in working days"),
    ],
)
def test_a_conversion_that_cannot_mean_anything_is_a_positioned_error(period: str, message: str) -> None:
    with pytest.raises(DescriptionError) as caught:
        parse_text(HEADER + STATS + pension(period), "t.c102")
    diagnostics = caught.value.diagnostics
    assert any(message in d.message and d.position is not None and d.position.line > 0 for d in diagnostics)


def test_increments_after_working_days_start_at_the_years_those_days_make() -> None:
    def formula(per_year: str) -> str:
        periods = (
            "qualifying_period {\n  length: 40 years\n  kind: contribution\n  benefit: full\n}\n"
            "qualifying_period {\n  length: 15 years\n  kind: contribution\n  benefit: reduced\n}\n"
        )
        benefit = (
            "benefit old_age {\n  form: periodic\n  base_rate: 19%\n  accrual_rate: 1%\n"
            f"  accrual_after: 3_240 days\n{per_year}}}\n"
        )
        return scheme("Pensions", "old_age", protected(600) + periods + benefit)

    working = rule(run(STATS, formula('  working_days_per_year: 216  source "Act, s. 3"\n')), "V-29-qualifying-period")
    assert working.verdict == "not_compliant" and working.value == Fraction(34, 100)  # 19% + 15 x 1%
    calendar = rule(run(STATS, formula("")), "V-29-qualifying-period")
    assert calendar.verdict == "compliant"  # 19% + (30 - 3240/365) x 1%, above 40%


def test_working_days_in_a_benefit_need_accrual_after_in_days() -> None:
    body = protected(600) + (
        "benefit old_age {\n  form: periodic\n  base_rate: 19%\n  accrual_rate: 1%\n"
        '  accrual_after: 15 years\n  working_days_per_year: 216  source "Act, s. 3"\n}\n'
    )
    with pytest.raises(DescriptionError) as caught:
        parse_text(HEADER + STATS + scheme("Pensions", "old_age", body), "t.c102")
    assert any("accrual_after, which must be stated in days" in d.message for d in caught.value.diagnostics)
