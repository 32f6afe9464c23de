"""Values that cannot be true, and blocks written twice: refused before any verdict is given.

A copy-paste slip (a scheme written twice) or an impossible figure (more persons protected than
live in the country, a 290% pension) would otherwise reach the engine and come out as a
confident verdict. The limits live in ``rules/plausibility.yaml``; each finding is placed at the
value or block it is about. Errors stop the load; warnings are shown by ``c102 check``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal
from fractions import Fraction
from typing import Any

from c102.errors import Position
from c102.i18n import N_, _
from c102.language.limits import Limits, limits
from c102.model.description import (
    Benefit,
    Description,
    ProtectedGroup,
    Scheme,
    Statistics,
    accrual_after_years,
)
from c102.model.values import Count, Fact, Money, Percent

# add(position, message, hint, severity): the consistency report's own method.
Add = Callable[..., None]


def check(description: Description, add: Add) -> None:
    """Every duplicate and plausibility check, reported through ``add``."""
    bounds = limits()
    _duplicate_schemes(description, add)
    _duplicate_conventions(description, add)
    for scheme in description.scheme:
        _duplicates_in_scheme(scheme, add)
        for benefit in scheme.benefit:
            _benefit(scheme, benefit, bounds, add)
    _persons(description, bounds, add)
    _wages(description, bounds, add)
    _later_conventions(description, add)


# ---------------------------------------------------------------- written twice


def _key(name: str) -> str:
    return " ".join(name.casefold().split())


def _first_seen(
    items: Iterable[tuple[str, Position | None]],
    add: Add,
    messages: tuple[str, str],
    hint: str,
    **values: str,
) -> None:
    """``messages``: the message with the first line (``{line}``) and without; both take ``{name}``."""
    seen: dict[str, Position | None] = {}
    for name, position in items:
        key = _key(name)
        if key in seen:
            first = seen[key]
            if first is not None and first.line:
                message = _(messages[0], name=name, line=first.line, **values)
            else:
                message = _(messages[1], name=name, **values)
            add(position, message, _(hint), code="duplicate")
        else:
            seen[key] = position


def _duplicate_schemes(description: Description, add: Add) -> None:
    _first_seen(
        ((s.name, s.position) for s in description.scheme),
        add,
        (N_("scheme '{name}' is written twice (first at line {line})"), N_("scheme '{name}' is written twice")),
        N_("a scheme written twice would be counted twice; merge the two blocks or give each its own name"),
    )


def _duplicate_conventions(description: Description, add: Add) -> None:
    _first_seen(
        ((c.name, c.position) for c in description.convention),
        add,
        (N_("convention '{name}' is written twice (first at line {line})"), N_("convention '{name}' is written twice")),
        N_("keep one block per Convention"),
    )


def _duplicates_in_scheme(scheme: Scheme, add: Add) -> None:
    benefits = (
        (
            benefit.branch + (f" ({benefit.contingency.value})" if benefit.contingency is not None else ""),
            benefit.position,
        )
        for benefit in scheme.benefit
    )
    _first_seen(
        benefits,
        add,
        (
            N_("in scheme '{scheme}', the benefit for '{name}' is written twice (first at line {line})"),
            N_("in scheme '{scheme}', the benefit for '{name}' is written twice"),
        ),
        N_("keep one block per branch"),
        scheme=scheme.name,
    )
    _identical(
        scheme.protected, add, N_("in scheme '{scheme}', this protected group repeats the one at line {line}"), scheme.name
    )
    _identical(
        scheme.qualifying_period,
        add,
        N_("in scheme '{scheme}', this qualifying period repeats the one at line {line}"),
        scheme.name,
    )


def _identical(blocks: list[Any], add: Add, message: str, scheme: str) -> None:
    """Blocks equal in every field (positions aside) are one block pasted twice."""
    seen: list[Any] = []
    for block in blocks:
        twin = next((b for b in seen if _same(b, block)), None)
        if twin is not None:
            line = twin.position.line if twin.position is not None else 0
            add(
                block.position,
                _(message, scheme=scheme, line=line),
                _("a group written twice is counted twice; remove the copy"),
                code="duplicate",
            )
        else:
            seen.append(block)


def _same(a: Any, b: Any) -> bool:
    return bool(a == b)  # dataclass equality leaves positions out (compare=False)


# ---------------------------------------------------------------- persons


def _persons(description: Description, bounds: Limits, add: Add) -> None:
    stats = description.statistics
    for name in ("residents", "employees", "economically_active", "industrial_employees"):
        fact = getattr(stats, name, None) if stats is not None else None
        if fact is not None and fact.value.total > bounds.max_persons:
            add(fact.position, _("'{name}' of {total:_} is more than the world's population", name=name, total=fact.value.total))
    for scheme in description.scheme:
        for group in scheme.protected:
            _seafarers(group, stats, add)
            persons = group.persons.value.total
            if persons > bounds.max_persons:
                add(group.persons.position, _("{persons:_} persons protected, more than the world's population", persons=persons))
                continue
            for population in bounds.counted_against.get(group.basis.value, ["residents"]):
                fact = getattr(stats, population, None) if stats is not None else None
                if isinstance(fact, Fact) and isinstance(fact.value, Count) and persons > fact.value.total:
                    add(
                        group.persons.position,
                        _('{persons:_} persons protected, more than the {total:_} {replace} they are counted against', persons=persons, total=fact.value.total, replace=population.replace('_', ' ')),
                        _("check the figure and its basis; coverage above 100% is impossible"),
                    )
                    break
    _sums(description, bounds, add)


def _seafarers(group: ProtectedGroup, stats: Statistics | None, add: Add) -> None:
    """The protected seafarers of a group (Art 77) are among its persons and among the country's
    seafarers; more than either is impossible, and would take a negative number out of the share."""
    seafarers = group.seafarers
    if seafarers is None:
        return
    count = seafarers.value.total
    if count > group.persons.value.total:
        add(
            seafarers.position,
            _(
                "{seafarers:_} protected seafarers, more than the {persons:_} persons protected they are among",
                seafarers=count,
                persons=group.persons.value.total,
            ),
            _("the seafarers are counted among the group's persons protected"),
        )
    elif stats is not None and stats.seafarers is not None and count > stats.seafarers.value.total:
        add(
            seafarers.position,
            _(
                "{seafarers:_} protected seafarers, more than the country's {total:_} seafarers",
                seafarers=count,
                total=stats.seafarers.value.total,
            ),
            _("check the figure against statistics.seafarers"),
        )


def _sums(description: Description, bounds: Limits, add: Add) -> None:
    """Groups of one basis protected for one branch, over all schemes, are counted together by
    the coverage rules: more persons than the population would be coverage above 100%."""
    stats = description.statistics
    if stats is None:
        return
    totals: dict[tuple[str, str], int] = {}
    for scheme in description.scheme:
        for group in scheme.protected:
            branches = group.branches.value if group.branches is not None else scheme.branches.value
            for branch in dict.fromkeys(branches):
                key = (branch, group.basis.value)
                totals[key] = total = totals.get(key, 0) + group.persons.value.total
                for population in bounds.counted_against.get(group.basis.value, ["residents"]):
                    fact = getattr(stats, population, None)
                    if not (isinstance(fact, Fact) and isinstance(fact.value, Count)):
                        continue
                    if total > fact.value.total >= total - group.persons.value.total >= 0 < group.persons.value.total <= fact.value.total:
                        add(
                            group.persons.position,
                            _("with this group, the persons protected for {branch} on the basis '{value}' add up to {total:_}, more than the {total2:_} {replace}", branch=branch, value=group.basis.value, total=total, total2=fact.value.total, replace=population.replace('_', ' ')),
                            _("a group described twice, or overlapping groups, would be counted twice: "
                            "count each person once"),
                        )
                        break


# ---------------------------------------------------------------- benefits


def _benefit(scheme: Scheme, benefit: Benefit, bounds: Limits, add: Add) -> None:
    if benefit.assessed_under is not None and benefit.assessed_under.value not in bounds.assessed_under:
        add(
            benefit.assessed_under.position,
            _("'assessed_under: {value}' is not an Article of Part XI", value=benefit.assessed_under.value),
            "expected " + ", ".join(bounds.assessed_under),
        )
    _formula(scheme, benefit, bounds, add)


def percentage(name: str, fact: Fact[Percent], add: Add) -> None:
    """A percentage above what its concept allows (error) or above what is usual (warning)."""
    levels = limits().percentages.get(name)
    if levels is not None:
        _percentage(name, fact, levels, add)


def _percentage(name: str, fact: Fact[Percent], levels: dict[str, Decimal], add: Add) -> None:
    value = fact.value.value
    if "error" in levels and value > levels["error"]:
        add(fact.position, _("'{name}' is a share and cannot exceed {levels}% (got {value})", name=name, levels=levels['error'], value=fact.value))
    elif "warning" in levels and value > levels["warning"]:
        add(
            fact.position,
            _("'{name}' of {value} is unusually high (above {levels}%)", name=name, value=fact.value, levels=levels['warning']),
            _("check the figure"),
            severity="warning",
        )


def _formula(scheme: Scheme, benefit: Benefit, bounds: Limits, add: Add) -> None:
    """base_rate + accrual_rate a year, with no max_rate, must stay a share of earnings."""
    if benefit.rate is not None or benefit.accrual_rate is None or benefit.max_rate is not None:
        return
    base = benefit.base_rate.value.fraction if benefit.base_rate is not None else Fraction(0)
    after = accrual_after_years(benefit)
    years = max(Fraction(0), bounds.formula_years - Fraction(after))
    reached = base + benefit.accrual_rate.value.fraction * years
    if reached * 100 > bounds.formula_error:
        add(
            benefit.accrual_rate.position,
            _("the formula of '{name}' ({branch}) reaches {float:.4g}% of earnings after {formula_years} years, with no max_rate", name=scheme.name, branch=benefit.branch, float=float(reached * 100), formula_years=bounds.formula_years),
            _("add max_rate: the highest percentage the law allows"),
        )


# ---------------------------------------------------------------- wages and dates


def _wages(description: Description, bounds: Limits, add: Add) -> None:
    stats = description.statistics
    if stats is None:
        return
    for part_name, whole_name in bounds.parts_of_wholes.items():
        part, whole = getattr(stats, part_name, None), getattr(stats, whole_name, None)
        if isinstance(part, Fact) and isinstance(whole, Fact) and _above(part.value, whole.value):
            add(part.position, _("'{part_name}' ({value}) is more than '{whole_name}' ({value2}) it is part of", part_name=part_name, value=part.value, whole_name=whole_name, value2=whole.value))
    wages: dict[str, Fact[Money]] = {}
    for name in ("skilled_wage", "labourer_wage"):
        fact = getattr(stats, name)
        if fact is None:
            continue
        if fact.value.amount <= 0:
            add(fact.position, _("'{name}' must be more than zero", name=name), _("a reference wage is what a worker earns"))
        elif fact.value.per is not None:
            wages[name] = fact
    if wages:
        _against_wage(description, max(_monthly(w) for w in wages.values()), bounds, add)
    if len(wages) < 2:
        return
    skilled, labourer = wages["skilled_wage"], wages["labourer_wage"]
    high, low = max(skilled, labourer, key=_monthly), min(skilled, labourer, key=_monthly)
    ratio = _monthly(high) / _monthly(low)
    if ratio > Fraction(bounds.wage_ratio_error):
        add(
            low.position,
            _('the two reference wages differ more than {wage_ratio_error} times ({value} skilled, {value2} labourer)', wage_ratio_error=bounds.wage_ratio_error, value=skilled.value, value2=labourer.value),
            _("check the amounts and their periods"),
        )
    elif ratio > Fraction(bounds.wage_ratio_warning) or _monthly(skilled) < _monthly(labourer):
        add(
            skilled.position,
            _('unusual reference wages: {value} skilled, {value2} labourer', value=skilled.value, value2=labourer.value),
            _("the skilled manual employee usually earns somewhat more than the ordinary labourer"),
            severity="warning",
        )


# Amounts paid to one beneficiary (or per child) each period: many times any wage is impossible.
_PAID_AMOUNTS = ("flat", "minimum", "family_allowance", "spouse_supplement", "child_supplement")


def _against_wage(description: Description, wage: Fraction, bounds: Limits, add: Add) -> None:
    limit = wage * Fraction(bounds.wage_ratio_error)
    for scheme in description.scheme:
        for benefit in scheme.benefit:
            for name in _PAID_AMOUNTS:
                fact = getattr(benefit, name)
                if fact is None or not isinstance(fact.value, Money) or fact.value.per is None:
                    continue
                if fact.value.per_month() > limit:
                    add(
                        fact.position,
                        _("'{name}' of {value} is more than {wage_ratio_error} times the reference wage", name=name, value=fact.value, wage_ratio_error=bounds.wage_ratio_error),
                        _("check the amount and its period"),
                    )
    stats = description.statistics
    paid = stats.family_benefits_paid if stats is not None else None
    children = stats.children_of_protected if stats is not None else None
    if paid is None or children is None or paid.value.per is None or children.value.total <= 0:
        return
    if paid.value.per_month() / children.value.total > limit:
        add(
            paid.position,
            _('family benefits of {value} for {total:_} children are more than {wage_ratio_error} times the reference wage per child', value=paid.value, total=children.value.total, wage_ratio_error=bounds.wage_ratio_error),
            _("check the total, its period and the number of children"),
        )


def _above(part: object, whole: object) -> bool:
    if not (isinstance(part, Money) and isinstance(whole, Money)):
        return False
    if part.per is None or whole.per is None:
        return part.per == whole.per and part.amount > whole.amount
    return part.per_month() > whole.per_month()


def _monthly(fact: Fact[Money]) -> Fraction:
    return fact.value.per_month()


def _later_conventions(description: Description, add: Add) -> None:
    as_of = description.country.as_of
    if as_of is None:
        return
    for other in description.convention:
        if other.registered is not None and other.registered.value > as_of.value:
            add(
                other.registered.position,
                _('{name} registered on {value}, after the date the description is true of ({value2})', name=other.name, value=other.registered.value, value2=as_of.value),
                _("a Convention not yet registered cannot end C102 obligations; check 'as_of' or the date"),
            )
