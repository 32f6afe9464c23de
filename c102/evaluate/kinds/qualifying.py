"""Qualifying periods: the long-term benefits' ladders of Art 29, 57 and 63 (paragraph 1 with the
ten-point and proportional alternatives of paragraphs 3 and 4; paragraph 2's reduced benefit as a
rule of its own) and the plain limits of Art 37 and 43."""

from __future__ import annotations

from fractions import Fraction

from c102.evaluate.context import Context
from c102.evaluate.gaps import percent_short, too_long
from c102.evaluate.kinds.base import Finding, duration, not_applicable, percent
from c102.evaluate.part_xi import benefit_for, calculate, pct, pcts, versus
from c102.evaluate.verdict import COMPLIANT, INSUFFICIENT_DATA, NOT_COMPLIANT, show
from c102.labels import label
from c102.model.description import QualifyingPeriod, Scheme
from c102.rules.model import PartInfo, Rule

SCHEDULES = ", at least the Schedule's "
WORKED = ("contribution", "employment")


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
        level = period.benefit.value if period.benefit is not None else "full"
        out.append((period, length.value.in_unit("years"), period.kind.value, level))
    return out


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
        f"{scheme.name}: the qualifying period for {label(branch, 'branches')} benefit is not described.",
        missing=[f"scheme.{ctx.slug(scheme)}.qualifying_period (or no_qualifying_period: {branch})"],
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
        f"{scheme.name}: {text} Whether a reduced benefit is secured sooner is not stated: the period is "
        "written as that of the full benefit ('benefit: full').",
        missing=[
            f"scheme.{ctx.slug(scheme)}.qualifying_period (a period with benefit: reduced, the shortest after "
            "which some benefit is paid; or the full period without 'benefit: full' where it is also the shortest)"
        ],
    )


def _years(x: Fraction) -> str:
    return f"{show(x, 1).removesuffix('.0')} years"


def qualifying_period_max(ctx: Context, rule: Rule, scheme: Scheme, part: PartInfo | None) -> Finding:
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
            COMPLIANT, f"{scheme.name}: no qualifying period is required.", value=Fraction(0), unit="years"
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
                f"{scheme.name}: the full benefit is secured after {_years(years)} of {kind} (at most "
                f"{_years(limit)}, {limits['id']}); its level is tested by the benefit-level rule.",
                value=years,
                threshold=limit,
                unit="years",
                alternative=limits["id"],
            )
        # Only a reduced benefit by then: what does it pay after the Convention's period?
        benefit = benefit_for(scheme, part.branch, row.contingency if row.contingency != part.branch else None)
        if benefit is not None and benefit.accrual_rate is None:
            notes.append(
                f" After {_years(limit)} of {kind} only a reduced benefit is secured, and its formula does"
                " not say how it grows with the years."
            )
            missing.append(
                f"scheme.{ctx.slug(scheme)}.benefit.{part.branch}.accrual_rate (the benefit after {_years(limit)})"
            )
            continue
        working = calculate(ctx, scheme, row, beneficiary, part.branch, limit, schedule)
        calc = working.calculation
        if calc is None or calc.rate is None:
            missing.extend(working.missing)
            continue
        if calc.rate >= schedule:
            longer = [y for _, y, k, level in periods if k == kind and level == "full" and y > limit]
            aside = f" The law's full benefit after {_years(min(longer))} is not in itself a gap." if longer else ""
            return Finding(
                COMPLIANT,
                f"{scheme.name}: after {_years(limit)} of {kind} ({limits['id']}) the standard beneficiary's "
                f"benefit is {versus(calc.rate, schedule, SCHEDULES)}.{aside}",
                value=calc.rate,
                threshold=schedule,
                unit="percent",
                alternative=limits["id"],
            )
        shortfall = shortfall or (calc.rate, schedule)
        notes.append(
            f" After {_years(limit)} of {kind} ({limits['id']}) the benefit is {versus(calc.rate, schedule, ', below ')}."
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
                    f"{scheme.name}: after {_years(years_tested)} the benefit is {pcts(calc.rate, required)[0]}, at least the Schedule "
                    f"percentage less {ten.get('points', 10)} points ({pcts(calc.rate, required)[1]}): {ten['id']} is met.",
                    value=calc.rate,
                    threshold=required,
                    unit="percent",
                    alternative=ten["id"],
                )
            else:
                notes.append(
                    f" Under {ten['id']} the benefit after {_years(years_tested)} is {versus(calc.rate, required, ', below ')}."
                )

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
                    f" {prop['id']} cannot be relied on after {_years(years)}: its last clause then asks for a reduced "
                    f"benefit under {reduced.get('id', 'paragraph 2')} after {_years(reduced_limit)}, and none is secured."
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
                    f"{scheme.name}: after {_years(years)} the benefit is "
                    f"{versus(calc.rate, required, ', at least the proportionally reduced ')} ({prop['id']}).",
                    value=calc.rate,
                    threshold=required,
                    unit="percent",
                    alternative=prop["id"],
                )
            notes.append(
                f" Under {prop['id']} the benefit after {_years(years)} is {versus(calc.rate, required, ', below ')}."
            )

    if missing:
        return Finding(
            INSUFFICIENT_DATA,
            f"{scheme.name}: the benefit secured after the Convention's qualifying period cannot be computed."
            + "".join(notes),
            missing=sorted(set(missing)),
        )
    if shortfall is not None:
        rate, required = shortfall
        return Finding(
            NOT_COMPLIANT,
            f"{scheme.name}: the benefit secured after the qualifying period of {limits['id']} does not reach the "
            f"Schedule." + "".join(notes),
            value=rate,
            threshold=required,
            unit="percent",
            gap=percent_short(rate, required) + f" after the period of {limits['id']}",
            remedy=f"secure the Schedule's {pct(required)} after the period of {limits['id']}, or meet "
            f"{ten['id'] if ten else 'the ten-point alternative'}",
        )
    usable = [(y - Fraction(str(limits[k])), y, k) for _, y, k, _ in periods if limits.get(k) is not None]
    if not usable:
        kinds = ", ".join(sorted({k for _, _, k, _ in periods}))
        return Finding(
            NOT_COMPLIANT,
            f"{scheme.name}: a qualifying period of {kinds} that {limits['id']} does not provide for."
            + "".join(notes),
        )
    _, years, kind = min(usable)
    limit = Fraction(str(limits[kind]))
    if full_only(scheme, part.branch, (*WORKED, "residence")):
        return _sooner_unknown(
            ctx,
            scheme,
            f"the full benefit is secured after {_years(years)} of {kind}, more than the {_years(limit)} of "
            f"{limits['id']}.{''.join(notes)}",
        )
    return Finding(
        NOT_COMPLIANT,
        f"{scheme.name}: no benefit is secured before {_years(years)} of {kind}, more than the {_years(limit)} of "
        f"{limits['id']}." + "".join(notes),
        value=years,
        threshold=limit,
        unit="years",
        gap=too_long(years, limit, "years"),
        remedy=f"secure the benefit after at most {_years(limit)} of {kind}, or meet {ten['id'] if ten else 'the ten-point alternative'}",
    )


