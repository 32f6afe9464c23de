"""Article 2(a)(iii): the relevant provisions of Parts XI-XIII are those that bear on the schemes
the Parts of the set rely on.

A Member complies with Parts XI, XII and XIII as far as the Parts it accepts need them: a scheme
that serves no Part of the acceptable (or accepted) set may fail Art 70 or Art 68 without blocking
Article 2. Such a failure is still reported, as outside the set. Part I binds whole (Art 2(a)(i)).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from c102.evaluate.verdict import INSUFFICIENT_DATA, NEEDS_REVIEW, NOT_COMPLIANT, RuleResult

if TYPE_CHECKING:
    from c102.evaluate.engine import Plan

# Parts binding on whatever Parts are accepted (Art 2(a)(i), (iii)).
COMMON_PARTS = ("I", "XI", "XII", "XIII")
_OPEN = (NOT_COMPLIANT, INSUFFICIENT_DATA, NEEDS_REVIEW)


@dataclass
class Relevant:
    """What Art 2(a)(i) and (iii) bind for one set of Parts, by verdict, and what fails outside it."""

    parts: list[str]
    schemes: list[str]  # names of the schemes the Parts rely on
    # verdict -> "RULE (scheme)", or "RULE" for a rule on the country as a whole
    found: dict[str, list[str]] = field(default_factory=lambda: {v: [] for v in _OPEN})
    outside: list[str] = field(default_factory=list)  # failures on schemes serving no Part of the set
    failing_parts: list[str] = field(default_factory=list)  # Parts among I, XI-XIII failing for the set

    @property
    def failing(self) -> list[str]:
        return self.found[NOT_COMPLIANT]

    def to_json(self) -> dict[str, Any]:
        return {
            "parts": list(self.parts),
            "schemes": list(self.schemes),
            "failing": list(self.failing),
            "insufficient_data": list(self.found[INSUFFICIENT_DATA]),
            "needs_review": list(self.found[NEEDS_REVIEW]),
            "outside": list(self.outside),
        }


def relied_on(plan: Plan, parts: list[str]) -> list[str]:
    """Slugs of the schemes the given Parts rely on (their coverage route), in description order."""
    graph = plan.ctx.graph
    slugs: set[str] = set()
    for part in parts:
        node = graph.nodes.get(f"route:{part}")
        route = node.value if node is not None else None
        chosen = route.slugs if route is not None and route.slugs is not None else None
        slugs.update(chosen if chosen is not None else plan.part_slugs.get(part, []))
    return [s for s in plan.names if s in slugs]


def _concerns(result: RuleResult, mine: set[str], every: dict[str, str]) -> bool:
    """Whether an undecided country-level rule lacks a fact of a relied-on scheme (or a general one)."""
    for path in result.missing:
        head, _, rest = path.partition(".")
        slug = rest.partition(".")[0]
        if head != "scheme" or slug not in every or slug in mine:
            return True
    return not result.missing


def relevant_provisions(plan: Plan, parts: list[str], results: list[RuleResult]) -> Relevant:
    """The verdicts of Parts I and XI-XIII that bind ``parts`` (Art 2(a)(i), (iii))."""
    graph = plan.ctx.graph
    slugs = relied_on(plan, parts)
    mine = set(slugs)
    out = Relevant(list(parts), [plan.names[s] for s in slugs])
    failing_parts: set[str] = set()
    for result in results:
        if result.part not in COMMON_PARTS or result.kind == "article_2" or result.verdict not in _OPEN:
            continue
        by_scheme = [
            (slug, graph.nodes[node_id].value[1])
            for slug in plan.names
            if (node_id := f"finding:{result.id}@{slug}") in graph and graph.nodes[node_id].value is not None
        ]
        if result.part == "I" or not by_scheme:  # Part I, and rules on the country as a whole
            if result.part == "I" or result.verdict == NOT_COMPLIANT or _concerns(result, mine, plan.names):
                out.found[result.verdict].append(result.id)
                failing_parts.update([result.part] if result.verdict == NOT_COMPLIANT else [])
            continue
        for slug, finding in by_scheme:
            if finding.verdict not in _OPEN:
                continue
            entry = f"{result.id} ({plan.names[slug]})"
            if slug in mine:
                out.found[finding.verdict].append(entry)
                failing_parts.update([result.part] if finding.verdict == NOT_COMPLIANT else [])
            elif finding.verdict == NOT_COMPLIANT:
                out.outside.append(entry)
    out.failing_parts = [p for p in COMMON_PARTS if p in failing_parts]
    return out


def article_2_verdict(set_verdict: str, relevant: Relevant) -> str:
    """Article 2 as a whole: a set of Parts II-X, with Part I and the relevant provisions met."""
    if set_verdict == NOT_COMPLIANT or relevant.failing:
        return NOT_COMPLIANT
    for verdict in (INSUFFICIENT_DATA, NEEDS_REVIEW):
        if set_verdict == verdict or relevant.found[verdict]:
            return verdict
    return set_verdict
