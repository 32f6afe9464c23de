"""The national benefit formula read for Part XI: which benefit block serves a branch, which Article
(65, 66 or 67) tests it, and the share of earnings it pays after a number of years."""

from __future__ import annotations

from fractions import Fraction

from c102.evaluate.amounts import cited, law_percent, pct_exact
from c102.evaluate.context import Context
from c102.evaluate.verdict import show
from c102.i18n import _
from c102.model.description import Benefit, Scheme, accrual_after_years
from c102.model.values import Fact, Percent

EARNINGS_FIELDS = ("rate", "base_rate", "accrual_rate")


def benefit_for(scheme: Scheme, branch: str, contingency: str | None) -> Benefit | None:
    """The scheme's benefit block for a branch (and employment injury's sub-contingency)."""
    fallback = None
    for benefit in scheme.benefit:
        if benefit.branch != branch:
            continue
        if benefit.contingency is None:
            fallback = fallback or benefit
        elif contingency is None or benefit.contingency.value == contingency:
            return benefit
    return fallback


def article_of(ctx: Context, scheme: Scheme, benefit: Benefit) -> str | None:
    """Which Article of Part XI the benefit is tested under: a stated choice, else its formula."""
    if not has_amount(benefit):
        return None
    prefix = f"benefit.{benefit.branch}."
    chosen = ctx.scheme_fact(scheme, "assessed_under", benefit, prefix)
    if chosen is not None:
        return str(chosen.value).removeprefix("Art").strip()
    kind = ctx.scheme_fact(scheme, "kind")
    if kind is not None and kind.value == "means_tested":
        return "67"
    if any(getattr(benefit, f) is not None for f in EARNINGS_FIELDS):
        return "65"
    return "66"


def either_article(ctx: Context, scheme: Scheme, benefit: Benefit | None) -> bool:
    """Whether the benefit may be tested under Art 66 as well: an earnings-related formula and no
    stated ``assessed_under`` (a stated choice forces one Article)."""
    if benefit is None or not has_amount(benefit) or benefit.assessed_under is not None:
        return False
    return article_of(ctx, scheme, benefit) == "65"


def has_amount(benefit: Benefit) -> bool:
    """Whether the description says how much is paid: a rate, an accrual, a flat or minimum amount."""
    return any(getattr(benefit, f) is not None for f in (*EARNINGS_FIELDS, "flat", "minimum"))


def percent_of_earnings(
    ctx: Context, scheme: Scheme, benefit: Benefit, years: Fraction | None, steps: list[str]
) -> Fraction:
    """The share of earnings the formula pays after ``years`` of contribution."""
    prefix = f"benefit.{benefit.branch}."

    def read(name: str) -> Fact[Percent] | None:
        return ctx.scheme_fact(scheme, name, benefit, prefix)

    rate, base, accrual = read("rate"), read("base_rate"), read("accrual_rate")
    after = ctx.scheme_fact(scheme, "accrual_after", benefit, prefix)
    cap = read("max_rate")
    if rate is not None:
        share = rate.value.fraction
        steps.append(_("Benefit rate: {rate} of earnings.", rate=law_percent(rate.value)) + cited(rate))
    else:
        share = base.value.fraction if base is not None else Fraction(0)
        if accrual is not None:
            start = accrual_after_years(benefit)
            counted = max(Fraction(0), (years or Fraction(0)) - start)
            per_year = ctx.scheme_fact(scheme, "working_days_per_year", benefit, prefix)
            if after is not None and per_year is not None:
                steps.append(
                    _(
                        "Increments start after {days} working days at {per_year} a year = {years} years.",
                        days=after.value.amount,
                        per_year=per_year.value,
                        years=show(start, 2),
                    )
                    + cited(per_year)
                )
            share += accrual.value.fraction * counted
            values = {
                "years": show(years or 0, 0),
                "accrual": law_percent(accrual.value),
                "counted": show(counted, 1),
                "share": pct_exact(share),
            }
            if base is not None:
                text = _(
                    "Benefit rate after {years} years: {base} + {accrual} a year x {counted} years = {share}.",
                    base=law_percent(base.value),
                    **values,
                )
            else:
                text = _("Benefit rate after {years} years: {accrual} a year x {counted} years = {share}.", **values)
            steps.append(text + cited(accrual))
        elif base is not None:
            if after is not None and years is not None:
                steps.append(
                    _(
                        "Benefit rate: {rate} of earnings; increments start only after {after}, so none count at {years} years.",
                        rate=law_percent(base.value),
                        after=after.value,
                        years=show(years, 0),
                    )
                    + cited(base)
                    + cited(after)
                )
            else:
                steps.append(_("Benefit rate: {rate} of earnings.", rate=law_percent(base.value)) + cited(base))
    if cap is not None and share > cap.value.fraction:
        share = cap.value.fraction
        steps.append(_("Capped at the maximum rate of {rate}.", rate=law_percent(cap.value)) + cited(cap))
    return share


def accrues(benefit: Benefit, years: Fraction | None) -> bool:
    """Whether increments count at ``years``: increments that start exactly at (or after) the
    standard beneficiary's years add nothing, so their rate is not needed."""
    assert benefit.accrual_after is not None
    return years is None or years > accrual_after_years(benefit)

