"""Assess a description: build the evaluator graph from the rulebook, evaluate it, assemble the
Assessment. ``Plan`` keeps the built graph so the same country can be re-evaluated cheaply."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import Any

from c102.evaluate import voluntary
from c102.evaluate.assessment import Assessment
from c102.evaluate.context import Context
from c102.evaluate.graph import FINDING, PART, RATIFICATION, ROUTE, RULE, Node
from c102.evaluate.kinds import care
from c102.evaluate.kinds.base import CountryKind, Finding, SchemeKind
from c102.evaluate.route import Route, choose_route
from c102.evaluate.shape import RuleSpec, template
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
        self.template = template(rulebook, self.only)
        self.rules = list(self.template.rules)
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
        """The graph's nodes, in the order the rulebook's template lays them out: per rule, its
        findings (one per scheme judged) then the rule; the routes; the Parts; Article 2."""
        ctx, plan = self.ctx, self.template
        nodes = ctx.graph.nodes
        built: list[Node] = []
        shape: list[int] = []
        findings_by_part: dict[str, list[str]] = {}
        judged: dict[tuple[str, bool], list[Scheme]] = {}
        slug = ctx.slug

        def add(node: Node) -> None:
            if nodes.setdefault(node.id, node) is node:
                built.append(node)

        for spec in plan.specs:
            rule = spec.rule
            article = rule.articles[0]
            if spec.country is not None:
                add(
                    Node(
                        spec.node_id,
                        RULE,
                        rule_title(rule.id, rule.title),
                        spec.inputs,
                        partial(self._country_rule, rule, spec.country),
                        article,
                    )
                )
                continue
            part, kind = spec.part, spec.scheme_kind
            assert kind is not None
            schemes = judged.get((rule.part, spec.medical))
            if schemes is None:
                schemes = judged[rule.part, spec.medical] = self._rule_schemes(part, rule)
            findings = findings_by_part.setdefault(rule.part, [])
            mine = [spec.route_id] if spec.route_id else []
            for scheme in schemes:
                finding_id = f"finding:{rule.id}@{slug(scheme)}"
                judge = partial(self._finding, rule, scheme, part, kind)
                title = _("{rule}: {scheme}", rule=rule_title(rule.id, rule.title), scheme=scheme.name)
                add(Node(finding_id, FINDING, title, (), judge, article))
                findings.append(finding_id)
                mine.append(finding_id)
            shape.append(len(schemes))
            add(
                Node(
                    spec.node_id,
                    RULE,
                    rule_title(rule.id, rule.title),
                    tuple(mine),
                    partial(self._scheme_result, spec, bool(spec.route_id)),
                    article,
                )
            )
        for part_id, coverage in plan.routes:
            inputs = (*coverage, *findings_by_part.get(part_id, ()))
            route = partial(self._route, part_id, bool(coverage))
            label = _("Part {part}: schemes relied on", part=part_id)
            add(Node(f"route:{part_id}", ROUTE, label, inputs, route))
        for part in plan.parts:
            add(
                Node(
                    f"part:{part.part}",
                    PART,
                    _("Part {part}: {title}", part=part.part, title=part_title(part.part, part.title)),
                    plan.part_inputs[part.part],
                    _part_verdict,
                )
            )
        for roman in plan.empty_parts:  # Article 2 reads every Part II-X, even one the rulebook leaves empty
            add(Node(f"part:{roman}", PART, _("Part {part}", part=roman), (), _not_applicable))
        ratification = Node(
            "ratification",
            RATIFICATION,
            _("Article 2: Parts that could be accepted"),
            plan.article_2,
            _first_value,
            "2",
        )
        add(ratification)
        ctx.graph._order = plan.order(tuple(shape), built)

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

    # -- results ---------------------------------------------------------------------------------

    def _base(self, rule: Rule, finding: Finding) -> RuleResult:
        return _result(
            rule, finding.verdict, finding.explanation, finding, finding.gap, finding.remedy, list(finding.missing)
        )

    def _country_result(self, rule: Rule, finding: Finding) -> RuleResult:
        result = self._base(rule, finding)
        result.data = finding.data
        return result

    def _scheme_result(self, spec: RuleSpec, routed: bool, values: list[Any]) -> RuleResult:
        """A scheme rule's result from its findings on the schemes relied on: the worst verdict,
        the figures of the finding furthest short, every finding's explanation."""
        rule = spec.rule
        route: Route | None = values[0] if routed else None
        pairs: list[tuple[str, Finding]] = values[1:] if routed else values
        names = self.names
        if route is not None and route.slugs is not None:
            pairs = [(slug, f) for slug, f in pairs if slug in route.slugs]
        if not pairs:
            part = spec.part
            if part and part.branch:
                text = _("No scheme relied on provides {benefit}.", benefit=label(part.branch, "benefits"))
            else:
                text = _("No scheme relied on provides this requirement.")
            return self._base(rule, Finding(NOT_APPLICABLE, text))
        several = len(pairs) > 1
        joint = care.together(self.ctx, rule, [(self.by_slug[slug], f) for slug, f in pairs]) if several else None
        verdict = joint.verdict if joint is not None else worst([f.verdict for _, f in pairs])
        among = [joint] if joint is not None else [f for _, f in pairs if f.verdict == verdict]
        lead = min(among, key=_shortfall)
        failing = [f.explanation for _, f in pairs if f.verdict == NOT_COMPLIANT]
        result = _result(
            rule,
            verdict,
            " ".join([*(f.explanation for _, f in pairs), *([joint.explanation] if joint is not None else [])]),
            lead,
            None if joint is not None else lead.gap or (" ".join(failing) if failing and several else None),
            None if joint is not None else lead.remedy,
            [] if joint is not None else sorted({m for _, f in pairs for m in f.missing}),
        )
        result.schemes = [names[slug] for slug, _ in pairs]
        if several:
            result.details = [SchemeFinding(names[slug], f.verdict, f.value, f.explanation) for slug, f in pairs]
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


