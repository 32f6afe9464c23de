"""From an evaluated plan to the Assessment: rule results with their sources, Part verdicts,
Article 2 and the ratification record, the Part XI workings, choices, answers and the receipt."""

from __future__ import annotations

import hashlib
from datetime import date
from typing import TYPE_CHECKING, Any

from c102 import __version__
from c102.evaluate.assessment import Assessment, BenefitCalculation, PartResult, Ratification, Receipt
from c102.evaluate.graph import FACT, FINDING, RULE
from c102.evaluate.kinds.general import ROMAN
from c102.evaluate.relevant import Relevant, article_2_verdict, relevant_provisions
from c102.evaluate.route import Route
from c102.evaluate.verdict import (
    COMPLIANT,
    INSUFFICIENT_DATA,
    NEEDS_REVIEW,
    NOT_COMPLIANT,
    VERDICTS,
    RuleResult,
)
from c102.i18n import _, ngettext
from c102.labels import label

if TYPE_CHECKING:
    from c102.evaluate.engine import Plan
    from c102.evaluate.graph import EvaluationGraph


def assemble(plan: Plan) -> Assessment:
    """Collect the evaluated graph into the Assessment every report and the JSON are made from."""
    graph = plan.ctx.graph
    nodes = graph.nodes
    rules = [spec.node_id for spec in plan.template.specs]
    for node_id in rules:
        finish_rule(graph, node_id)
    return collect(plan, [nodes[node_id].value for node_id in rules])


def finish_rule(graph: EvaluationGraph, node_id: str) -> None:
    """Give a rule's result the graph nodes and the sources it rests on."""
    node = graph.nodes[node_id]
    result: RuleResult = node.value
    result.inputs = list(dict.fromkeys((*node.inputs, *node.reads)))
    result.sources = _sources(graph, node_id)
    node.explanation = result.explanation


def collect(plan: Plan, results: list[RuleResult]) -> Assessment:
    """The Assessment from finished rule results: Parts, Article 2, workings, receipt."""
    parts = _part_results(plan, results)
    calculations = _calculations(plan, results)
    return Assessment(
        description=plan.description,
        instrument=plan.rulebook.instrument,
        rules=results,
        parts=parts,
        ratification=_ratification(plan, parts, results),
        calculations=calculations,
        receipt=_receipt(plan),
        choices=_choices(plan),
        answers=_answers(plan),
        graph=plan.ctx.graph,
    )


def _part_results(
    plan: Plan, results: list[RuleResult], which: set[str] | None = None
) -> dict[str, PartResult]:
    """Each Part's result (only the Parts in ``which`` when given: a what-if redoes the changed ones)."""
    graph = plan.ctx.graph
    out: dict[str, PartResult] = {}
    if which is not None and not which:
        return out
    ceased = _ceased(plan)
    accepted = set(_accepted(plan))
    by_part: dict[str, list[RuleResult]] = {}
    for result in results:
        if which is None or result.part in which:
            by_part.setdefault(result.part, []).append(result)
    order = {s.name: i for i, s in enumerate(plan.description.scheme)}
    for part in plan.rulebook.parts.values():
        if (plan.only is not None and part.part not in plan.only) or (which is not None and part.part not in which):
            continue
        mine = by_part.get(part.part, [])
        counts = dict.fromkeys(VERDICTS, 0)
        for r in mine:
            if r.verdict in counts:
                counts[r.verdict] += 1
        route = graph.nodes.get(f"route:{part.part}")
        chosen: Route | None = route.value if route is not None else None
        schemes = sorted({s for r in mine for s in r.schemes}, key=order.__getitem__)
        verdict = graph.nodes[f"part:{part.part}"].value
        graph.nodes[f"part:{part.part}"].explanation = ngettext(
            "{compliant} of {n} rule compliant", "{compliant} of {n} rules compliant", len(mine), compliant=counts[COMPLIANT]
        )
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


def _ceased(plan: Plan) -> dict[str, str]:
    for node_id in plan.template.article_75[:1]:
        data = plan.ctx.graph.nodes[node_id].value.data
        return dict(data) if isinstance(data, dict) else {}
    return {}


def _accepted(plan: Plan) -> list[str]:
    """Parts accepted: as the description states them, else as the ratification record has them."""
    ratification = plan.description.ratification
    if ratification is not None and ratification.parts is not None:
        return list(ratification.parts.value)
    record = plan.record
    return list(record.parts) if record is not None and record.parts else []


def _record_json(plan: Plan) -> dict[str, Any] | None:
    record = plan.record
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


