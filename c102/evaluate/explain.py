"""The derivation tree of one verdict, down to the facts and their sources: the trainer's view."""

from __future__ import annotations

from typing import Any

from c102.errors import UsageError
from c102.evaluate.assessment import Assessment
from c102.evaluate.graph import FACT, FINDING, PART, RATIFICATION, ROUTE, RULE, EvaluationGraph, Node
from c102.evaluate.verdict import RuleResult
from c102.i18n import _


def node_id_for(assessment: Assessment, target: str) -> str:
    """Accept a rule id (``V-28-benefit-level``), a Part (``V`` or ``part:V``) or ``ratification``."""
    graph = _graph(assessment)
    for candidate in (target, f"rule:{target}", f"part:{target}"):
        if candidate in graph:
            return candidate
    ids = [r.id for r in assessment.rules]
    from difflib import get_close_matches

    near = get_close_matches(target, ids, n=3, cutoff=0.5)
    hint = (
        _("did you mean {names}?", names=", ".join(repr(n) for n in near))
        if near
        else _("list the rule ids with 'c102 rules'")
    )
    raise UsageError(_("no rule, Part or node named {target} ({hint})", target=repr(target), hint=hint))


def explain_text(assessment: Assessment, target: str, max_depth: int = 8) -> str:
    graph = _graph(assessment)
    root = node_id_for(assessment, target)
    lines: list[str] = []
    seen: set[str] = set()
    _walk(graph, root, "", True, lines, seen, 0, max_depth, is_root=True)
    return "\n".join(lines)


def _graph(assessment: Assessment) -> EvaluationGraph:
    if assessment.graph is None:
        raise UsageError(_("this assessment carries no evaluator graph"))
    return assessment.graph


def _walk(
    graph: EvaluationGraph,
    node_id: str,
    prefix: str,
    last: bool,
    lines: list[str],
    seen: set[str],
    depth: int,
    max_depth: int,
    is_root: bool = False,
) -> None:
    node = graph.nodes[node_id]
    branch = "" if is_root else ("└─ " if last else "├─ ")
    head, body = _describe(node)
    repeated = node_id in seen and node.kind != FACT
    lines.append(f"{prefix}{branch}{head}" + ("  " + _("(shown above)") if repeated else ""))
    child_prefix = prefix + ("" if is_root else ("   " if last else "│  "))
    if repeated:
        return
    seen.add(node_id)
    for text in body:
        lines.append(f"{child_prefix}   {text}")
    if depth >= max_depth:
        return
    children = [c for c in graph.inputs_of(node_id) if _worth_showing(graph, node, c)]
    relied = _relied_on(graph, node)
    for i, child in enumerate(children):
        if relied is not None and child.startswith("finding:") and child.rsplit("@", 1)[1] not in relied:
            lines.append(
                f"{child_prefix}{'└─ ' if i == len(children) - 1 else '├─ '}{not_relied_on(graph.nodes[child].label)}"
            )
            continue
        _walk(graph, child, child_prefix, i == len(children) - 1, lines, seen, depth + 1, max_depth)


def _worth_showing(graph: EvaluationGraph, parent: Node, child_id: str) -> bool:
    """Facts that were looked for but not given matter only where data is missing."""
    if parent.kind == ROUTE and child_id.startswith("finding:"):
        return False
    child = graph.nodes[child_id]
    if child.kind != FACT or child.value is not None:
        return True
    value = parent.value
    verdict = value[1].verdict if isinstance(value, tuple) else getattr(value, "verdict", None)
    return verdict == "insufficient_data"


def _relied_on(graph: EvaluationGraph, node: Node) -> set[str] | None:
    routes = [i for i in node.inputs if i.startswith("route:")]
    if not routes:
        return None
    route = graph.nodes[routes[0]].value
    return set(route.slugs) if route is not None and route.slugs is not None else None


def _describe(node: Node) -> tuple[str, list[str]]:
    value: Any = node.value
    from c102.i18n.rulebook import rule_text, rule_title
    from c102.report.shared.display import verdict_text

    article = "  [" + _("Art {article}", article=node.article) + "]" if node.article else ""
    if node.kind == FACT:
        shown = _("(not given)") if value is None else _fact_value(value)
        where = f"  ({node.position})" if node.position else ""
        source = (
            "  " + _("source: {source}", source=node.source)
            if node.source
            else ("  " + _("source: none given") if value is not None else "")
        )
        return _("fact {path} = {value}", path=node.id.removeprefix("fact:"), value=shown) + source + where, []
    if node.kind == RULE and isinstance(value, RuleResult):
        head = (
            _("rule {rule}: {verdict}", rule=value.id, verdict=verdict_text(value.verdict))
            + f"{article}  {rule_title(value.id, value.title)}"
        )
        body = [value.explanation]
        if value.gap:
            body.append(_("gap: {gap}", gap=value.gap))
        if value.remedy:
            body.append(_("to close it: {remedy}", remedy=value.remedy))
        if value.question:
            body.append(_("question: {question}", question=rule_text(value.id, "question", value.question)))
        if value.missing:
            body.append(_("missing: {facts}", facts=", ".join(value.missing)))
        return head, body
    if node.kind == FINDING and isinstance(value, tuple):
        finding = value[1]
        body = [finding.explanation]
        for calc in finding.data or []:
            if hasattr(calc, "steps"):
                body.extend(f"· {step}" for step in calc.steps)
        return f"{node.label}: {verdict_text(finding.verdict)}{article}", body
    if node.kind == ROUTE:
        return f"{node.label}: {value}", []
    if node.kind == PART:
        return f"{node.label}: {verdict_text(value)}", [node.explanation] if node.explanation else []
    if node.kind == RATIFICATION:
        return f"{node.label}", [node.explanation]
    return f"{node.label}: {value}", []


def _fact_value(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if hasattr(value, "total"):
        from c102.i18n.numbers import number

        return number(value.total)
    if hasattr(value, "men") and hasattr(value, "women"):
        return _("men {men}, women {women}", men=value.men, women=value.women)
    return str(value)


def not_relied_on(label: str) -> str:
    """A finding the Part's coverage route does not rely on, named but not expanded."""
    return _("{finding}: not relied on (outside the coverage route)", finding=label)
