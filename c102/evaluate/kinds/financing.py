"""Art 71(2): the employees' share of the financial resources allocated to the protection of
employees and their families.

Art 71(2) lets all benefits be taken together except family benefit and, where a special branch
provides it, employment injury benefit: those are left out of both sides (the rulebook lists them,
``excluded_branches`` and ``excluded_if_separate``). From the totals where the description gives
them; otherwise from the schemes' contribution rates, as an interval over what the description
leaves open (a scheme whose persons protected are not stated may or may not protect employees; a
scheme that also pays family benefit has rates that cannot be split between its branches). The
verdict is settled only where the whole interval lies on one side of the limit.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from c102.evaluate.context import Context
from c102.evaluate.kinds.base import Finding, percent, src
from c102.evaluate.part_xi import pcts
from c102.evaluate.verdict import COMPLIANT, INSUFFICIENT_DATA, NOT_COMPLIANT, show
from c102.model.description import Scheme
from c102.rules.model import Rule

TOTALS = ["statistics.employee_contributions", "statistics.financial_resources"]
# More schemes of unknown protection than this are not enumerated (2^n readings): unknown.
MAX_OPEN = 10


def split_branches(branches: Iterable[str], params: dict[str, Any]) -> tuple[list[str], list[str]]:
    """A scheme's branches taken together under Art 71(2), and those left out.

    Family benefit is always left out; employment injury only where a special branch provides it,
    read as a scheme serving no branch that is taken together.
    """
    served = list(branches)
    excluded = set(params.get("excluded_branches", []))
    separate = set(params.get("excluded_if_separate", []))
    if served and set(served) <= excluded | separate:
        return [], served
    return [b for b in served if b not in excluded], [b for b in served if b in excluded]


def protects_employees(scheme: Scheme, pooled: Sequence[str], params: dict[str, Any]) -> bool | None:
    """Whether the scheme protects employees in a branch taken together; None where its persons
    protected are not stated (unknown, not 'no')."""
    if not scheme.protected:
        return None
    bases = params.get("employee_bases", [])
    return any(
        g.basis.value in bases and (g.branches is None or set(g.branches.value) & set(pooled))
        for g in scheme.protected
    )


@dataclass
class _Rates:
    """One scheme's contribution rates, as far as they are counted."""

    name: str
    slug: str
    employee: Fraction
    total: Fraction
    certain: bool  # stated to protect employees; otherwise it may or may not count
    mixed: bool  # also pays a benefit left out: the part of its rates taken together is unknown


@dataclass
class _Read:
    """What the rates route found: the rates counted, and what it could not read."""

    counted: list[_Rates]
    left_out: list[str]  # schemes left out under Art 71(2), with why
    taxed: bool  # taxes also finance a scheme counted: a share from rates is only an upper bound
    unknown: list[Scheme]  # may count, financing not given: the share could go either way
    lowering: list[Scheme]  # may count, financing not given, no employees' contributions by kind


def employee_contribution_share(ctx: Context, rule: Rule, inputs: list[Any]) -> Finding:
    params = rule.params
    limit = percent(params["max_share"])
    paid, resources = ctx.stat("employee_contributions"), ctx.stat("financial_resources")
    if paid is not None and resources is not None and resources.value.amount > 0:
        share = paid.value.per_month() / resources.value.per_month()
        basis = (
            f"employees' contributions {show(paid.value.per_month() * 12, 0)} of resources "
            f"{show(resources.value.per_month() * 12, 0)} a year{src(resources)}, read as the totals for the "
            f"benefits taken together ({_left_out_words(params)} left out, Art 71(2))"
        )
        return _settled(share, share, limit, basis)
    read = _rates(ctx, params)
    if isinstance(read, Finding):
        return read
    low, high = _interval(read.counted)
    if high is None or low is None:
        missing = [f"scheme.{ctx.slug(s)}.financing" for s in read.unknown]
        return Finding(
            INSUFFICIENT_DATA,
            "Neither the contribution totals nor the schemes' contribution rates are given (Art 71(2)).",
            missing=missing + TOTALS,
        )
    basis = _basis(read.counted, read.left_out)
    if not read.unknown and (high <= limit or (low > limit and not read.taxed and not read.lowering)):
        return _settled(low, high, limit, basis)
    if read.taxed and low == high and not read.unknown and not read.lowering:
        return Finding(
            INSUFFICIENT_DATA,
            f"From the contribution rates employees bear at most {pcts(high, limit)[0]} ({basis}); taxes also "
            f"finance the benefits, so whether the {pcts(high, limit)[1]} limit is kept needs the totals of Art 71(2).",
            value=high,
            threshold=limit,
            unit="percent",
            missing=list(TOTALS),
        )
    return _unsettled(ctx, read, low, high, limit, basis)