def _ratification(plan: Plan, parts: dict[str, PartResult], results: list[RuleResult]) -> Ratification:
    node = plan.ctx.graph.nodes["ratification"]
    result: RuleResult | None = node.value
    data = result.data if result is not None else None
    acceptable = (
        list(data["acceptable"])
        if isinstance(data, dict)
        else [p for p in ROMAN if parts.get(p) and parts[p].verdict == COMPLIANT]
    )
    accepted = _accepted(plan)
    failing = [
        p for p in accepted if p in parts and parts[p].verdict == NOT_COMPLIANT and not parts[p].ceased_by
    ]
    registered_fact = plan.description.ratification.registered if plan.description.ratification else None
    record = plan.record
    registered: date | None = (
        registered_fact.value if registered_fact else (record.registered if record else None)
    )
    in_force = _add_year(registered).isoformat() if registered is not None else None
    explanation = result.explanation if result else "Article 2 is not in the rulebook."
    # Art 2(a)(i), (iii): Part I, and the provisions of Parts XI-XIII that bear on the schemes the
    # set relies on, bind the set. The Article 2 rule sits in Part I: Part I counts by its other rules.
    ceased = _ceased(plan)
    relevant = relevant_provisions(plan, [p for p in acceptable if p not in ceased], results)
    explanation += _relevant_text(relevant)
    node.explanation = explanation
    verdict = article_2_verdict(result.verdict if result else NOT_COMPLIANT, relevant)
    return Ratification(
        acceptable_parts=acceptable,
        meets_article_2=verdict == COMPLIANT,
        verdict=verdict,
        explanation=node.explanation,
        accepted_parts=accepted,
        ceased_parts=_ceased(plan),
        accepted_but_failing=failing,
        registered=registered.isoformat() if registered else None,
        in_force_from=in_force,
        record=_record_json(plan),
        relevant_provisions=relevant.to_json(),
    )


def _relevant_text(relevant: Relevant) -> str:
    """Which schemes the set relies on and how Parts I and XI-XIII fare for them (Art 2(a))."""
    if not relevant.parts and not any(relevant.found.values()):
        return ""
    schemes = ", ".join(relevant.schemes) or _("none yet")
    if relevant.failing:
        text = " " + _(
            "Part I and the relevant provisions of Parts XI-XIII (Art 2(a)(i), (iii)), for the schemes relied on "
            "({schemes}): not met now: {parts} ({failing}).",
            schemes=schemes,
            parts=", ".join(_("Part {part}", part=p) for p in relevant.failing_parts),
            failing="; ".join(relevant.failing),
        )
    else:
        text = " " + _(
            "Part I and the relevant provisions of Parts XI-XIII (Art 2(a)(i), (iii)), for the schemes relied on "
            "({schemes}): none failing.",
            schemes=schemes,
        )
    undecided = relevant.found[INSUFFICIENT_DATA]
    if undecided:
        text += " " + _("Not yet decidable for lack of facts: {rules}.", rules="; ".join(undecided))
    review = relevant.found[NEEDS_REVIEW]
    if review:
        text += " " + _("Awaiting a specialist's answer: {rules}.", rules="; ".join(review))
    if relevant.outside:
        text += " " + _(
            "Failing on schemes that serve no Part of the set (reported, not binding): {rules}.",
            rules="; ".join(relevant.outside),
        )
    return text


def _calculations(plan: Plan, results: list[RuleResult]) -> list[BenefitCalculation]:
    out: list[BenefitCalculation] = []
    for result in results:
        if result.kind != "benefit_level":
            continue
        for data in result.data or []:
            out.extend(data)
    return out


def _receipt(plan: Plan) -> Receipt:
    text = plan.description.text.encode("utf-8")
    as_of = plan.description.country.as_of
    return Receipt(
        c102_version=__version__,
        rulebook_sha256=plan.rulebook.sha256,
        description_sha256=hashlib.sha256(text).hexdigest(),
        description_path=plan.description.path,
        as_of=as_of.value.isoformat() if as_of else None,
    )


def _choices(plan: Plan) -> list[dict[str, Any]]:
    out = []
    for choice in plan.rulebook.choices.values():
        stated = plan.description.choices.get(choice.id)
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
    for scheme in plan.description.scheme:
        for benefit in scheme.benefit:
            if benefit.assessed_under is not None:
                out.append(
                    {
                        "id": "assessed_under",
                        "articles": [str(benefit.assessed_under.value)],
                        "question": _(
                            "Under which Article of Part XI is the {benefit} of {scheme} tested?",
                            benefit=label(benefit.branch, "benefits"),
                            scheme=scheme.name,
                        ),
                        "value": str(benefit.assessed_under.value),
                        "stated": True,
                        "source": benefit.assessed_under.source,
                        "effect": _("selects the reference wage and the method of Art 65, 66 or 67"),
                    }
                )
    return out


def _answers(plan: Plan) -> list[dict[str, Any]]:
    known = {r.id for r in plan.rulebook.rules}
    known |= {f"{r.id}.{name}" for r in plan.rulebook.rules for name in r.params.get("conditions", {})}
    return [
        {
            "rule": rule_id,
            "value": _plain(fact.value),
            "source": fact.source,
            "note": fact.note,
            "known_rule": rule_id in known,
        }
        for rule_id, fact in plan.description.answers.items()
    ]


def _sources(graph: Any, node_id: str) -> list[str]:
    """The sources of the facts a rule rests on: the facts it and its findings (and the rules it
    reads, and theirs) recorded, not the facts behind a route or a Part it reads."""
    nodes = graph.nodes
    found: set[str] = set()
    start = nodes[node_id]
    stack = [*start.inputs, *start.reads]
    visited = {node_id}
    while stack:
        current = stack.pop()
        if current in visited:
            continue
        visited.add(current)
        node = nodes[current]
        kind = node.kind
        if kind == FACT:
            if node.source:
                found.add(node.source)
        elif kind in (RULE, FINDING):
            stack.extend(node.inputs)
            stack.extend(node.reads)
    return sorted(found)


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
