"""Qualifying periods: the long-term benefits' ladders of Art 29, 57 and 63 (full benefit, reduced
benefit, the ten-point alternative, proportional reduction) and the plain limits of Art 37 and 43."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from c102.evaluate.context import Context
from c102.evaluate.gaps import too_long
from c102.evaluate.kinds.base import Finding, duration, percent
from c102.evaluate.part_xi import calculate, pct
from c102.evaluate.verdict import COMPLIANT, INSUFFICIENT_DATA, NOT_COMPLIANT, show
from c102.model.description import QualifyingPeriod, Scheme
from c102.rules.model import PartInfo, Rule

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
        f"{scheme.name}: the qualifying period for {branch.replace('_', ' ')} benefit is not described.",
        missing=[f"scheme.{ctx.slug(scheme)}.qualifying_period (or no_qualifying_period: {branch})"],
    )


def _years(x: Fraction) -> str:
    return f"{show(x, 1).removesuffix('.0')} years"


def qualifying_period_max(ctx: Context, rule: Rule, scheme: Scheme, part: PartInfo | None) -> Finding:
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
    full = [(y, k) for _, y, k, level in periods if level == "full"] or [(y, k) for _, y, k, _ in periods]
    limits = params["full"]

    def excess(years: Fraction, kind: str, spec: dict[str, Any]) -> Fraction | None:
        limit = spec.get(kind)
        return None if limit is None else years - Fraction(str(limit))

    # Paragraph 1: the full benefit within the Convention's qualifying period.
    scored = [(excess(y, k, limits), y, k) for y, k in full]
    usable = [(e, y, k) for e, y, k in scored if e is not None]
    best = min(usable, default=None, key=lambda t: t[0])
    shortest_worked = min((y for _, y, k, _ in periods if k in WORKED), default=None)
    notes: list[str] = []
    if best is not None and best[0] <= 0:
        _, years, kind = best
        verdict, alternative = COMPLIANT, limits["id"]
        text = f"{scheme.name}: the benefit is secured after {_years(years)} of {kind} (at most {limits[kind]} allowed by {limits['id']})."
        reduced = params.get("reduced")
        if reduced and kind in WORKED and years > Fraction(str(reduced.get(kind, years))):
            # Paragraph 2: a reduced benefit after the shorter period.
            if shortest_worked is None or shortest_worked > Fraction(str(reduced[kind])):
                return Finding(
                    NOT_COMPLIANT,
                    text
                    + f" But no reduced benefit is secured after {reduced[kind]} years of {kind} ({reduced['id']}).",
                    value=shortest_worked,
                    threshold=Fraction(str(reduced[kind])),
                    unit="years",
                    gap=(
                        f"no benefit before {_years(shortest_worked)}; {reduced['id']} asks for a reduced "
                        f"benefit after at most {reduced[kind]} years"
                    )
                    if shortest_worked
                    else None,
                    remedy=f"secure a reduced benefit after {reduced[kind]} years of {kind} ({reduced['id']})",
                )
            notes.append(f" A reduced benefit is secured after {_years(shortest_worked)} ({reduced['id']}).")
        return Finding(
            verdict,
            text + "".join(notes),
            value=years,
            threshold=Fraction(str(limits[kind])),
            unit="years",
            alternative=alternative,
        )

    # Paragraph 3: the ten-point alternative.
    row = ctx.rulebook.schedule[params["row"]]
    beneficiary = ctx.rulebook.standard_beneficiaries[row.standard_beneficiary]
    ten = params.get("ten_point")
    if ten:
        entitled = [(y, k) for _, y, k, _ in periods if ten.get(k) is not None and y <= Fraction(str(ten[k]))]
        if entitled:
            years_tested = Fraction(str(max(ten.get(k) for k in WORKED if ten.get(k) is not None)))
            required = percent(row.percent) - percent(ten.get("points", 10))
            working = calculate(ctx, scheme, row, beneficiary, part.branch, years_tested, required)
            calc = working.calculation
            if calc is None or calc.rate is None:
                return Finding(
                    INSUFFICIENT_DATA,
                    f"{scheme.name}: the ten-point alternative ({ten['id']}) cannot be computed.",
                    missing=working.missing,
                )
            if calc.rate >= required:
                return Finding(
                    COMPLIANT,
                    f"{scheme.name}: after {_years(years_tested)} the benefit is {pct(calc.rate)}, at least the Schedule "
                    f"percentage less {ten.get('points', 10)} points ({pct(required)}): {ten['id']} is met.",
                    value=calc.rate,
                    threshold=required,
                    unit="percent",
                    alternative=ten["id"],
                )
            notes.append(
                f" Under {ten['id']} the benefit after {_years(years_tested)} is {pct(calc.rate)}, below {pct(required)}."
            )

    # Paragraph 4: proportional reduction between the two periods.
    prop = params.get("proportional")
    if prop and shortest_worked is not None:
        low, high = Fraction(str(prop["from"])), Fraction(str(prop["to"]))
        if low < shortest_worked < high:
            required = percent(row.percent) * shortest_worked / high
            working = calculate(ctx, scheme, row, beneficiary, part.branch, shortest_worked, required)
            calc = working.calculation
            if calc is not None and calc.rate is not None and calc.rate >= required:
                return Finding(
                    COMPLIANT,
                    f"{scheme.name}: after {_years(shortest_worked)} the benefit is {pct(calc.rate)}, at least the "
                    f"proportionally reduced {pct(required)} ({prop['id']}).",
                    value=calc.rate,
                    threshold=required,
                    unit="percent",
                    alternative=prop["id"],
                )
            if calc is not None and calc.rate is not None:
                notes.append(
                    f" Under {prop['id']} the benefit after {_years(shortest_worked)} is {pct(calc.rate)}, below {pct(required)}."
                )

    if best is None:
        kinds = ", ".join(sorted({k for _, k in full}))
        return Finding(
            NOT_COMPLIANT,
            f"{scheme.name}: a qualifying period of {kinds} that {limits['id']} does not provide for.",
        )
    _, years, kind = best
    limit = Fraction(str(limits[kind]))
    return Finding(
        NOT_COMPLIANT,
        f"{scheme.name}: the benefit needs {_years(years)} of {kind}, more than the {_years(limit)} of {limits['id']}."
        + "".join(notes),
        value=years,
        threshold=limit,
        unit="years",
        gap=too_long(years, limit, "years"),
        remedy=f"secure the benefit after at most {_years(limit)} of {kind}, or meet {ten['id'] if ten else 'the ten-point alternative'}",
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
