"""Qualifying periods: the long-term benefits' ladders of Art 29, 57 and 63 (paragraph 1 with the
ten-point and proportional alternatives of paragraphs 3 and 4; paragraph 2's reduced benefit as a
rule of its own) and the plain limits of Art 37 and 43."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from c102.evaluate.amounts import pct, pcts
from c102.evaluate.benefit_formula import benefit_for
from c102.evaluate.context import Context
from c102.evaluate.gaps import amount_of, percent_short, too_long
from c102.evaluate.kinds.base import Finding, duration, not_applicable, percent
from c102.evaluate.part_xi import calculate
from c102.evaluate.verdict import COMPLIANT, INSUFFICIENT_DATA, NOT_COMPLIANT, show
from c102.i18n import N_, _, ngettext
from c102.labels import label
from c102.model.description import QualifyingPeriod, Scheme
from c102.model.values import DAYS_PER, Duration, years_in
from c102.rules.model import PartInfo, Rule

WORKED = ("contribution", "employment")
# "15 years of contribution": a length and the kind of period it counts, as one phrase.
_OF_KIND = {
    "contribution": N_("{length} of contribution"),
    "employment": N_("{length} of employment"),
    "residence": N_("{length} of residence"),
}
_KIND = {"contribution": N_("contribution"), "employment": N_("employment"), "residence": N_("residence")}


def periods_for(
    ctx: Context, scheme: Scheme, branch: str
) -> list[tuple[QualifyingPeriod, Fraction, str, str]]:
    """The scheme's qualifying periods for a branch: (period, years, kind, level)."""
    out: list[tuple[QualifyingPeriod, Fraction, str, str]] = []
    for i, period in enumerate(scheme.qualifying_period):
        if period.branches is not None and branch not in period.branches.value:
            continue
        length = ctx.scheme_fact(scheme, "length", period, f"qualifying_period[{i}].")
        assert length is not None
        ctx.scheme_fact(scheme, "working_days_per_year", period, f"qualifying_period[{i}].")
        level = period.benefit.value if period.benefit is not None else "full"
        out.append((period, period_years(period), period.kind.value, level))
    return out


def period_years(period: QualifyingPeriod) -> Fraction:
    """The period in years, exactly: working days over the working days of a year where the law
    counts in working days (``working_days_per_year``), else calendar time."""
    per_year = period.working_days_per_year
    return years_in(period.length.value, per_year.value if per_year is not None else None)


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
                kind=_kind(kind),
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


def _with_conversions(ctx: Context, scheme: Scheme, branch: str, found: Finding) -> Finding:
    found.explanation += conversions(ctx, scheme, branch)
    return found


def periods_unknown(ctx: Context, scheme: Scheme, branch: str) -> Finding | None:
    """A Finding when the description says nothing about the branch's qualifying period.

    Absence is not read as 'none': the law may simply not have been described. A description
    states 'none' with ``no_qualifying_period: <branch>``.
    """
    if periods_for(ctx, scheme, branch):
        return None
    none = ctx.scheme_fact(scheme, "no_qualifying_period")
    if none is not None and branch in none.value:
        return None
    return Finding(
        INSUFFICIENT_DATA,
        _(
            "{scheme}: the qualifying period for {benefit} is not described.",
            scheme=scheme.name,
            benefit=label(branch, "benefits"),
        ),
        missing=[
            _(
                "scheme.{slug}.qualifying_period (or no_qualifying_period: {branch})",
                slug=ctx.slug(scheme),
                branch=branch,
            )
        ],
    )


def full_only(scheme: Scheme, branch: str, kinds: tuple[str, ...]) -> bool:
    """Whether every period of these kinds is written ``benefit: full``: it then says when the full
    benefit is paid, not that nothing is paid sooner (unknown is not none). A period written without
    ``benefit:`` is the condition of the benefit itself, the shortest there is."""
    stated = [
        p
        for p in scheme.qualifying_period
        if (p.branches is None or branch in p.branches.value) and p.kind.value in kinds
    ]
    return bool(stated) and all(p.benefit is not None and p.benefit.value == "full" for p in stated)


def _sooner_unknown(ctx: Context, scheme: Scheme, text: str) -> Finding:
    """The full benefit's period is long, and whether some benefit is secured sooner is not said."""
    return Finding(
        INSUFFICIENT_DATA,
        _(
            "{scheme}: {finding} Whether a reduced benefit is secured sooner is not stated: the period is written "
            "as that of the full benefit ('benefit: full').",
            scheme=scheme.name,
            finding=text,
        ),
        missing=[
            _(
                "scheme.{slug}.qualifying_period (a period with benefit: reduced, the shortest after which some "
                "benefit is paid; or the full period without 'benefit: full' where it is also the shortest)",
                slug=ctx.slug(scheme),
            )
        ],
    )


def _years(x: Fraction) -> str:
    return amount_of(x, "years")


def _of(length: str, kind: str) -> str:
    """``15 years of contribution`` in the active language."""
    return _(_OF_KIND[kind], length=length) if kind in _OF_KIND else f"{length} ({kind})"


