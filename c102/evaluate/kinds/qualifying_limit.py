"""The plain limits on a qualifying period (Art 37 and 43, and the Parts that allow none): each
period stated, in calendar time, against the longest the Convention allows for its kind."""

from __future__ import annotations

from fractions import Fraction

from c102.evaluate.context import Context
from c102.evaluate.gaps import too_long
from c102.evaluate.kinds.base import Finding, duration
from c102.evaluate.kinds.qualifying import (
    kind_word,
    length_text,
    period_of,
    periods_for,
    periods_unknown,
)
from c102.evaluate.kinds.working_days import conversions
from c102.evaluate.verdict import COMPLIANT, NOT_COMPLIANT
from c102.i18n import _
from c102.model.description import Scheme
from c102.model.values import DAYS_PER
from c102.rules.model import PartInfo, Rule


def qualifying_period_limit(ctx: Context, rule: Rule, scheme: Scheme, part: PartInfo | None) -> Finding:
    assert part is not None and part.branch is not None
    limits = {kind: duration(spec) for kind, spec in (rule.params.get("max") or {}).items()}
    unknown = periods_unknown(ctx, scheme, part.branch)
    if unknown is not None:
        return unknown
    periods = periods_for(ctx, scheme, part.branch)
    if not periods:
        return Finding(COMPLIANT, _("{scheme}: no qualifying period is required.", scheme=scheme.name))
    for period, years, kind, _level in periods:
        length = period.length.value
        if kind not in limits:
            values = {"scheme": scheme.name, "period": period_of(length_text(length), kind), "kind": kind_word(kind)}
            return Finding(
                NOT_COMPLIANT,
                _(
                    "{scheme}: a qualifying period of {period} is required; the Convention allows no qualifying "
                    "period here.",
                    **values,
                )
                if not limits
                else _(
                    "{scheme}: a qualifying period of {period} is required; the Convention allows no qualifying "
                    "period of {kind} here.",
                    **values,
                ),
                remedy=_("remove the {kind} condition", kind=kind_word(kind)),
            )
        limit = limits[kind]
        # Working days count as the calendar time they stand for (``years``), exactly.
        days = years * DAYS_PER["year"] if period.working_days_per_year is not None else length.in_days()
        if days > limit.in_days():
            value = days / limit.in_days() * Fraction(limit.amount)
            return Finding(
                NOT_COMPLIANT,
                _(
                    "{scheme}: {period} required, more than {limit}.",
                    scheme=scheme.name,
                    period=period_of(length_text(length), kind),
                    limit=length_text(limit),
                )
                + conversions(ctx, scheme, part.branch),
                value=value,
                threshold=Fraction(limit.amount),
                unit=limit.unit,
                gap=too_long(value, Fraction(limit.amount), limit.unit),
                remedy=_("shorten the {kind} condition to at most {limit}", kind=kind_word(kind), limit=length_text(limit)),
            )
    shown = ", ".join(period_of(length_text(p.length.value), k) for p, _y, k, _l in periods)
    return Finding(
        COMPLIANT,
        _("{scheme}: qualifying period {periods}, within the limit.", scheme=scheme.name, periods=shown)
        + conversions(ctx, scheme, part.branch),
    )