def reduced_benefit_period(ctx: Context, rule: Rule, scheme: Scheme, part: PartInfo | None) -> Finding:
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
            f"{scheme.name}: the benefit does not depend on a minimum period of contribution or employment."
        )
    years, kind, level = min(periods, key=lambda t: t[0] - Fraction(str(reduced.get(t[1], 0))))
    limit = Fraction(str(reduced[kind]))
    what = "a reduced benefit" if level == "reduced" else "the benefit"
    if years <= limit:
        return Finding(
            COMPLIANT,
            f"{scheme.name}: {what} is secured after {_years(years)} of {kind} (at most {_years(limit)}, {reduced['id']}).",
            value=years,
            threshold=limit,
            unit="years",
            alternative=reduced["id"],
        )
    if full_only(scheme, part.branch, WORKED):
        return _sooner_unknown(
            ctx,
            scheme,
            f"the full benefit is secured after {_years(years)} of {kind}; {reduced['id']} asks for a reduced "
            f"benefit after at most {_years(limit)}.",
        )
    return Finding(
        NOT_COMPLIANT,
        f"{scheme.name}: no benefit is secured before {_years(years)} of {kind}; {reduced['id']} asks for a reduced "
        f"benefit after at most {_years(limit)}.",
        value=years,
        threshold=limit,
        unit="years",
        gap=too_long(years, limit, "years"),
        remedy=f"secure a reduced benefit after {_years(limit)} of {kind} ({reduced['id']})",
    )


def qualifying_period_limit(ctx: Context, rule: Rule, scheme: Scheme, part: PartInfo | None) -> Finding:
    assert part is not None and part.branch is not None
    limits = {kind: duration(spec) for kind, spec in (rule.params.get("max") or {}).items()}
    unknown = periods_unknown(ctx, scheme, part.branch)
    if unknown is not None:
        return unknown
    periods = periods_for(ctx, scheme, part.branch)
    if not periods:
        return Finding(COMPLIANT, f"{scheme.name}: no qualifying period is required.")
    for period, _, kind, _ in periods:
        length = period.length.value
        if kind not in limits:
            allowed = "no qualifying period" if not limits else "no qualifying period of " + kind
            return Finding(
                NOT_COMPLIANT,
                f"{scheme.name}: a qualifying period of {length} of {kind} is required; the Convention allows {allowed} here.",
                remedy=f"remove the {kind} condition",
            )
        limit = limits[kind]
        if length.in_days() > limit.in_days():
            return Finding(
                NOT_COMPLIANT,
                f"{scheme.name}: {length} of {kind} required, more than {limit}.",
                value=length.in_unit(limit.unit),
                threshold=Fraction(limit.amount),
                unit=limit.unit,
                gap=too_long(length.in_unit(limit.unit), Fraction(limit.amount), limit.unit),
                remedy=f"shorten the {kind} condition to at most {limit}",
            )
    shown = ", ".join(f"{p.length.value} of {k}" for p, _, k, _ in periods)
    return Finding(COMPLIANT, f"{scheme.name}: qualifying period {shown}, within the limit.")
