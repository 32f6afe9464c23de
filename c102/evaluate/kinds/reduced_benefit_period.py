"""Paragraph 2 of Art 29, 57 and 63 (and the last clauses of their paragraph 4): where the benefit
depends on a minimum period of contribution or employment, a reduced benefit after 15 (5) years."""

from __future__ import annotations

from fractions import Fraction

from c102.evaluate.context import Context
from c102.evaluate.gaps import too_long
from c102.evaluate.kinds.base import Finding, not_applicable
from c102.evaluate.kinds.qualifying import (
    WORKED,
    full_only,
    period_of,
    periods_for,
    periods_unknown,
    sooner_unknown,
    years_text,
)
from c102.evaluate.kinds.working_days import with_conversions
from c102.evaluate.verdict import COMPLIANT, NOT_COMPLIANT
from c102.i18n import _
from c102.model.description import Scheme
from c102.rules.model import PartInfo, Rule


def reduced_benefit_period(ctx: Context, rule: Rule, scheme: Scheme, part: PartInfo | None) -> Finding:
    assert part is not None and part.branch is not None
    return with_conversions(ctx, scheme, part.branch, _reduced_benefit_period(ctx, rule, scheme, part))


def _reduced_benefit_period(ctx: Context, rule: Rule, scheme: Scheme, part: PartInfo | None) -> Finding:
    """Paragraph 2 of Art 29, 57 and 63 (and the last clauses of their paragraph 4): where the
    benefit depends on a minimum period of contribution or employment, a reduced benefit must be
    secured after 15 (5) years of it."""
    assert part is not None and part.branch is not None
    reduced = rule.params["reduced"]
    unknown = periods_unknown(ctx, scheme, part.branch)
    if unknown is not None:
        return unknown
    periods = [(y, k, level) for _, y, k, level in periods_for(ctx, scheme, part.branch) if k in WORKED]
    if not periods:
        return not_applicable(
            _(
                "{scheme}: the benefit does not depend on a minimum period of contribution or employment.",
                scheme=scheme.name,
            )
        )
    years, kind, level = min(periods, key=lambda t: t[0] - Fraction(str(reduced.get(t[1], 0))))
    limit = Fraction(str(reduced[kind]))
    if years <= limit:
        values = {
            "scheme": scheme.name,
            "period": period_of(years_text(years), kind),
            "limit": years_text(limit),
            "alternative": reduced["id"],
        }
        return Finding(
            COMPLIANT,
            _("{scheme}: a reduced benefit is secured after {period} (at most {limit}, {alternative}).", **values)
            if level == "reduced"
            else _("{scheme}: the benefit is secured after {period} (at most {limit}, {alternative}).", **values),
            value=years,
            threshold=limit,
            unit="years",
            alternative=reduced["id"],
        )
    if full_only(scheme, part.branch, WORKED):
        return sooner_unknown(
            ctx,
            scheme,
            _(
                "the full benefit is secured after {period}; {alternative} asks for a reduced benefit after at most "
                "{limit}.",
                period=period_of(years_text(years), kind),
                alternative=reduced["id"],
                limit=years_text(limit),
            ),
        )
    return Finding(
        NOT_COMPLIANT,
        _(
            "{scheme}: no benefit is secured before {period}; {alternative} asks for a reduced benefit after at most "
            "{limit}.",
            scheme=scheme.name,
            period=period_of(years_text(years), kind),
            alternative=reduced["id"],
            limit=years_text(limit),
        ),
        value=years,
        threshold=limit,
        unit="years",
        gap=too_long(years, limit, "years"),
        remedy=_(
            "secure a reduced benefit after {period} ({alternative})",
            period=period_of(years_text(limit), kind),
            alternative=reduced["id"],
        ),
    )