def _unsettled(
    ctx: Context, read: _Read, low: Fraction, high: Fraction, limit: Fraction, basis: str
) -> Finding:
    """The share lies on both sides of the limit over the readings the facts leave open: say which
    facts would settle it."""
    open_ = [r for r in read.counted if not r.certain and not r.mixed]
    mixed = [r for r in read.counted if r.mixed]
    # A scheme whose kind carries no employees' contributions can only lower the share: it matters
    # only where the share from the rates exceeds the limit.
    lowering = read.lowering if low > limit else []
    why = []
    if open_:
        why.append(
            f"whether {', '.join(r.name for r in open_)} protect{'s' if len(open_) == 1 else ''} employees"
        )
    if mixed:
        why.append(
            f"how the rates of {', '.join(r.name for r in mixed)} divide between family benefit and the other branches"
        )
    if read.unknown or lowering:
        why.append(f"the financing of {', '.join(s.name for s in [*read.unknown, *lowering])}, not given")
    if read.taxed:
        why.append("the share of taxes in the resources")
    missing = [f"scheme.{r.slug}.protected" for r in open_]
    missing += [
        f"scheme.{r.slug}.financing (its rates for family benefit apart: describe it as two schemes)"
        for r in mixed
    ]
    missing += [f"scheme.{ctx.slug(s)}.financing" for s in [*read.unknown, *lowering]]
    ranged = (
        f"between {pcts(low, limit)[0]} and {pcts(high, limit)[0]}" if low != high else pcts(high, limit)[0]
    )
    return Finding(
        INSUFFICIENT_DATA,
        f"From the contribution rates employees bear {ranged} of the resources ({basis}); whether the "
        f"{pcts(high, limit)[1]} limit is kept depends on {'; '.join(why)} (Art 71(2)).",
        value=high,
        threshold=limit,
        unit="percent",
        missing=missing + TOTALS,
    )


def _settled(low: Fraction, high: Fraction, limit: Fraction, basis: str) -> Finding:
    """Compliant where even the highest reading keeps the limit; not compliant where the lowest
    exceeds it."""
    if high <= limit:
        shown, cap = pcts(high, limit)
        bound = "" if low == high else "at most "
        return Finding(
            COMPLIANT,
            f"Employees bear {bound}{shown} of the resources ({basis}), not above {cap}.",
            value=high,
            threshold=limit,
            unit="percent",
        )
    shown, cap = pcts(low, limit)
    bound = "" if low == high else "at least "
    return Finding(
        NOT_COMPLIANT,
        f"Employees bear {bound}{shown} of the resources ({basis}), above {cap}.",
        value=low,
        threshold=limit,
        unit="percent",
        gap=f"{shown} against at most {cap}: {show((low - limit) * 100, 1)} points over",
        remedy="shift contributions from employees to employers or the State",
    )


