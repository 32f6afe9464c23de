"""A sweep of one fact over a range, and the exact point where each verdict or route flips.

Between two grid values whose outcomes differ, bisection on exact decimals narrows the flip to
the fact's written precision (four decimals of a percentage, cents of money); every step is a
what-if, so exact arithmetic all the way. Where a finding's figure moves in a straight line across
its threshold (checked exactly on three points), the inverse of that line gives the flip point as
an exact fraction, e.g. an accrual rate of 14/33%.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any

from c102.evaluate.assessment import Assessment
from c102.evaluate.graph import FINDING, RULE
from c102.reform.compare import Side, article_2_side, part_side, rule_side
from c102.reform.numbers import Numeric, as_decimal, exact_text, numeric
from c102.reform.paths import FactPath, PathError
from c102.reform.workbench import Workbench

Item = tuple[str, str, str]  # level, id, title


@dataclass(frozen=True)
class Flip:
    """Where one verdict or route changes: the last value before, the first after, the exact point."""

    level: str
    id: str
    title: str
    before: Side
    after: Side
    last_before: Decimal
    first_after: Decimal
    exact: Fraction | None  # the parameter's number where the figure meets its threshold
    driver: str | None  # the finding whose figure crosses its threshold there

    def to_json(self) -> dict[str, Any]:
        return {
            "level": self.level,
            "id": self.id,
            "title": self.title,
            "before": self.before.to_json(),
            "after": self.after.to_json(),
            "last_before": str(self.last_before),
            "first_after": str(self.first_after),
            "exact": None if self.exact is None else exact_text(self.exact),
            "driver": self.driver,
        }


def states(assessment: Assessment) -> dict[Item, Side]:
    """Every verdict a sweep watches: Article 2, each Part, each rule (with its route)."""
    out: dict[Item, Side] = {("article_2", "ratification", "Article 2"): _verdict_only(article_2_side(assessment))}
    for part_id, part in assessment.parts.items():
        out[("part", part_id, f"Part {part_id}")] = _verdict_only(part_side(part))
    for rule in assessment.rules:
        out[("rule", rule.id, rule.title)] = _verdict_only(rule_side(rule))
    return out


def _verdict_only(side: Side) -> Side:
    """What counts as a flip: the verdict and the route, not the figure (which moves all the time)."""
    return Side(side.verdict, None, side.alternative, side.schemes)


def grid(path: FactPath, like: Any, start: Any, stop: Any, step: Any) -> list[Any]:
    """Values from start to stop (inclusive) by step, in the fact's own type and units."""
    adaptor = _adaptor(path)
    a, b, s = adaptor.number(start), adaptor.number(stop), adaptor.number(step)
    if s <= 0:
        raise PathError(f"the step of a sweep must be positive, got {step}")
    count = int((b - a) / s) + 1
    if count > 10_000 or count < 1:
        raise PathError(f"a sweep of {count} values is outside 1..10 000; change the range or the step")
    return [adaptor.make(start, _decimal(a + i * s)) for i in range(count)]


def _adaptor(path: FactPath) -> Numeric:
    adaptor = numeric(path.type)
    if adaptor is None:
        raise PathError(f"{path.text} is not a number, a percentage, an amount, a duration or a count")
    return adaptor


def _decimal(value: Fraction) -> Decimal:
    return Decimal(value.numerator) / Decimal(value.denominator)


def run_sweep(bench: Workbench, path: FactPath, values: list[Any]) -> list[tuple[Any, Assessment]]:
    return [(value, bench.assess([(path, value)])) for value in values]


def watched(rows: list[tuple[Any, Assessment]]) -> list[Item]:
    """The items whose verdict or route differs somewhere along the sweep, in the Convention's order."""
    seen = [states(a) for _, a in rows]
    return [item for item in seen[0] if any(s.get(item) != seen[0][item] for s in seen[1:])]


