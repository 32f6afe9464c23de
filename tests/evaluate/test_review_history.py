"""Art 65(10), 66(8): the loss of real value of pensions in payment, computed exactly from the
stated history, and the verdict it leads to."""

from __future__ import annotations

from fractions import Fraction

from c102.evaluate.kinds.review_history import real_change
from tests.evaluate.conftest import protected, rule, run, scheme, statistics

STATS = statistics(employees=1000, residents=5000, skilled_wage="1_000 per month")


def pensions(period: str, method: str = "periodic_discretionary") -> str:
    body = (
        protected(600)
        + "benefit old_age {\n  form: periodic\n  rate: 45%\n}\n"
        + f"review {{\n  method: {method}\n  period {{\n    start: 2018-01-01\n    end: 2023-12-31\n{period}  }}\n}}\n"
    )
    return scheme("Pensions", "old_age", body)


def test_the_real_change_is_exact() -> None:
    assert real_change(Fraction(1, 10), Fraction(32, 100)) == Fraction(110, 132) - 1
    assert real_change(Fraction(21, 100), Fraction(21, 100)) == 0


def test_a_loss_of_real_value_is_a_question_with_the_loss_as_the_value() -> None:
    result = rule(run(STATS, pensions("    benefit_change: 10%\n    prices_change: 32%\n")), "XI-65-10-review")
    assert result.verdict == "needs_review"
    assert result.value == Fraction(110, 132) - 1
    assert "lost 16.67% of their real value" in result.explanation


def test_a_loss_even_under_automatic_indexation_is_asked_about() -> None:
    text = pensions("    benefit_change: 5%\n    earnings_change: 20%\n", method="automatic_prices")
    assert rule(run(STATS, text), "XI-65-10-review").verdict == "needs_review"


def test_increases_that_keep_pace_are_compliant() -> None:
    text = pensions("    benefit_change: 25%\n    prices_change: 20%\n    earnings_change: 25%\n")
    assert rule(run(STATS, text), "XI-65-10-review").verdict == "compliant"


def test_a_history_without_prices_or_earnings_names_what_to_add() -> None:
    result = rule(run(STATS, pensions("    benefit_change: 10%\n")), "XI-65-10-review")
    assert result.verdict == "insufficient_data"
    assert any("prices_change" in m for m in result.missing)
