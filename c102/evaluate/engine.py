"""Assess a description: build the evaluator graph from the rulebook, evaluate it, assemble the
Assessment. ``Plan`` keeps the built graph so the same country can be re-evaluated cheaply."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from typing import Any

from c102.evaluate import voluntary
from c102.evaluate.assessment import Assessment
from c102.evaluate.context import Context
from c102.evaluate.graph import FINDING, PART, RATIFICATION, ROUTE, RULE, Node
from c102.evaluate.kinds import COUNTRY_KINDS, COUNTRY_VARIANTS, SCHEME_KINDS, care
from c102.evaluate.kinds.base import CountryKind, Finding, SchemeKind
from c102.evaluate.kinds.general import ROMAN
from c102.evaluate.route import Route, choose_route
from c102.evaluate.verdict import (
    NEEDS_REVIEW,
    NOT_APPLICABLE,
    NOT_COMPLIANT,
    RuleResult,
    SchemeFinding,
    worst,
)
from c102.i18n import _
from c102.i18n.rulebook import part_title, rule_title
from c102.labels import label
from c102.model.description import Description, Scheme
from c102.model.ratifications import RatificationRecord, ratification_for
from c102.rules.model import PartInfo, Rule, Rulebook

# Parts whose rules read the country as a whole, never a scheme.
NO_SCHEME_PARTS = ("I", "XIV")


class Plan:
    """The evaluator graph of one description under one rulebook."""

    context_class: type[Context] = Context  # the what-if workbench refreshes fact nodes as it re-reads

    def __init__(
        self, description: Description, rulebook: Rulebook, parts: Iterable[str] | None = None
    ) -> None:
        self.description = description
        self.rulebook = rulebook
        self.ctx = self.context_class(description, rulebook)
        self.only = set(parts) if parts is not None else None
        self.rules = [r for r in rulebook.rules if self.only is None or r.part in self.only]
        # The country's entry of countries/ratifications.yaml, read once (whole assessments only).
        self.record: RatificationRecord | None = ratification_for(description) if self.only is None else None
        self.names = {self.ctx.slug(s): s.name for s in description.scheme}
        self.by_slug = {self.ctx.slug(s): s for s in description.scheme}
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

    def _rule_schemes(self, part: PartInfo | None, rule: Rule) -> list[Scheme]:
        """The schemes a rule judges: voluntary insurance that counts for medical care only (Art 6,
        Part VIII) is judged by the Part's medical-care rules, not by its cash-benefit rules."""
        schemes = self._schemes(part)
        branch = part.branch if part is not None else None
        if (
            branch
            and rule.kind not in voluntary.MEDICAL_CARE_KINDS
            and voluntary.medical_care_only(self.ctx, branch)
        ):
            return [s for s in schemes if not voluntary.is_voluntary(s)]
        return schemes

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
            if country_level:
                fn = COUNTRY_KINDS.get(rule.kind) or COUNTRY_VARIANTS[rule.kind]
                self._add_rule(rule, self._country_inputs(rule), partial(self._country_rule, rule, fn))
                continue
            assert scheme_kind is not None
            findings = self.findings_by_part.setdefault(rule.part, [])
            mine = []
            for scheme in self._rule_schemes(part, rule):
                finding_id = f"finding:{rule.id}@{ctx.slug(scheme)}"
                graph.add(
                    Node(
                        finding_id,
                        FINDING,
                        _("{rule}: {scheme}", rule=rule_title(rule.id, rule.title), scheme=scheme.name),
                        article=rule.articles[0],
                        compute=partial(self._finding, rule, scheme, part, scheme_kind),
                    )
                )
                findings.append(finding_id)
                mine.append(finding_id)
            route_id = self._route_id(part)
            inputs = ([route_id] if route_id else []) + mine
            self._add_rule(rule, inputs, partial(self._scheme_result, rule, bool(route_id)))
        self._add_routes()
        self._add_parts()

    def _add_rule(self, rule: Rule, inputs: list[str], compute: Callable[[list[Any]], RuleResult]) -> None:
        self.ctx.graph.add(
            Node(
                f"rule:{rule.id}",
                RULE,
                rule_title(rule.id, rule.title),
                inputs=tuple(inputs),
                article=rule.articles[0],
                compute=compute,
            )
        )

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
                    _("Part {part}: schemes relied on", part=part_id),
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
                    _("Part {part}: {title}", part=part.part, title=part_title(part.part, part.title)),
                    inputs=tuple(inputs),
                    compute=_part_verdict,
                )
            )
        for roman in ROMAN:  # Article 2 reads every Part II-X, even one the rulebook leaves empty
            if f"part:{roman}" not in graph and self.only is None:
                graph.add(
                    Node(
                        f"part:{roman}", PART, _("Part {part}", part=roman), compute=lambda _v: NOT_APPLICABLE
                    )
                )
        art2 = [f"rule:{r.id}" for r in self.rules if r.kind == "article_2"]
        graph.add(
            Node(
                "ratification",
                RATIFICATION,
                _("Article 2: Parts that could be accepted"),
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
            if part and part.branch:
                text = _("No scheme relied on provides {benefit}.", benefit=label(part.branch, "benefits"))
            else:
                text = _("No scheme relied on provides this requirement.")
            return self._base(rule, Finding(NOT_APPLICABLE, text))
        joint = care.together(self.ctx, rule, [(self.by_slug[slug], f) for slug, f in pairs])
        verdict = joint.verdict if joint is not None else worst([f.verdict for _, f in pairs])
        among = [joint] if joint is not None else [f for _, f in pairs if f.verdict == verdict]
        lead = min(
            among,
            key=lambda f: (f.value - f.threshold) if f.value is not None and f.threshold is not None else 0,
        )
        failing = [f.explanation for _, f in pairs if f.verdict == NOT_COMPLIANT]
        combined = Finding(
            verdict,
            " ".join([*(f.explanation for _, f in pairs), *([joint.explanation] if joint is not None else [])]),
            value=lead.value,
            threshold=lead.threshold,
            unit=lead.unit,
            gap=None if joint is not None else lead.gap or (" ".join(failing) if failing and len(pairs) > 1 else None),
            remedy=None if joint is not None else lead.remedy,
            alternative=lead.alternative,
            question=lead.question,
            missing=[] if joint is not None else sorted({m for _, f in pairs for m in f.missing}),
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
        from c102.evaluate.assemble import assemble

        return assemble(self)


def _part_verdict(values: list[Any]) -> str:
    return worst([v.verdict for v in values if v is not None]) if values else NOT_APPLICABLE


def _roman_rank(part: str) -> int:
    order = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV")
    return order.index(part) if part in order else 99


def assess(
    description: Description, rulebook: Rulebook | None = None, parts: Iterable[str] | None = None
) -> Assessment:
    """Evaluate a description against the C102 rulebook (or another) and return the judgment."""
    if rulebook is None:
        from c102.rules.load import load_rulebook

        rulebook = load_rulebook()
    plan = Plan(description, rulebook, parts)
    plan.evaluate()
    assessment = plan.assessment()
    _release(assessment)
    return assessment


def _release(assessment: Assessment) -> None:
    """Cut the nodes' links back to the plan once evaluated (a node's compute is bound to the plan,
    which holds the graph): without the cycle an assessment is freed as soon as it is dropped,
    instead of waiting for the garbage collector, whose passes cost about a fifth of the time of a
    warm assessment. The what-if workbench keeps its plan and does not come through here."""
    if assessment.graph is not None:
        for node in assessment.graph.nodes.values():
            node.compute = None


__all__ = ["Plan", "assess"]
