"""Paragraph 1 of Art 29, 57 and 63 (old-age, invalidity and survivors' benefit), with paragraph 3's
ten-point alternative and paragraph 4's proportionally reduced rate deemed to satisfy it: is the
Schedule's benefit secured after the Convention's qualifying period?"""

from __future__ import annotations

from fractions import Fraction

from c102.evaluate.amounts import pct, pcts
from c102.evaluate.benefit_formula import benefit_for
from c102.evaluate.context import Context
from c102.evaluate.gaps import percent_short, too_long
from c102.evaluate.kinds.base import Finding, percent
from c102.evaluate.kinds.qualifying import (
    WORKED,
    full_only,
    kind_word,
    period_of,
    periods_for,
    periods_unknown,
    sooner_unknown,
    years_text,
)
from c102.evaluate.kinds.working_days import with_conversions
from c102.evaluate.part_xi import calculate
from c102.evaluate.verdict import COMPLIANT, INSUFFICIENT_DATA, NOT_COMPLIANT
from c102.i18n import _
from c102.model.description import Scheme
from c102.rules.model import PartInfo, Rule


def _ten_point(ten: dict[str, str] | None) -> str:
    return ten["id"] if ten else _("the ten-point alternative")


def qualifying_period_max(ctx: Context, rule: Rule, scheme: Scheme, part: PartInfo | None) -> Finding:
    assert part is not None and part.branch is not None
    return with_conversions(ctx, scheme, part.branch, _qualifying_period_max(ctx, rule, scheme, part))


