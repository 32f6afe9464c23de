"""Periods counted in working days: how they became years (working days over the working days of
a year, exactly), shown once per finding with the source of the conversion."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from c102.evaluate.context import Context
from c102.evaluate.kinds.base import Finding
from c102.evaluate.kinds.qualifying import kind_word, periods_for
from c102.evaluate.verdict import show
from c102.i18n import _, ngettext
from c102.model.description import Scheme


def conversions(ctx: Context, scheme: Scheme, branch: str) -> str:
    """How periods stated in working days became years, for the explanation (each source once)."""
    out: list[str] = []
    sources: dict[str, None] = {}
    for period, years, kind, _level in periods_for(ctx, scheme, branch):
        per_year = period.working_days_per_year
        if per_year is None:
            continue
        out.append(
            _(
                "{days} working days of {kind} at {per_year} working days a year = {years}",
                days=_number(period.length.value.amount),
                kind=kind_word(kind),
                per_year=_number(per_year.value),
                years=_exact_years(years),
            )
        )
        if per_year.source:
            sources.setdefault(per_year.source, None)
    if not out:
        return ""
    cited = f" [{'; '.join(sources)}]" if sources else ""
    return f" {'; '.join(out)}{cited}."


def _number(value: Decimal) -> str:
    return show(value, 0) if value == value.to_integral_value() else str(value)


def _exact_years(years: Fraction) -> str:
    """``15 years``; a fraction of a year as the exact fraction and its decimal (``40/9 years, 4.4``)."""
    if years.denominator == 1:
        return ngettext("{n} year", "{n} years", years.numerator)
    return _("{fraction} years ({decimal})", fraction=str(years), decimal=show(years, 2))


def with_conversions(ctx: Context, scheme: Scheme, branch: str, found: Finding) -> Finding:
    found.explanation += conversions(ctx, scheme, branch)
    return found
