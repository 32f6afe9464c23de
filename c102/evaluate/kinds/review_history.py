"""Art 65(10), 66(8): what the stated history of pensions in payment says about their review.

The Convention asks that the rates of current long-term benefits be reviewed following substantial
changes in the general level of earnings that result from substantial changes in the cost of
living. A description may state, period by period, how much pensions in payment rose against the
cost of living and earnings. The engine computes the loss of real value exactly; whether a loss
followed a substantial change that called for a review is a judgment, asked of a specialist.
"""

from __future__ import annotations

from fractions import Fraction

from c102.evaluate.context import Context
from c102.evaluate.kinds.base import Finding, by_answer, src
from c102.evaluate.verdict import COMPLIANT, INSUFFICIENT_DATA
from c102.i18n import _
from c102.i18n.numbers import long_date, percent
from c102.model.description import ReviewPeriod, Scheme
from c102.rules.model import Rule


def real_change(benefit: Fraction, reference: Fraction) -> Fraction:
    """The change in real value of a pension that rose by ``benefit`` while the reference (prices
    or earnings) rose by ``reference``, both as fractions of one: (1 + b) / (1 + r) - 1."""
    return (1 + benefit) / (1 + reference) - 1


def _percent(x: Fraction) -> str:
    for places in range(1, 4):
        if (x * 100 * 10**places).denominator == 1:
            return percent(x * 100, places)
    return percent(x * 100, 2)


def review_history(ctx: Context, rule: Rule, scheme: Scheme, periods: list[ReviewPeriod]) -> Finding:
    """The loss of real value over each stated period; any loss asks the Convention's question."""
    texts: list[str] = []
    worst: Fraction | None = None
    for i, period in enumerate(periods):
        prefix = f"review.period[{i}]."
        benefit = ctx.scheme_fact(scheme, "benefit_change", period, prefix)
        prices = ctx.scheme_fact(scheme, "prices_change", period, prefix)
        earnings = ctx.scheme_fact(scheme, "earnings_change", period, prefix)
        assert benefit is not None
        span = _(
            "{start} to {end}", start=long_date(period.start.value), end=long_date(period.end.value)
        )
        rose = benefit.value.fraction
        parts = [_("pensions in payment rose {change}", change=_percent(rose)) + src(benefit)]
        for reference, fact in (("prices", prices), ("earnings", earnings)):
            if fact is None:
                continue
            change = real_change(rose, fact.value.fraction)
            worst = change if worst is None else min(worst, change)
            parts.append(_compared(reference, _percent(fact.value.fraction), src(fact), change))
        texts.append(_("{period}: {changes}.", period=span, changes="; ".join(parts)))
    text = f"{scheme.name}: " + " ".join(texts)
    if worst is None:
        return Finding(
            INSUFFICIENT_DATA,
            text + " " + _("Against what the increases are measured is not stated."),
            missing=[
                _("scheme.{slug}.review.period.prices_change (or earnings_change)", slug=ctx.slug(scheme))
            ],
        )
    if worst >= 0:
        return Finding(
            COMPLIANT,
            text + " " + _("No loss of real value: the rates kept pace (Art 65(10), 66(8))."),
            value=worst,
            threshold=Fraction(0),
            unit="percent",
        )
    found = by_answer(ctx, rule, text)
    found.value, found.threshold, found.unit = worst, Fraction(0), "percent"
    return found


def _compared(reference: str, rise: str, source: str, change: Fraction) -> str:
    """How the pensions fared against prices or earnings over one period, as one whole sentence."""
    values = {"rise": rise, "source": source}
    if reference == "prices":
        if change < 0:
            return _(
                "the cost of living rose {rise}{source}: against the cost of living they lost {loss} of their real value",
                loss=_percent(-change),
                **values,
            )
        return _("the cost of living rose {rise}{source}: against the cost of living they kept their value", **values)
    if change < 0:
        return _(
            "earnings rose {rise}{source}: against earnings they lost {loss} of their real value",
            loss=_percent(-change),
            **values,
        )
    return _("earnings rose {rise}{source}: against earnings they kept their value", **values)