def _qualifying_period_max(ctx: Context, rule: Rule, scheme: Scheme, part: PartInfo | None) -> Finding:
    """Paragraph 1 of Art 29, 57 and 63 (with paragraphs 3 and 4 deemed to satisfy it): is the
    benefit of the Part XI level secured after the Convention's qualifying period? The standard
    beneficiary's rate is computed at that point; a longer national "full pension" period is not in
    itself a gap. Paragraph 2 is a separate rule (kind ``reduced_benefit_period``)."""
    assert part is not None and part.branch is not None
    params = rule.params
    unknown = periods_unknown(ctx, scheme, part.branch)
    if unknown is not None:
        return unknown
    periods = periods_for(ctx, scheme, part.branch)
    if not periods:
        return Finding(
            COMPLIANT, _("{scheme}: no qualifying period is required.", scheme=scheme.name), value=Fraction(0), unit="years"
        )
    limits = params["full"]
    row = ctx.rulebook.schedule[params["row"]]
    beneficiary = ctx.rulebook.standard_beneficiaries[row.standard_beneficiary]
    schedule = percent(row.percent)
    shortest_worked = min((y for _, y, k, _ in periods if k in WORKED), default=None)
    notes: list[str] = []
    missing: list[str] = []
    shortfall: tuple[Fraction, Fraction] | None = None  # (rate, required) under paragraph 1

    # Paragraph 1: what is secured after the Convention's period, kind by kind.
    for kind in ("contribution", "employment", "residence"):
        if limits.get(kind) is None:
            continue
        limit = Fraction(str(limits[kind]))
        within = [(y, level) for _, y, k, level in periods if k == kind and y <= limit]
        if not within:
            continue
        if any(level == "full" for _, level in within):
            # The full benefit is secured within the period: its level is the benefit of Art 28
            # (56, 62), which the benefit-level rule tests for the same record.
            years = min(y for y, level in within if level == "full")
            return Finding(
                COMPLIANT,
                _(
                    "{scheme}: the full benefit is secured after {period} (at most {limit}, {alternative}); its "
                    "level is tested by the benefit-level rule.",
                    scheme=scheme.name,
                    period=period_of(years_text(years), kind),
                    limit=years_text(limit),
                    alternative=limits["id"],
                ),
                value=years,
                threshold=limit,
                unit="years",
                alternative=limits["id"],
            )
        # Only a reduced benefit by then: what does it pay after the Convention's period?
        benefit = benefit_for(scheme, part.branch, row.contingency if row.contingency != part.branch else None)
        if benefit is not None and benefit.accrual_rate is None:
            notes.append(
                " "
                + _(
                    "After {period} only a reduced benefit is secured, and its formula does not say how it grows "
                    "with the years.",
                    period=period_of(years_text(limit), kind),
                )
            )
            missing.append(
                _(
                    "scheme.{slug}.benefit.{branch}.accrual_rate (the benefit after {years})",
                    slug=ctx.slug(scheme),
                    branch=part.branch,
                    years=years_text(limit),
                )
            )
            continue
        working = calculate(ctx, scheme, row, beneficiary, part.branch, limit, schedule)
        calc = working.calculation
        if calc is None or calc.rate is None:
            missing.extend(working.missing)
            continue
        if calc.rate >= schedule:
            longer = [y for _, y, k, level in periods if k == kind and level == "full" and y > limit]
            aside = (
                " " + _("The law's full benefit after {years} is not in itself a gap.", years=years_text(min(longer)))
                if longer
                else ""
            )
            shown_rate, shown_required = pcts(calc.rate, schedule)
            return Finding(
                COMPLIANT,
                _(
                    "{scheme}: after {period} ({alternative}) the standard beneficiary's benefit is {rate}, at least "
                    "the Schedule's {required}.",
                    scheme=scheme.name,
                    period=period_of(years_text(limit), kind),
                    alternative=limits["id"],
                    rate=shown_rate,
                    required=shown_required,
                )
                + aside,
                value=calc.rate,
                threshold=schedule,
                unit="percent",
                alternative=limits["id"],
            )
        shortfall = shortfall or (calc.rate, schedule)
        shown_rate, shown_required = pcts(calc.rate, schedule)
        notes.append(
            " "
            + _(
                "After {period} ({alternative}) the benefit is {rate}, below {required}.",
                period=period_of(years_text(limit), kind),
                alternative=limits["id"],
                rate=shown_rate,
                required=shown_required,
            )
        )

    # Paragraph 3: the ten-point alternative.
    ten = params.get("ten_point")
    if ten:
        entitled = [(y, k) for _, y, k, _ in periods if ten.get(k) is not None and y <= Fraction(str(ten[k]))]
        if entitled:
            years_tested = Fraction(str(max(ten.get(k) for k in WORKED if ten.get(k) is not None)))
            required = schedule - percent(ten.get("points", 10))
            working = calculate(ctx, scheme, row, beneficiary, part.branch, years_tested, required)
            calc = working.calculation
            if calc is None or calc.rate is None:
                missing.extend(working.missing)
            elif calc.rate >= required:
                return Finding(
                    COMPLIANT,
                    _(
                        "{scheme}: after {years} the benefit is {rate}, at least the Schedule percentage less "
                        "{points} points ({required}): {alternative} is met.",
                        scheme=scheme.name,
                        years=years_text(years_tested),
                        rate=pcts(calc.rate, required)[0],
                        points=ten.get("points", 10),
                        required=pcts(calc.rate, required)[1],
                        alternative=ten["id"],
                    ),
                    value=calc.rate,
                    threshold=required,
                    unit="percent",
                    alternative=ten["id"],
                )
            else:
                notes.append(" " + _below(ten["id"], years_text(years_tested), calc.rate, required))

    # Paragraph 4: the Schedule percentage reduced in proportion, after a period between the two.
    prop = params.get("proportional")
    reduced = params.get("reduced") or {}
    if prop:
        low, high = Fraction(str(prop["from"])), Fraction(str(prop["to"]))
        for years in sorted({y for _, y, k, _ in periods if k in WORKED and low < y < high}):
            required = schedule * years / high
            reduced_limit = min((Fraction(str(v)) for k, v in reduced.items() if k in WORKED), default=None)
            if reduced_limit is not None and years > reduced_limit and (
                shortest_worked is None or shortest_worked > reduced_limit
            ):
                notes.append(
                    " "
                    + _(
                        "{alternative} cannot be relied on after {years}: its last clause then asks for a reduced "
                        "benefit under {reduced} after {limit}, and none is secured.",
                        alternative=prop["id"],
                        years=years_text(years),
                        reduced=reduced.get("id") or _("paragraph 2"),
                        limit=years_text(reduced_limit),
                    )
                )
                continue
            working = calculate(ctx, scheme, row, beneficiary, part.branch, years, required)
            calc = working.calculation
            if calc is None or calc.rate is None:
                missing.extend(working.missing)
                continue
            if calc.rate >= required:
                return Finding(
                    COMPLIANT,
                    _(
                        "{scheme}: after {years} the benefit is {rate}, at least the proportionally reduced "
                        "{required} ({alternative}).",
                        scheme=scheme.name,
                        years=years_text(years),
                        rate=pcts(calc.rate, required)[0],
                        required=pcts(calc.rate, required)[1],
                        alternative=prop["id"],
                    ),
                    value=calc.rate,
                    threshold=required,
                    unit="percent",
                    alternative=prop["id"],
                )
            notes.append(" " + _below(prop["id"], years_text(years), calc.rate, required))

    if missing:
        return Finding(
            INSUFFICIENT_DATA,
            _(
                "{scheme}: the benefit secured after the Convention's qualifying period cannot be computed.",
                scheme=scheme.name,
            )
            + "".join(notes),
            missing=sorted(set(missing)),
        )
    if shortfall is not None:
        rate, required = shortfall
        return Finding(
            NOT_COMPLIANT,
            _(
                "{scheme}: the benefit secured after the qualifying period of {alternative} does not reach the Schedule.",
                scheme=scheme.name,
                alternative=limits["id"],
            )
            + "".join(notes),
            value=rate,
            threshold=required,
            unit="percent",
            gap=_(
                "{shortfall} after the period of {alternative}",
                shortfall=percent_short(rate, required),
                alternative=limits["id"],
            ),
            remedy=_(
                "secure the Schedule's {required} after the period of {alternative}, or meet {ten_point}",
                required=pct(required),
                alternative=limits["id"],
                ten_point=_ten_point(ten),
            ),
        )
    usable = [(y - Fraction(str(limits[k])), y, k) for _, y, k, _ in periods if limits.get(k) is not None]
    if not usable:
        kinds = ", ".join(kind_word(k) for k in sorted({k for _, _, k, _ in periods}))
        return Finding(
            NOT_COMPLIANT,
            _(
                "{scheme}: a qualifying period of {kinds} that {alternative} does not provide for.",
                scheme=scheme.name,
                kinds=kinds,
                alternative=limits["id"],
            )
            + "".join(notes),
        )
    _excess, years, kind = min(usable)
    limit = Fraction(str(limits[kind]))
    if full_only(scheme, part.branch, (*WORKED, "residence")):
        return sooner_unknown(
            ctx,
            scheme,
            _(
                "the full benefit is secured after {period}, more than the {limit} of {alternative}.",
                period=period_of(years_text(years), kind),
                limit=years_text(limit),
                alternative=limits["id"],
            )
            + "".join(notes),
        )
    return Finding(
        NOT_COMPLIANT,
        _(
            "{scheme}: no benefit is secured before {period}, more than the {limit} of {alternative}.",
            scheme=scheme.name,
            period=period_of(years_text(years), kind),
            limit=years_text(limit),
            alternative=limits["id"],
        )
        + "".join(notes),
        value=years,
        threshold=limit,
        unit="years",
        gap=too_long(years, limit, "years"),
        remedy=_(
            "secure the benefit after at most {period}, or meet {ten_point}",
            period=period_of(years_text(limit), kind),
            ten_point=_ten_point(ten),
        ),
    )


def _below(alternative: str, years: str, rate: Fraction, required: Fraction) -> str:
    shown, needed = pcts(rate, required)
    return _(
        "Under {alternative} the benefit after {years} is {rate}, below {required}.",
        alternative=alternative,
        years=years,
        rate=shown,
        required=needed,
    )
