"""Checks that need the whole model: units, references between blocks, impossible values.

``consistency`` needs nothing but the description and runs on every load: a description that
fails it does not make sense (a benefit for a branch its scheme does not serve, more protected
persons than the population they are a share of). ``rulebook_references`` and
``missing_fact_warnings`` (in ``rulebook_checks``) need the rulebook and the engine and run in
``c102 check``.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from typing import Any

from c102.errors import Diagnostic
from c102.i18n import N_, _
from c102.language import plausibility
from c102.language.absence import absence_diagnostics
from c102.language.canonical import group
from c102.language.collector import Report
from c102.language.conversion import suggest
from c102.language.fields import BLOCK, BLOCKS, FACT, specs
from c102.language.periods import check_working_days
from c102.language.plausibility import percentage
from c102.model.description import Description, Scheme
from c102.model.values import Count, Duration, Fact, Money, Percent, SexSplit

__all__ = [
    "ADOPTED",
    "BASIS_POPULATION",
    "NESTED_COUNTS",
    "PARTS",
    "PERIODIC_AMOUNTS",
    "YEARLY_TOTALS",
    "consistency",
    "facts",
]

PARTS = ("II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
# Adoption dates: no instrument can be registered before it was adopted.
ADOPTED = {
    "C102": date(1952, 6, 28),
    "C121": date(1964, 7, 8),
    "C128": date(1967, 6, 29),
    "C130": date(1969, 6, 25),
    "C168": date(1988, 6, 21),
}
# Amounts that are paid or earned per period: a bare amount says nothing (Art 65(4), 66(2)).
PERIODIC_AMOUNTS = {
    "skilled_wage",
    "labourer_wage",
    "flat",
    "minimum",
    "maximum",
    "ceiling",
    "spouse_supplement",
    "child_supplement",
    "family_allowance",
    "means_disregard",
}
YEARLY_TOTALS = {"employee_contributions", "financial_resources", "family_benefits_paid", "total_paid"}
# The population each basis of coverage is a share of (statistics field).
BASIS_POPULATION = {
    "employees": "employees",
    "economically_active": "economically_active",
    "residents": "residents",
    "means_tested_residents": "residents",
    "industrial_employees": "industrial_employees",
}
# (smaller, larger): a part cannot exceed the whole it is counted in.
NESTED_COUNTS = (
    ("industrial_employees", "employees"),
    ("employees", "economically_active"),
    ("economically_active", "residents"),
    ("employees", "residents"),
    ("children_of_protected", "children_of_residents"),
    ("children_of_residents", "residents"),
)


def facts(obj: Any) -> Iterator[tuple[str, Fact[Any]]]:
    """Every fact of a block and of its nested blocks, with its field name."""
    for name, spec in specs(type(obj)).items():
        kind = spec.kind
        if kind == FACT:
            value = getattr(obj, name)
            if value is not None:
                yield name, value
        elif kind == BLOCK:
            value = getattr(obj, name)
            if value is not None:
                yield from facts(value)
        elif kind == BLOCKS:
            for element in getattr(obj, name):
                yield from facts(element)


def _all_blocks(description: Description) -> Iterator[Any]:
    for name in ("country", "ratification", "article_3", "statistics"):
        block = getattr(description, name)
        if block is not None:
            yield block
    yield from description.convention
    yield from description.scheme


def consistency(description: Description) -> list[Diagnostic]:
    report = Report(description)
    for block in _all_blocks(description):
        for name, fact in facts(block):
            _check_value(report, name, fact)
    _check_statistics(report, description)
    _check_dates(report, description)
    for scheme in description.scheme:
        _check_scheme(report, description, scheme)
    plausibility.check(description, report.add)
    report.out.extend(absence_diagnostics(description))
    return report.out


def _check_value(report: Report, name: str, fact: Fact[Any]) -> None:
    value = fact.value
    where = fact.position
    if isinstance(value, Count):
        parts = [v for v in (value.total, value.men, value.women) if v is not None]
        if any(v < 0 for v in parts):
            report.add(where, _("'{name}' is a number of persons and cannot be negative", name=name))
        elif value.men is not None and value.women is not None and value.men + value.women != value.total:
            report.add(
                where,
                _("'{name}': men {men:_} + women {women:_} = {value:_}, not the total {total:_}", name=name, men=value.men, women=value.women, value=value.men + value.women, total=value.total),
                _("check the figures; a rounded survey total may differ slightly"),
                severity="warning",
            )
    elif isinstance(value, Money):
        if value.amount < 0:
            report.add(where, _("'{name}' is an amount of money and cannot be negative", name=name))
        if name in PERIODIC_AMOUNTS and value.per is None:
            report.add(
                where,
                _("'{name}' must be an amount per period, e.g. {group} per month", name=name, group=group(value.amount)),
                _("add per day, per week, per month or per year"),
                code="unit",
            )
        if name in YEARLY_TOTALS and value.per not in (None, "year"):
            report.add(where, _("'{name}' is a yearly total; write it per year", name=name), code="unit")
    elif isinstance(value, Percent):
        if value.value < 0:
            report.add(where, _("'{name}' is a percentage and cannot be negative", name=name))
        else:
            percentage(name, fact, report.add)
    elif isinstance(value, Duration):
        if value.amount < 0:
            report.add(where, _("'{name}' is a length of time and cannot be negative", name=name))
    elif isinstance(value, SexSplit):
        for age in (value.men, value.women):
            if age < 0:
                report.add(where, _("'{name}' cannot be negative", name=name))
                break
            if not 40 <= age <= 80:
                report.add(
                    where,
                    _("'{name}' of {age} years is unusual for a pensionable age", name=name, age=age),
                    _("Art 26(2) sets 65 as the normal highest pensionable age"),
                    severity="warning",
                )
                break
    elif isinstance(value, Decimal) and value < 0:
        report.add(where, _("'{name}' cannot be negative", name=name))


def _count(description: Description, name: str) -> Fact[Count] | None:
    stats = description.statistics
    fact = getattr(stats, name, None) if stats is not None else None
    return fact if fact is not None and isinstance(fact.value, Count) else None


def _check_statistics(report: Report, description: Description) -> None:
    for part, whole in NESTED_COUNTS:
        small, large = _count(description, part), _count(description, whole)
        if small and large and small.value.total > large.value.total:
            report.add(
                small.position,
                _("'{part}' ({total:_}) is more than '{whole}' ({total2:_}) it is part of", part=part, total=small.value.total, whole=whole, total2=large.value.total),
            )


def _check_dates(report: Report, description: Description) -> None:
    as_of = description.country.as_of
    rat = description.ratification
    if rat is not None and rat.registered is not None:
        registered = rat.registered.value
        if registered < ADOPTED["C102"]:
            report.add(
                rat.registered.position,
                _('C102 was adopted on {ADOPTED}; it cannot have been registered on {registered}', ADOPTED=ADOPTED['C102'], registered=registered),
            )
        if as_of is not None and registered > as_of.value:
            report.add(
                rat.registered.position,
                _('registered on {registered}, after the date the description is true of ({value})', registered=registered, value=as_of.value),
                _("check 'as_of' in the country block"),
            )
    if rat is not None and rat.parts is not None:
        for part in rat.parts.value:
            if part not in PARTS:
                report.add(
                    rat.parts.position,
                    _("'{part}' is not a Part that can be accepted (II to X)", part=part),
                    suggest(part, PARTS),
                )
    for other in description.convention:
        adopted = ADOPTED.get(other.name)
        if adopted is None or other.name == "C102":
            report.add(
                other.position,
                _("'{name}' is not a Convention that ends C102 obligations (Art 75)", name=other.name),
                _("expected C121, C128, C130 or C168"),
                severity="warning",
            )
        elif other.registered is not None and other.registered.value < adopted:
            report.add(
                other.registered.position,
                _('{name} was adopted on {adopted}; it cannot have been registered on {value}', name=other.name, adopted=adopted, value=other.registered.value),
            )
    stats = description.statistics
    if stats is not None and stats.year is not None and as_of is not None and stats.year > as_of.value.year:
        report.add(
            stats.position,
            _('statistics of {year} are later than the date the description is true of ({value})', year=stats.year, value=as_of.value),
            severity="warning",
        )


def _check_scheme(report: Report, description: Description, scheme: Scheme) -> None:
    served = list(scheme.branches.value)
    if not served:
        report.add(
            scheme.branches.position,
            _("scheme '{name}' serves no branch", name=scheme.name),
            _("list the branches it serves, e.g. old_age, invalidity"),
        )
    seen: set[str] = set()
    for branch in served:
        if branch in seen:
            report.add(scheme.branches.position, _("branch '{branch}' is listed twice", branch=branch), severity="warning")
        seen.add(branch)

    def within(fact: Fact[Any] | None, message: str) -> None:
        if fact is None:
            return
        for branch in fact.value:
            if branch not in seen:
                report.add(
                    fact.position,
                    _(message, branch=branch, name=scheme.name),
                    _("add it to the scheme's branches ({join})", join=', '.join(served)),
                    code="reference",
                )

    for protected in scheme.protected:
        within(protected.branches, N_("this protected group names branch '{branch}', which scheme '{name}' does not serve"))
    for condition in scheme.qualifying_period:
        within(
            condition.branches, N_("this qualifying period names branch '{branch}', which scheme '{name}' does not serve")
        )
    _check_complete_lists(report, scheme)
    check_working_days(scheme, report.add)
    for benefit in scheme.benefit:
        if benefit.branch not in seen:
            report.add(
                benefit.position,
                _("benefit for '{branch}', which scheme '{name}' does not serve", branch=benefit.branch, name=scheme.name),
                _("add it to the scheme's branches ({join})", join=', '.join(served)),
                code="reference",
            )


def _check_complete_lists(report: Report, scheme: Scheme) -> None:
    """A list marked complete and extended elsewhere contradicts itself: a benefit block for a
    contingency that a complete ``contingencies`` list leaves out."""
    listed = scheme.contingencies
    if listed is None or not listed.complete:
        return
    for benefit in scheme.benefit:
        named = benefit.contingency
        if named is not None and named.value not in listed.value:
            line = listed.position.line if listed.position is not None else 0
            report.add(
                named.position,
                _(
                    "contingency '{contingency}' is not in the contingencies of scheme '{scheme}', which are "
                    "marked complete (line {line})",
                    contingency=named.value,
                    scheme=scheme.name,
                    line=line,
                ),
                _("add it to that list, or remove 'complete' there"),
                code="reference",
            )