def _not_applicable(_values: list[Any]) -> str:
    return NOT_APPLICABLE


def _first_value(values: list[Any]) -> Any:
    return values[0] if values else None


def _shortfall(finding: Finding) -> Any:
    """How far a finding's value falls short of its threshold (0 where it has none)."""
    if finding.value is not None and finding.threshold is not None:
        return finding.value - finding.threshold
    return 0


def _result(
    rule: Rule,
    verdict: str,
    explanation: str,
    lead: Finding,
    gap: str | None,
    remedy: str | None,
    missing: list[str],
) -> RuleResult:
    """A rule's result: the rule's own fields, the verdict, and the figures of the lead finding.

    Made without the dataclass's ``__init__`` (a hundred a country, it was the costliest line of
    the evaluation); ``_RESULT_DEFAULTS`` supplies any field added later with its default."""
    result: RuleResult = _new(RuleResult)
    state = result.__dict__
    state.update(
        id=rule.id,
        instrument=rule.instrument,
        part=rule.part,
        articles=list(rule.articles),
        title=rule.title,
        topic=rule.topic,
        kind=rule.kind,
        verdict=verdict,
        explanation=explanation,
        value=lead.value,
        threshold=lead.threshold,
        unit=lead.unit,
        gap=gap,
        remedy=remedy,
        alternative=lead.alternative,
        question=lead.question or (rule.question if verdict == NEEDS_REVIEW else None),
        missing=missing,
        schemes=[],
        sources=[],
        answer=lead.answer,
        details=[],
        inputs=[],
        data=None,
        closings=None,
    )
    for name, factory, default in _RESULT_DEFAULTS:
        state[name] = factory() if factory is not None else default
    return result


def _result_defaults() -> list[tuple[str, Any, Any]]:
    """The fields of RuleResult that ``_result`` does not set, with their defaults."""
    from dataclasses import MISSING, fields

    assert not hasattr(RuleResult, "__post_init__"), "_result would skip RuleResult.__post_init__"
    known = {
        *("id", "instrument", "part", "articles", "title", "topic", "kind", "verdict", "explanation"),
        *("value", "threshold", "unit", "gap", "remedy", "alternative", "question", "missing"),
        *("schemes", "sources", "answer", "details", "inputs", "data", "closings"),
    }
    out = []
    for f in fields(RuleResult):
        if f.name in known:
            continue
        factory = f.default_factory if f.default_factory is not MISSING else None
        if factory is None and f.default is MISSING:
            raise TypeError(f"RuleResult.{f.name} has no default: set it in engine._result")
        out.append((f.name, factory, f.default))
    return out


_new = object.__new__
_RESULT_DEFAULTS = _result_defaults()


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