def flips(bench: Workbench, path: FactPath, rows: list[tuple[Any, Assessment]]) -> list[Flip]:
    """Each change of a watched verdict between neighbouring grid values, located exactly."""
    adaptor = _adaptor(path)
    items = watched(rows)
    out: list[Flip] = []
    for (low, a), (high, b) in itertools.pairwise(rows):
        sa, sb = states(a), states(b)
        seen: dict[Fraction, tuple[dict[Item, Side], Assessment]] = {}  # shared by the items here
        for item in items:
            if sa[item] != sb[item]:
                out.append(_locate(bench, path, adaptor, item, low, high, sa[item], seen))
    return out


def _locate(
    bench: Workbench,
    path: FactPath,
    adaptor: Numeric,
    item: Item,
    low: Any,
    high: Any,
    start: Side,
    seen: dict[Fraction, tuple[dict[Item, Side], Assessment]],
) -> Flip:
    """Bisect between two grid values to the fact's precision, then solve for the exact point."""
    lo, hi = adaptor.number(low), adaptor.number(high)
    unit = Fraction(1, 10**adaptor.places)

    def state_at(number: Fraction) -> tuple[Side, Assessment]:
        if number not in seen:
            assessment = bench.assess([(path, adaptor.make(low, _decimal(number)))])
            seen[number] = (states(assessment), assessment)
        found, assessment = seen[number]
        return found[item], assessment

    while abs(hi - lo) > unit:
        mid = Fraction(as_decimal((lo + hi) / 2, adaptor.places, up=False))
        if mid in (lo, hi):
            break
        side, _ = state_at(mid)
        if side == start:
            lo = mid
        else:
            hi = mid
    before, at_lo = state_at(lo)
    after, at_hi = state_at(hi)
    exact, driver = _crossing(bench, path, adaptor, low, lo, hi, at_lo, at_hi)
    return Flip(item[0], item[1], item[2], before, after, _decimal(lo), _decimal(hi), exact, driver)


def _crossing(
    bench: Workbench,
    path: FactPath,
    adaptor: Numeric,
    like: Any,
    lo: Fraction,
    hi: Fraction,
    at_lo: Assessment,
    at_hi: Assessment,
) -> tuple[Fraction | None, str | None]:
    """The exact parameter at which a finding's figure meets its threshold, if it moves linearly."""
    assert at_lo.graph is not None and at_hi.graph is not None
    mid = (lo + hi) / 2
    candidates = []
    for node_id, node in at_lo.graph.nodes.items():
        if node.kind not in (FINDING, RULE):
            continue
        other = at_hi.graph.nodes.get(node_id)
        first, second = _figure(node.value), _figure(other.value if other is not None else None)
        if first is None or second is None or first[2] == second[2] or first[1] != second[1]:
            continue
        if first[0] == second[0]:
            continue
        candidates.append((node_id, first, second))
    if not candidates:
        return None, None
    mid_assessment = bench.assess([(path, adaptor.make(like, _decimal(mid)))]) if _exact_decimal(mid) else None
    for node_id, (v0, threshold, _), (v1, _, _) in candidates:
        slope = (v1 - v0) / (hi - lo)
        point = lo + (threshold - v0) / slope
        if not lo <= point <= hi:
            continue
        if mid_assessment is not None and mid_assessment.graph is not None:
            at_mid = mid_assessment.graph.nodes.get(node_id)
            seen = _figure(at_mid.value if at_mid is not None else None)
            if seen is None or seen[0] != v0 + slope * (mid - lo):
                continue  # not a straight line here: keep the bracket only
        return point, node_id.split(":", 1)[1]
    return None, None


def _figure(value: Any) -> tuple[Fraction, Fraction, str] | None:
    """(figure, threshold, verdict) of a rule result or a per-scheme finding, when numeric."""
    if isinstance(value, tuple) and len(value) == 2:
        value = value[1]
    figure, threshold, verdict = (getattr(value, n, None) for n in ("value", "threshold", "verdict"))
    if figure is None or threshold is None or verdict is None:
        return None
    return Fraction(figure), Fraction(threshold), str(verdict)


def _exact_decimal(value: Fraction) -> bool:
    d = value.denominator
    for prime in (2, 5):
        while d % prime == 0:
            d //= prime
    return d == 1
