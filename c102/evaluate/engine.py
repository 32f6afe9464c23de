"""Assess a description: build the evaluator graph from the rulebook, evaluate it, assemble the
Assessment. ``Plan`` keeps the built graph so the same country can be re-evaluated cheaply."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import date
from functools import partial
from typing import Any

from c102 import __version__
from c102.evaluate.assessment import Assessment, BenefitCalculation, PartResult, Ratification, Receipt
from c102.evaluate.context import Context
from c102.evaluate.graph import FINDING, PART, RATIFICATION, ROUTE, RULE, Node
from c102.evaluate.kinds import COUNTRY_KINDS, COUNTRY_VARIANTS, SCHEME_KINDS
from c102.evaluate.kinds.base import CountryKind, Finding, SchemeKind
from c102.evaluate.kinds.general import ROMAN
from c102.evaluate.route import Route, choose_route
from c102.evaluate.verdict import (
    COMPLIANT,
    NEEDS_REVIEW,
    NOT_APPLICABLE,
    NOT_COMPLIANT,
    VERDICTS,
    RuleResult,
    SchemeFinding,
    worst,
)
from c102.model.description import Description, Scheme
from c102.model.ratifications import RatificationRecord
from c102.rules.model import PartInfo, Rule, Rulebook

# Parts whose rules read the country as a whole, never a scheme.
NO_SCHEME_PARTS = ("I", "XIV")
# Parts binding on whatever Parts are accepted (Art 2(a)(i), (iii)).
COMMON_PARTS = ("I", "XI", "XII", "XIII")


class Plan:
    """The evaluator graph of one description under one rulebook."""

    def __init__(
        self, description: Description, rulebook: Rulebook, parts: Iterable[str] | None = None
    ) -> None:
        self.description = description
        self.rulebook = rulebook
        self.ctx = Context(description, rulebook)
        self.only = set(parts) if parts is not None else None
        self.rules = [r for r in rulebook.rules if self.only is None or r.part in self.only]
        self.names = {self.ctx.slug(s): s.name for s in description.scheme}
        self.part_slugs = {
            part_id: [self.ctx.slug(s) for s in self._schemes(part)]
            for part_id, part in rulebook.parts.items()
        }
        self._build()

    # -- building --------------------------------------------------------------------------------

    def _schemes(self, part: PartInfo | None) -> list[Scheme]:
        if part is not None and part.branch:
            return self.ctx.schemes_for(part.branch)
        return [s for s in self.description.scheme if s.kind.value != "voluntary_insurance"]

    def _build(self) -> None:
        graph, ctx = self.ctx.graph, self.ctx
        self.route_parts: set[str] = set()
        self.findings_by_part: dict[str, list[str]] = {}
        for rule in self.rules:
            part = self.rulebook.parts.get(rule.part)
            scheme_kind = SCHEME_KINDS.get(rule.kind)
            country_level = (
                scheme_kind is None
                or rule.part in NO_SCHEME_PARTS
                or (rule.kind == "judgment" and rule.params.get("when", "always") == "always")
            )
            node_id = f"rule:{rule.id}"
            if country_level:
                fn = COUNTRY_KINDS.get(rule.kind) or COUNTRY_VARIANTS[rule.kind]
                inputs = self._country_inputs(rule)
                graph.add(
                    Node(
                        node_id,
                        RULE,
                        rule.title,
                        inputs=tuple(inputs),
                        article=rule.articles[0],
                        compute=partial(self._country_rule, rule, fn),
                    )
                )
                continue
            assert scheme_kind is not None
            findings = self.findings_by_part.setdefault(rule.part, [])
            mine = []
            for scheme in self._schemes(part):
                finding_id = f"finding:{rule.id}@{ctx.slug(scheme)}"
                graph.add(
                    Node(
                        finding_id,
                        FINDING,
                        f"{rule.title}: {scheme.name}",
                        article=rule.articles[0],
                        compute=partial(self._finding, rule, scheme, part, scheme_kind),
                    )
                )
                findings.append(finding_id)
                mine.append(finding_id)
            route_id = self._route_id(part)
            inputs = ([route_id] if route_id else []) + mine
            graph.add(
                Node(
                    node_id,
                    RULE,
                    rule.title,
                    inputs=tuple(inputs),
                    article=rule.articles[0],
                    compute=partial(self._scheme_result, rule, bool(route_id)),
                )
            )
        self._add_routes()
        self._add_parts()

    def _country_inputs(self, rule: Rule) -> list[str]:
        if rule.kind != "article_2":
            return []
        art75 = [f"rule:{r.id}" for r in self.rules if r.kind == "article_75"]
        return [f"part:{p}" for p in ROMAN] + art75[:1]

    def _route_id(self, part: PartInfo | None) -> str | None:
        if part is None or not part.branch:
            return None
        self.route_parts.add(part.part)
        return f"route:{part.part}"

    def _add_routes(self) -> None:
        graph = self.ctx.graph
        for part_id in sorted(self.route_parts, key=_roman_rank):
            coverage = [f"rule:{r.id}" for r in self.rules if r.part == part_id and r.kind == "coverage"]
            findings = self.findings_by_part.get(part_id, [])
            graph.add(
                Node(
                    f"route:{part_id}",
                    ROUTE,
                    f"Part {part_id}: schemes relied on",
                    inputs=tuple(coverage + findings),
                    compute=partial(self._route, part_id, bool(coverage)),
                )
            )

    def _route(self, part_id: str, has_coverage: bool, values: list[Any]) -> Route:
        slugs = self.part_slugs[part_id]
        if has_coverage:
            return choose_route(values[0], values[1:], slugs)
        return choose_route(None, values, slugs)

    def _country_rule(self, rule: Rule, fn: CountryKind, values: list[Any]) -> RuleResult:
        return self._country_result(rule, fn(self.ctx, rule, values))

    def _finding(
        self, rule: Rule, scheme: Scheme, part: PartInfo | None, fn: SchemeKind, values: list[Any]
    ) -> tuple[str, Finding]:
        return self.ctx.slug(scheme), fn(self.ctx, rule, scheme, part)

    def _add_parts(self) -> None:
        graph = self.ctx.graph
        parts = [p for p in self.rulebook.parts.values() if self.only is None or p.part in self.only]
        for part in parts:
            inputs = [f"rule:{r.id}" for r in self.rules if r.part == part.part]
            graph.add(
                Node(
                    f"part:{part.part}",
                    PART,
                    f"Part {part.part}: {part.title}",
                    inputs=tuple(inputs),
                    compute=_part_verdict,
                )
            )
        for roman in ROMAN:  # Article 2 reads every Part II-X, even one the rulebook leaves empty
            if f"part:{roman}" not in graph and self.only is None:
                graph.add(Node(f"part:{roman}", PART, f"Part {roman}", compute=lambda _v: NOT_APPLICABLE))
        art2 = [f"rule:{r.id}" for r in self.rules if r.kind == "article_2"]
        graph.add(
            Node(
                "ratification",
                RATIFICATION,
                "Article 2: Parts that could be accepted",
                inputs=tuple(art2),
                article="2",
                compute=lambda values: values[0] if values else None,
            )
        )

    # -- results ---------------------------------------------------------------------------------

    def _base(self, rule: Rule, finding: Finding) -> RuleResult:
        return RuleResult(
            id=rule.id,
            instrument=rule.instrument,
            part=rule.part,
            articles=list(rule.articles),
            title=rule.title,
            topic=rule.topic,
            kind=rule.kind,
            verdict=finding.verdict,
            explanation=finding.explanation,
            value=finding.value,
            threshold=finding.threshold,
            unit=finding.unit,
            gap=finding.gap,
            remedy=finding.remedy,
            alternative=finding.alternative,
            question=finding.question or (rule.question if finding.verdict == NEEDS_REVIEW else None),
            missing=list(finding.missing),
            answer=finding.answer,
        )

    def _country_result(self, rule: Rule, finding: Finding) -> RuleResult:
        result = self._base(rule, finding)
        result.data = finding.data
        return result

    def _scheme_result(self, rule: Rule, routed: bool, values: list[Any]) -> RuleResult:
        route: Route | None = values[0] if routed else None
        pairs: list[tuple[str, Finding]] = values[1:] if routed else values
        names = self.names
        if route is not None and route.slugs is not None:
            pairs = [(slug, f) for slug, f in pairs if slug in route.slugs]
        if not pairs:
            part = self.rulebook.parts.get(rule.part)
            what = f"{part.branch.replace('_', ' ')} benefit" if part and part.branch else "this requirement"
            return self._base(rule, Finding(NOT_APPLICABLE, f"No scheme relied on provides {what}."))
        verdict = worst([f.verdict for _, f in pairs])
        among = [f for _, f in pairs if f.verdict == verdict]
        lead = min(
            among,
            key=lambda f: (f.value - f.threshold) if f.value is not None and f.threshold is not None else 0,
        )
        failing = [f.explanation for _, f in pairs if f.verdict == NOT_COMPLIANT]
        combined = Finding(
            verdict,
            " ".join(f.explanation for _, f in pairs),
            value=lead.value,
            threshold=lead.threshold,
            unit=lead.unit,
            gap=lead.gap or (" ".join(failing) if failing and len(pairs) > 1 else None),
            remedy=lead.remedy,
            alternative=lead.alternative,
            question=lead.question,
            missing=sorted({m for _, f in pairs for m in f.missing}),
            answer=lead.answer,
        )
        result = self._base(rule, combined)
        result.schemes = [names[slug] for slug, _ in pairs]
        if len(pairs) > 1:
            result.details = [
                SchemeFinding(names[slug], f.verdict, f.value, f.explanation) for slug, f in pairs
            ]
        result.data = [f.data for _, f in pairs if f.data]
        return result

    # -- evaluation and assembly -----------------------------------------------------------------

    def evaluate(self) -> None:
        self.ctx.graph.evaluate(self.ctx.current)

    def assessment(self) -> Assessment:
        graph = self.ctx.graph
        results: list[RuleResult] = []
        for rule in self.rules:
            result = graph.nodes[f"rule:{rule.id}"].value
            result.inputs = graph.inputs_of(f"rule:{rule.id}")
            result.sources = _sources(graph, f"rule:{rule.id}")
            graph.nodes[f"rule:{rule.id}"].explanation = result.explanation
            results.append(result)
        parts = self._part_results(results)
        calculations = self._calculations(results)
        return Assessment(
            description=self.description,
            instrument=self.rulebook.instrument,
            rules=results,
            parts=parts,
            ratification=self._ratification(parts),
            calculations=calculations,
            receipt=self._receipt(),
            choices=self._choices(),
            answers=self._answers(),
            graph=self.ctx.graph,
        )

    def _part_results(self, results: list[RuleResult]) -> dict[str, PartResult]:
        graph = self.ctx.graph
        ceased = self._ceased()
        accepted = set(self._accepted())
        out: dict[str, PartResult] = {}
        by_part: dict[str, list[RuleResult]] = {}
        for result in results:
            by_part.setdefault(result.part, []).append(result)
        order = {s.name: i for i, s in enumerate(self.description.scheme)}
        for part in self.rulebook.parts.values():
            if self.only is not None and part.part not in self.only:
                continue
            mine = by_part.get(part.part, [])
            counts = {v: sum(1 for r in mine if r.verdict == v) for v in VERDICTS}
            route = graph.nodes.get(f"route:{part.part}")
            chosen: Route | None = route.value if route is not None else None
            schemes = sorted({s for r in mine for s in r.schemes}, key=order.__getitem__)
            verdict = graph.nodes[f"part:{part.part}"].value
            graph.nodes[
                f"part:{part.part}"
            ].explanation = f"{counts[COMPLIANT]} of {len(mine)} rules compliant"
            out[part.part] = PartResult(
                part=part.part,
                title=part.title,
                branch=part.branch,
                verdict=verdict,
                counts=counts,
                schemes=schemes,
                accepted=part.part in accepted,
                ceased_by=ceased.get(part.part),
                alternative=chosen.alternative if chosen is not None else None,
            )
        return out

    def _ceased(self) -> dict[str, str]:
        for rule in self.rules:
            if rule.kind == "article_75":
                data = result_data_of(self.ctx.graph.nodes[f"rule:{rule.id}"].value)
                return dict(data) if isinstance(data, dict) else {}
        return {}

    def _accepted(self) -> list[str]:
        """Parts accepted: as the description states them, else as the ratification record has them."""
        ratification = self.description.ratification
        if ratification is not None and ratification.parts is not None:
            return list(ratification.parts.value)
        record = self._record()
        return list(record.parts) if record is not None and record.parts else []

    def _record(self) -> RatificationRecord | None:
        if not hasattr(self, "_record_cache"):
            from c102.model.ratifications import ratification_for

            self._record_cache = ratification_for(self.description) if self.only is None else None
        return self._record_cache

    def _record_json(self) -> dict[str, Any] | None:
        record = self._record()
        if record is None:
            return None
        return {
            "country": record.country,
            "registered": record.registered.isoformat() if record.registered else str(record.registered_year),
            "parts": list(record.parts) if record.parts else None,
            "ceased": {part: c.by for c in record.ceased for part in c.parts},
            "article_3_in_force": record.article_3_in_force,
            "verified": record.verified,
            "source": record.registered_checked.source,
        }

    def _ratification(self, parts: dict[str, PartResult]) -> Ratification:
        node = self.ctx.graph.nodes["ratification"]
        result: RuleResult | None = node.value
        data = result_data_of(result) if result is not None else None
        acceptable = (
            list(data["acceptable"])
            if isinstance(data, dict)
            else [p for p in ROMAN if parts.get(p) and parts[p].verdict == COMPLIANT]
        )
        accepted = self._accepted()
        failing = [
            p for p in accepted if p in parts and parts[p].verdict == NOT_COMPLIANT and not parts[p].ceased_by
        ]
        registered_fact = self.description.ratification.registered if self.description.ratification else None
        record = self._record()
        registered: date | None = (
            registered_fact.value if registered_fact else (record.registered if record else None)
        )
        in_force = _add_year(registered).isoformat() if registered is not None else None
        explanation = result.explanation if result else "Article 2 is not in the rulebook."
        # Art 2(a)(i), (iii): Part I and the relevant provisions of Parts XI-XIII bind whatever is accepted.
        common = [p for p in COMMON_PARTS if p in parts and parts[p].verdict == NOT_COMPLIANT]
        if common:
            explanation += (
                f" Part I and Parts XI-XIII apply to every accepted Part (Art 2(a)); not met now: "
                f"{', '.join('Part ' + p for p in common)}."
            )
        node.explanation = explanation
        return Ratification(
            acceptable_parts=acceptable,
            meets_article_2=bool(result and result.verdict == COMPLIANT) and not common,
            explanation=node.explanation,
            accepted_parts=accepted,
            ceased_parts=self._ceased(),
            accepted_but_failing=failing,
            registered=registered.isoformat() if registered else None,
            in_force_from=in_force,
            record=self._record_json(),
        )

    def _calculations(self, results: list[RuleResult]) -> list[BenefitCalculation]:
        out: list[BenefitCalculation] = []
        for result in results:
            if result.kind != "benefit_level":
                continue
            for data in result_data_of(result) or []:
                out.extend(data)
        return out

    def _receipt(self) -> Receipt:
        text = self.description.text.encode("utf-8")
        as_of = self.description.country.as_of
        return Receipt(
            c102_version=__version__,
            rulebook_sha256=self.rulebook.sha256,
            description_sha256=hashlib.sha256(text).hexdigest(),
            description_path=self.description.path,
            as_of=as_of.value.isoformat() if as_of else None,
        )

    def _choices(self) -> list[dict[str, Any]]:
        out = []
        for choice in self.rulebook.choices.values():
            stated = self.description.choices.get(choice.id)
            out.append(
                {
                    "id": choice.id,
                    "articles": list(choice.articles),
                    "question": choice.question,
                    "value": _plain(stated.value) if stated else _plain(choice.default),
                    "stated": stated is not None,
                    "source": stated.source if stated else None,
                    "effect": choice.effect,
                }
            )
        for scheme in self.description.scheme:
            for benefit in scheme.benefit:
                if benefit.assessed_under is not None:
                    out.append(
                        {
                            "id": "assessed_under",
                            "articles": [str(benefit.assessed_under.value)],
                            "question": f"Under which Article of Part XI is the {benefit.branch.replace('_', ' ')} benefit of {scheme.name} tested?",
                            "value": str(benefit.assessed_under.value),
                            "stated": True,
                            "source": benefit.assessed_under.source,
                            "effect": "selects the reference wage and the method of Art 65, 66 or 67",
                        }
                    )
        return out

    def _answers(self) -> list[dict[str, Any]]:
        known = {r.id for r in self.rulebook.rules}
        return [
            {
                "rule": rule_id,
                "value": _plain(fact.value),
                "source": fact.source,
                "note": fact.note,
                "known_rule": rule_id in known,
            }
            for rule_id, fact in self.description.answers.items()
        ]


def result_data_of(result: RuleResult | None) -> Any:
    return None if result is None else result.data


def _part_verdict(values: list[Any]) -> str:
    return worst([v.verdict for v in values if v is not None]) if values else NOT_APPLICABLE


def _sources(graph: Any, node_id: str) -> list[str]:
    seen: dict[str, None] = {}
    stack = [node_id]
    visited: set[str] = set()
    while stack:
        current = stack.pop()
        if current in visited:
            continue
        visited.add(current)
        node = graph.nodes[current]
        if node.kind == "fact" and node.source:
            seen.setdefault(node.source, None)
        if node.kind in (RULE, FINDING) or current == node_id:
            stack.extend(graph.inputs_of(current))
    return sorted(seen)


def _roman_rank(part: str) -> int:
    order = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV")
    return order.index(part) if part in order else 99


def _add_year(d: date) -> date:
    try:
        return d.replace(year=d.year + 1)
    except ValueError:  # 29 February
        return d.replace(year=d.year + 1, day=28)


def _plain(value: Any) -> Any:
    if isinstance(value, bool | int | str) or value is None:
        return value
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return str(value)


def assess(
    description: Description, rulebook: Rulebook | None = None, parts: Iterable[str] | None = None
) -> Assessment:
    """Evaluate a description against the C102 rulebook (or another) and return the judgment."""
    if rulebook is None:
        from c102.rules.load import load_rulebook

        rulebook = load_rulebook()
    plan = Plan(description, rulebook, parts)
    plan.evaluate()
    return plan.assessment()


__all__ = ["Plan", "assess"]
