"""The smallest change that closes each gap: per failing numeric rule, per parameter of the law that
can close it, the value at which the rule becomes compliant.

Candidates are the scheme facts the rule's findings actually read (recorded by the workbench),
that hold a number: rates, accruals, flat amounts, ceilings, persons protected, durations,
qualifying periods. For each, the search first solves the straight line through two what-ifs for
the value at which the rule's figure meets its threshold (the inverse formula), and falls back to
bisection in exact decimals when the figure does not move in a straight line. The answer is the
smallest change at the fact's written precision (hundredths of a percent, cents, whole weeks), and
it is verified by a fresh assessment of the changed description before it is reported.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any

from c102.evaluate.assessment import Assessment
from c102.evaluate.graph import FINDING
from c102.evaluate.verdict import COMPLIANT, NOT_COMPLIANT, RuleResult
from c102.i18n import N_, _
from c102.labels import label
from c102.model.description import Description
from c102.reform import track as tracking
from c102.reform.numbers import as_decimal, displayed, exact_text, numeric, shown
from c102.reform.paths import FactPath, fact_paths, fact_steps, get_fact
from c102.reform.workbench import Workbench

# Scheme facts that count who the protected are rather than set what the law provides: no change
# of the law closes a gap through them (the seafarers among a protected class, Art 77).
NOT_LEVERS = frozenset({"seafarers"})
# The schemes whose parameters are searched for one rule, in the description's order. Each probe
# re-reads every scheme the rule pools, so searching all of them would make `assess` grow with the
# square of the schemes; no real description has this many schemes under one rule (the bundled
# ones have at most 7), and a list of more changes than this would not be read.
MAX_SCHEMES_PER_RULE = 12
# Decimal places a smallest change is stated to, by the kind of number.
PLACES = {"percent": 2, "money": 2, "duration": 0, "persons": 0, "number": 2}
MAX_DOUBLINGS = 12


@dataclass(frozen=True)
class Closing:
    """One way to close one gap: set this fact to this value (verified)."""

    rule: str
    path: str
    parameter: str
    before: str
    after: str
    exact: str | None  # the exact value where the figure meets the threshold, if it moves linearly
    raise_: bool
    shown_before: str = ""  # the values as the active language writes them, for the text
    shown_after: str = ""

    @property
    def text(self) -> str:
        values = {
            "parameter": self.parameter,
            "before": self.shown_before or self.before,
            "after": self.shown_after or self.after,
        }
        if self.raise_:
            return _("raise {parameter} from {before} to {after}", **values)
        return _("lower {parameter} from {before} to {after}", **values)

    def to_json(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "parameter": self.parameter,
            "direction": "raise" if self.raise_ else "lower",
            "from": self.before,
            "to": self.after,
            "exact": self.exact,
            "text": self.text,
            "verified": True,
        }


def smallest_changes(bench: Workbench) -> dict[str, list[Closing]]:
    """For each not-compliant rule with a figure and a threshold, the verified smallest changes."""
    baseline = bench.baseline
    keys = _block_paths(bench)
    # Only the description's fact paths are candidates: resolving anything else (a block) would
    # cost a search for the nearest paths to suggest, for nothing.
    known = frozenset(fact_paths(bench.original))
    out: dict[str, list[Closing]] = {}
    for rule in baseline.rules:
        if rule.verdict != NOT_COMPLIANT or rule.value is None or rule.threshold is None:
            continue
        found = []
        for path in _candidates(bench, rule, keys, known):
            closing = _close(bench, rule, path)
            if closing is not None:
                found.append(closing)
        if found:
            out[rule.id] = found
    bench.assess(())  # leave the workbench at the baseline
    return out


def _block_paths(bench: Workbench) -> dict[int, tuple[str, int | None]]:
    """Each tracked block's path prefix (``scheme."X".benefit.old_age.``) and the index of the
    top-level block it sits in (which scheme), by block key."""
    out: dict[int, tuple[str, int | None]] = {}
    root = bench.root
    for text, steps in fact_steps(root):  # the steps resolving the text would give
        last = steps[-1]
        if last.key is not None or not text.endswith(last.field):
            continue
        holder: Any = root
        for step in steps[:-1]:
            value = getattr(holder, step.field)
            holder = value[step.index] if step.index is not None else value
        out.setdefault(tracking.block_key(holder), (text[: len(text) - len(last.field)], steps[0].index))
    return out


def _candidates(
    bench: Workbench, rule: RuleResult, keys: dict[int, tuple[str, int | None]], known: frozenset[str]
) -> list[FactPath]:
    """Stated numeric scheme facts read by the rule or its per-scheme findings."""
    graph = bench.plan.ctx.graph
    rule_id = f"rule:{rule.id}"
    nodes = [rule_id] + [n for n in graph.nodes[rule_id].inputs if graph.nodes[n].kind == FINDING]
    seen: dict[str, FactPath] = {}
    schemes: set[int | None] = set()
    for node_id in nodes:
        for key, field in sorted(bench.deps.get(node_id, ()), key=lambda d: (d[0], d[1])):
            prefix, scheme = keys.get(key, ("", None))
            if not prefix.startswith("scheme.") or prefix + field not in known:
                continue  # not a scheme fact (a block, or a fact the description leaves out)
            if field in NOT_LEVERS or (scheme not in schemes and len(schemes) == MAX_SCHEMES_PER_RULE):
                continue
            path = bench.resolve(prefix + field)
            if numeric(path.type) is not None and get_fact(bench.original, path) is not None:
                schemes.add(scheme)
                seen.setdefault(path.text, path)
    return list(seen.values())


def _close(bench: Workbench, rule: RuleResult, path: FactPath) -> Closing | None:
    adaptor = numeric(path.type)
    assert adaptor is not None
    fact = get_fact(bench.original, path)
    assert fact is not None
    like = fact.value
    x0 = adaptor.number(like)
    places = PLACES.get(adaptor.name, 2)
    unit = Fraction(1, 10**places)

    def verdict_at(x: Fraction) -> tuple[str, RuleResult]:
        result = bench.rule_result([(path, adaptor.make(like, _dec(x)))], rule.id)
        return result.verdict, result

    target = _by_inverse(rule, x0, unit, verdict_at)
    solved = target is not None
    if target is None:
        target = _by_bisection(x0, unit, verdict_at)
    if target is None:
        return None
    exact, raise_ = target
    step = as_decimal(exact, places, up=raise_)
    if adaptor.whole and step != step.to_integral_value():
        return None
    if not _verified(bench, path, adaptor.make(like, step), rule.id):
        return None
    return Closing(
        rule.id,
        path.text,
        _parameter(path),
        shown(like),
        shown(adaptor.make(like, step)),
        exact_text(exact) if solved and Fraction(step) != exact else None,
        raise_,
        displayed(like),
        displayed(adaptor.make(like, step)),
    )


def _by_inverse(rule: RuleResult, x0: Fraction, unit: Fraction, verdict_at: Any) -> tuple[Fraction, bool] | None:
    """Solve the straight line through the figure at x0 and x0 + 1 unit for the threshold."""
    assert rule.value is not None and rule.threshold is not None
    for delta in (unit, -unit):
        if x0 + delta < 0:
            continue
        _, moved = verdict_at(x0 + delta)
        if moved.value is None or moved.value == rule.value or moved.threshold != rule.threshold:
            continue
        slope = (Fraction(moved.value) - Fraction(rule.value)) / delta
        point = x0 + (Fraction(rule.threshold) - Fraction(rule.value)) / slope
        if point < 0:
            return None
        raise_ = point > x0
        # Tried at the precision the change will be stated to (a whole number of persons, cents),
        # rounded away from the baseline: the exact point may lie between two such values.
        steps = point / unit
        probe = (math.ceil(steps) if raise_ else math.floor(steps)) * unit
        at, _ = verdict_at(probe)
        if at == COMPLIANT:
            return point, raise_
        return None
    return None


def _by_bisection(x0: Fraction, unit: Fraction, verdict_at: Any) -> tuple[Fraction, bool] | None:
    """Find a compliant value by doubling (or at zero), then bisect down to the precision."""
    for raise_ in (True, False):
        bound = None
        if raise_:
            x = x0 if x0 > 0 else unit
            for _ in range(MAX_DOUBLINGS):
                x *= 2
                if verdict_at(x)[0] == COMPLIANT:
                    bound = x
                    break
        elif x0 > 0 and verdict_at(Fraction(0))[0] == COMPLIANT:
            bound = Fraction(0)
        if bound is None:
            continue
        fail, ok = x0, bound
        while abs(ok - fail) > unit / 2:
            mid = (fail + ok) / 2
            if verdict_at(mid)[0] == COMPLIANT:
                ok = mid
            else:
                fail = mid
        return ok, raise_
    return None


def _verified(bench: Workbench, path: FactPath, value: Any, rule_id: str) -> bool:
    """A fresh assessment of the changed description finds the rule compliant."""
    from c102.evaluate.engine import assess
    from c102.reform.paths import with_fact

    changed, _, _ = with_fact(tracking.untrack(bench.root), path, bench.fact_for(path, value))
    return assess(changed, rulebook=bench.rulebook).rule(rule_id).verdict == COMPLIANT


def _finite(x: Fraction) -> bool:
    d = x.denominator
    for p in (2, 5):
        while d % p == 0:
            d //= p
    return d == 1


def _dec(x: Fraction) -> Decimal:
    if _finite(x):
        return Decimal(x.numerator) / Decimal(x.denominator)
    return as_decimal(x, 12, up=True)


def _parameter(path: FactPath) -> str:
    """The parameter in words: ``the accrual rate (Pension fund, old-age benefit)``."""
    from c102.reform.paths import split_path

    segments = split_path(path.text)
    key = segments[-1][0]
    field = _(FIELDS[key]) if key in FIELDS else _("the {field}", field=key.replace("_", " "))
    scheme = segments[1][0] if len(segments) > 1 else ""
    where = [scheme]
    names = [s[0] for s in segments]
    if "benefit" in names:
        where.append(label(names[names.index("benefit") + 1], "benefits"))
    if "protected" in names:
        field = _(FIELDS["persons"])
        index = segments[names.index("protected")][1]
        where.append(_("group {n}", n=index + 1 if index is not None else 1))
    if "qualifying_period" in names:
        field = _("the qualifying period")
    return _("{field} ({where})", field=field, where=", ".join(w for w in where if w))


# The facts a smallest change can move, as the parameter's name in a sentence.
FIELDS = {
    "rate": N_("the rate"),
    "base_rate": N_("the base rate"),
    "accrual_rate": N_("the accrual rate"),
    "max_rate": N_("the maximum rate"),
    "flat": N_("the flat amount"),
    "minimum": N_("the minimum benefit"),
    "maximum": N_("the maximum benefit"),
    "ceiling": N_("the ceiling"),
    "persons": N_("the persons protected"),
    "length": N_("the qualifying period"),
    "max_duration": N_("the maximum duration"),
    "min_duration": N_("the minimum duration"),
    "waiting_period": N_("the waiting period"),
    "spouse_supplement": N_("the spouse supplement"),
    "child_supplement": N_("the child supplement"),
    "family_allowance": N_("the family allowance"),
    "pensionable_age": N_("the pensionable age"),
    "cost_sharing": N_("the cost sharing"),
}


def closings_for(description: Description, bench: Workbench | None = None) -> dict[str, list[Closing]]:
    """Smallest changes for a description (builds a workbench when none is given)."""
    return smallest_changes(bench if bench is not None else Workbench(description))


def with_smallest_changes(assessment: Assessment) -> Assessment:
    """The assessment with the smallest changes on its failing numeric rules, computed once: the gap
    and options reports, ``assess`` and ``compare`` all ask, and a later asker finds them there
    (a rule with none that closes it gets an empty list, so it is not searched again)."""
    pending = [
        r
        for r in assessment.rules
        if r.verdict == NOT_COMPLIANT and r.value is not None and r.threshold is not None
    ]
    if all(r.closings is not None for r in pending):
        return assessment
    closings = smallest_changes(Workbench(assessment.description))
    for rule in pending:
        rule.closings = [c.to_json() for c in closings.get(rule.id, [])]
    return assessment


def attach(assessment: Assessment, closings: dict[str, list[Closing]]) -> None:
    """Record the smallest changes on the rule results, for the JSON, assess and the gap report."""
    for rule in assessment.rules:
        found = closings.get(rule.id)
        if found:
            rule.closings = [c.to_json() for c in found]
