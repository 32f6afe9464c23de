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

from c102.evaluate.amounts import pcts
from c102.evaluate.context import Context
from c102.evaluate.kinds.base import Finding, percent, src
from c102.evaluate.verdict import COMPLIANT, INSUFFICIENT_DATA, NOT_COMPLIANT, show
from c102.i18n import _, ngettext
from c102.i18n.numbers import percent as percent_text
from c102.labels import label
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
        basis = _(
            "employees' contributions {paid} of resources {resources} a year{source}, read as the totals for the "
            "benefits taken together ({left_out} left out, Art 71(2))",
            paid=show(paid.value.per_month() * 12, 0),
            resources=show(resources.value.per_month() * 12, 0),
            source=src(resources),
            left_out=_left_out_words(params),
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
            _("Neither the contribution totals nor the schemes' contribution rates are given (Art 71(2))."),
            missing=missing + TOTALS,
        )
    basis = _basis(read.counted, read.left_out)
    if not read.unknown and (high <= limit or (low > limit and not read.taxed and not read.lowering)):
        return _settled(low, high, limit, basis)
    if read.taxed and low == high and not read.unknown and not read.lowering:
        return Finding(
            INSUFFICIENT_DATA,
            _(
                "From the contribution rates employees bear at most {share} ({basis}); taxes also finance the "
                "benefits, so whether the {limit} limit is kept needs the totals of Art 71(2).",
                share=pcts(high, limit)[0],
                basis=basis,
                limit=pcts(high, limit)[1],
            ),
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
            ngettext(
                "whether {schemes} protects employees",
                "whether {schemes} protect employees",
                len(open_),
                schemes=", ".join(r.name for r in open_),
            )
        )
    if mixed:
        why.append(
            _(
                "how the rates of {schemes} divide between family benefit and the other branches",
                schemes=", ".join(r.name for r in mixed),
            )
        )
    if read.unknown or lowering:
        why.append(
            _("the financing of {schemes}, not given", schemes=", ".join(s.name for s in [*read.unknown, *lowering]))
        )
    if read.taxed:
        why.append(_("the share of taxes in the resources"))
    missing = [f"scheme.{r.slug}.protected" for r in open_]
    missing += [
        _("scheme.{slug}.financing (its rates for family benefit apart: describe it as two schemes)", slug=r.slug)
        for r in mixed
    ]
    missing += [f"scheme.{ctx.slug(s)}.financing" for s in [*read.unknown, *lowering]]
    ranged = (
        _("between {low} and {high}", low=pcts(low, limit)[0], high=pcts(high, limit)[0])
        if low != high
        else pcts(high, limit)[0]
    )
    return Finding(
        INSUFFICIENT_DATA,
        _(
            "From the contribution rates employees bear {share} of the resources ({basis}); whether the {limit} "
            "limit is kept depends on {why} (Art 71(2)).",
            share=ranged,
            basis=basis,
            limit=pcts(high, limit)[1],
            why="; ".join(why),
        ),
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
        values = {"share": shown, "basis": basis, "limit": cap}
        return Finding(
            COMPLIANT,
            _("Employees bear {share} of the resources ({basis}), not above {limit}.", **values)
            if low == high
            else _("Employees bear at most {share} of the resources ({basis}), not above {limit}.", **values),
            value=high,
            threshold=limit,
            unit="percent",
        )
    shown, cap = pcts(low, limit)
    values = {"share": shown, "basis": basis, "limit": cap}
    return Finding(
        NOT_COMPLIANT,
        _("Employees bear {share} of the resources ({basis}), above {limit}.", **values)
        if low == high
        else _("Employees bear at least {share} of the resources ({basis}), above {limit}.", **values),
        value=low,
        threshold=limit,
        unit="percent",
        gap=_(
            "{share} against at most {limit}: {points} points over",
            share=shown,
            limit=cap,
            points=show((low - limit) * 100, 1),
        ),
        remedy=_("shift contributions from employees to employers or the State"),
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
                read.left_out.append(_("{scheme} ({branches})", scheme=scheme.name, branches=_words(excluded, params)))
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
            _(
                "More than {n} schemes with contribution rates do not state whom they protect (Art 71(2)).",
                n=MAX_OPEN,
            ),
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
    text = _(
        "contribution rates of {schemes}, added as if on the same earnings", schemes=", ".join(r.name for r in counted)
    )
    if certain and total:
        text += "; " + _(
            "of the schemes stated to protect employees, employees {employee} of {total}",
            employee=percent_text(employee * 100, 2),
            total=percent_text(total * 100, 2),
        )
    if left_out:
        text += "; " + _("left out (Art 71(2)): {schemes}", schemes="; ".join(left_out))
    return text


def _words(branches: list[str], params: dict[str, Any]) -> str:
    separate = set(params.get("excluded_if_separate", []))
    return ", ".join(
        _("{branch}, a separate branch", branch=label(b, "branches")) if b in separate else label(b, "benefits")
        for b in branches
    )


def _left_out_words(params: dict[str, Any]) -> str:
    excluded = [label(b, "benefits") for b in params.get("excluded_branches", [])]
    separate = [
        _("{branch} provided by a separate branch", branch=label(b, "branches"))
        for b in params.get("excluded_if_separate", [])
    ]
    return _(" and ").join(excluded + separate)