def _kind(kind: str) -> str:
    return _(_KIND[kind]) if kind in _KIND else kind


def _length(length: Duration) -> str:
    return amount_of(Fraction(length.amount), length.unit)


def _ten_point(ten: dict[str, str] | None) -> str:
    return ten["id"] if ten else _("the ten-point alternative")


def qualifying_period_max(ctx: Context, rule: Rule, scheme: Scheme, part: PartInfo | None) -> Finding:
    assert part is not None and part.branch is not None
    return _with_conversions(ctx, scheme, part.branch, _qualifying_period_max(ctx, rule, scheme, part))


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
                    period=_of(_years(years), kind),
                    limit=_years(limit),
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
                    period=_of(_years(limit), kind),
                )
            )
            missing.append(
                _(
                    "scheme.{slug}.benefit.{branch}.accrual_rate (the benefit after {years})",
                    slug=ctx.slug(scheme),
                    branch=part.branch,
                    years=_years(limit),
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
                " " + _("The law's full benefit after {years} is not in itself a gap.", years=_years(min(longer)))
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
                    period=_of(_years(limit), kind),
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
                period=_of(_years(limit), kind),
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
                        years=_years(years_tested),
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
                notes.append(" " + _below(ten["id"], _years(years_tested), calc.rate, required))

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
                        years=_years(years),
                        reduced=reduced.get("id") or _("paragraph 2"),
                        limit=_years(reduced_limit),
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
                        years=_years(years),
                        rate=pcts(calc.rate, required)[0],
                        required=pcts(calc.rate, required)[1],
                        alternative=prop["id"],
                    ),
                    value=calc.rate,
                    threshold=required,
                    unit="percent",
                    alternative=prop["id"],
                )
            notes.append(" " + _below(prop["id"], _years(years), calc.rate, required))

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
        kinds = ", ".join(_kind(k) for k in sorted({k for _, _, k, _ in periods}))
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
        return _sooner_unknown(
            ctx,
            scheme,
            _(
                "the full benefit is secured after {period}, more than the {limit} of {alternative}.",
                period=_of(_years(years), kind),
                limit=_years(limit),
                alternative=limits["id"],
            )
            + "".join(notes),
        )
    return Finding(
        NOT_COMPLIANT,
        _(
            "{scheme}: no benefit is secured before {period}, more than the {limit} of {alternative}.",
            scheme=scheme.name,
            period=_of(_years(years), kind),
            limit=_years(limit),
            alternative=limits["id"],
        )
        + "".join(notes),
        value=years,
        threshold=limit,
        unit="years",
        gap=too_long(years, limit, "years"),
        remedy=_(
            "secure the benefit after at most {period}, or meet {ten_point}",
            period=_of(_years(limit), kind),
            ten_point=_ten_point(ten),
        ),
    )


def reduced_benefit_period(ctx: Context, rule: Rule, scheme: Scheme, part: PartInfo | None) -> Finding:
    assert part is not None and part.branch is not None
    return _with_conversions(ctx, scheme, part.branch, _reduced_benefit_period(ctx, rule, scheme, part))


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
            "period": _of(_years(years), kind),
            "limit": _years(limit),
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
        return _sooner_unknown(
            ctx,
            scheme,
            _(
                "the full benefit is secured after {period}; {alternative} asks for a reduced benefit after at most "
                "{limit}.",
                period=_of(_years(years), kind),
                alternative=reduced["id"],
                limit=_years(limit),
            ),
        )
    return Finding(
        NOT_COMPLIANT,
        _(
            "{scheme}: no benefit is secured before {period}; {alternative} asks for a reduced benefit after at most "
            "{limit}.",
            scheme=scheme.name,
            period=_of(_years(years), kind),
            alternative=reduced["id"],
            limit=_years(limit),
        ),
        value=years,
        threshold=limit,
        unit="years",
        gap=too_long(years, limit, "years"),
        remedy=_(
            "secure a reduced benefit after {period} ({alternative})",
            period=_of(_years(limit), kind),
            alternative=reduced["id"],
        ),
    )


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
            values = {"scheme": scheme.name, "period": _of(_length(length), kind), "kind": _kind(kind)}
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
                remedy=_("remove the {kind} condition", kind=_kind(kind)),
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
                    period=_of(_length(length), kind),
                    limit=_length(limit),
                )
                + conversions(ctx, scheme, part.branch),
                value=value,
                threshold=Fraction(limit.amount),
                unit=limit.unit,
                gap=too_long(value, Fraction(limit.amount), limit.unit),
                remedy=_("shorten the {kind} condition to at most {limit}", kind=_kind(kind), limit=_length(limit)),
            )
    shown = ", ".join(_of(_length(p.length.value), k) for p, _y, k, _l in periods)
    return Finding(
        COMPLIANT,
        _("{scheme}: qualifying period {periods}, within the limit.", scheme=scheme.name, periods=shown)
        + conversions(ctx, scheme, part.branch),
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