def _rates(ctx: Context, params: dict[str, Any]) -> _Read | Finding:
    """Read every scheme: counted with its rates, left out under Art 71(2), or not readable."""
    read = _Read([], [], False, [], [])
    no_contributions = set(params.get("no_employee_contributions", []))
    for scheme in ctx.description.scheme:
        pooled, excluded = split_branches(scheme.branches.value, params)
        employees = protects_employees(scheme, pooled or excluded, params)
        if employees is False:
            continue
        if not pooled:
            if employees is not None or scheme.financing is not None:
                read.left_out.append(f"{scheme.name} ({_words(excluded, params)})")
            continue
        financing = scheme.financing
        rates = {
            n: ctx.scheme_fact(scheme, n, financing, "financing.") if financing is not None else None
            for n in ("employee_rate", "employer_rate", "state_rate")
        }
        tax = (
            ctx.scheme_fact(scheme, "tax_financed", financing, "financing.")
            if financing is not None
            else None
        )
        read.taxed = read.taxed or bool(tax and tax.value)
        if all(r is None for r in rates.values()):
            if tax is not None and tax.value:
                continue  # paid from taxes: the share from rates is an upper bound (read.taxed)
            if scheme.kind.value in no_contributions:
                read.lowering.append(scheme)
            else:
                read.unknown.append(scheme)
            continue
        employee = rates["employee_rate"].value.fraction if rates["employee_rate"] else Fraction(0)
        total = sum((r.value.fraction for r in rates.values() if r is not None), Fraction(0))
        read.counted.append(
            _Rates(scheme.name, ctx.slug(scheme), employee, total, employees is True, bool(excluded))
        )
    if len([r for r in read.counted if not r.certain and not r.mixed]) > MAX_OPEN:
        return Finding(
            INSUFFICIENT_DATA,
            f"More than {MAX_OPEN} schemes with contribution rates do not state whom they protect (Art 71(2)).",
            missing=list(TOTALS),
        )
    return read


def _interval(counted: list[_Rates]) -> tuple[Fraction | None, Fraction | None]:
    """The lowest and highest share over every reading the facts leave open.

    The share rises with the employees' part of a scheme's rates and falls with the rest, so a
    mixed scheme's extremes are its employees' rate alone (highest) and its other rates alone
    (lowest). A scheme of unknown protection is counted or not: every combination is tried.
    """
    fixed = [r for r in counted if r.certain or r.mixed]
    open_ = [r for r in counted if not r.certain and not r.mixed]
    low: Fraction | None = None
    high: Fraction | None = None
    for mask in range(2 ** len(open_)):
        chosen = fixed + [r for i, r in enumerate(open_) if mask >> i & 1]
        for extreme in ("high", "low"):
            employee = total = Fraction(0)
            for r in chosen:
                if not r.mixed:
                    employee, total = employee + r.employee, total + r.total
                elif extreme == "high":
                    employee, total = employee + r.employee, total + r.employee
                else:
                    total += r.total - r.employee
            if total == 0:
                continue
            share = employee / total
            low = share if low is None or share < low else low
            high = share if high is None or share > high else high
    return low, high


def _basis(counted: list[_Rates], left_out: list[str]) -> str:
    certain = [r for r in counted if r.certain and not r.mixed]
    employee = sum((r.employee for r in certain), Fraction(0))
    total = sum((r.total for r in certain), Fraction(0))
    text = f"contribution rates of {', '.join(r.name for r in counted)}, added as if on the same earnings"
    if certain and total:
        text += f"; of the schemes stated to protect employees, employees {show(employee * 100, 2)}% of {show(total * 100, 2)}%"
    if left_out:
        text += f"; left out (Art 71(2)): {'; '.join(left_out)}"
    return text


def _words(branches: list[str], params: dict[str, Any]) -> str:
    separate = set(params.get("excluded_if_separate", []))
    return ", ".join(
        f"{b.replace('_', ' ')}, a separate branch" if b in separate else f"{b.replace('_', ' ')} benefit"
        for b in branches
    )


def _left_out_words(params: dict[str, Any]) -> str:
    excluded = [f"{b.replace('_', ' ')} benefit" for b in params.get("excluded_branches", [])]
    separate = [
        f"{b.replace('_', ' ')} provided by a separate branch" for b in params.get("excluded_if_separate", [])
    ]
    return " and ".join(excluded + separate)
