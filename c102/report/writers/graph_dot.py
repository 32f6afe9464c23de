"""The evaluator graph as Graphviz DOT that renders as meant: a human label with real line breaks on
every node, one cluster per Part, and a cut to one verdict's subgraph (``--rule``, ``--part``).

A node's value is shown as what a reader needs: a verdict for rules, findings, routes and Parts,
the value (shortened) for a fact; never a Python object's repr.
"""

from __future__ import annotations

import re
from typing import Any

from c102.evaluate.graph import EvaluationGraph, Node
from c102.i18n import _
from c102.report.shared.display import VERDICT_TEXT, count, part_key, plain, verdict_text
from c102.report.shared.evidence import per_period

SHAPES = {
    "fact": "note",
    "derived": "box",
    "finding": "box",
    "route": "diamond",
    "rule": "ellipse",
    "part": "doubleoctagon",
    "ratification": "tripleoctagon",
}
FILL = {
    "compliant": "#d9eed9",
    "not_compliant": "#f6d5d5",
    "needs_review": "#fdf0c8",
    "insufficient_data": "#e6e6e6",
    "not_applicable": "#ffffff",
}
_PART_OF_ID = re.compile(r"^(?:rule|finding|route|part):([IVX]+)\b")
_LONGEST = 48


def verdict_of(value: Any) -> str | None:
    """The verdict a node's value carries: a RuleResult, a (scheme, Finding) pair, or the word itself."""
    if isinstance(value, tuple) and len(value) == 2:
        value = value[1]
    verdict = getattr(value, "verdict", value if isinstance(value, str) else None)
    return verdict if verdict in VERDICT_TEXT else None


def fact_text(value: Any) -> str:
    """A fact as words: ``1 600 000 persons``, ``1 000 per month``, ``yes``."""
    total = getattr(value, "total", None)
    if total is not None:
        return _("{count} persons", count=count(total))
    amount_ = getattr(value, "amount", None)
    if amount_ is not None:
        per = getattr(value, "per", None)
        if per:
            return per_period(plain(amount_), per)
        return f"{plain(amount_)} {getattr(value, 'unit', '') or ''}".strip()
    return plain(value)


def shown_value(node: Node) -> str:
    verdict = verdict_of(node.value)
    if verdict is not None:
        return verdict_text(verdict)
    alternative = getattr(node.value, "alternative", None)
    if node.kind == "route":
        return (
            _("alternative {alternative}", alternative=alternative)
            if alternative
            else _("no alternative met")
        )
    if node.value is None or node.kind != "fact":
        return ""
    text = fact_text(node.value)
    return text if len(text) <= _LONGEST else text[: _LONGEST - 1] + "…"


def _escape(line: str) -> str:
    return line.replace("\\", "\\\\").replace('"', '\\"')


def label(node: Node) -> str:
    """Lines joined by DOT's line break (a backslash and n in the file), each line escaped."""
    lines = [node.label]
    if node.article:
        lines.append(_("Art {article}", article=node.article))
    value = shown_value(node)
    if value:
        lines.append(value)
    return "\\n".join(_escape(line) for line in lines)


def part_of(node_id: str) -> str | None:
    match = _PART_OF_ID.match(node_id)
    if match:
        return match.group(1)
    return None


def subgraph(graph: EvaluationGraph, rule: str | None = None, part: str | None = None) -> set[str]:
    """The nodes a verdict depends on: a rule's (or a Part's) node and everything upstream of it."""
    if rule is None and part is None:
        return set(graph.nodes)
    start = f"rule:{rule}" if rule is not None else f"part:{part}"
    if start not in graph.nodes:
        raise KeyError(start)
    seen = {start}
    stack = [start]
    while stack:
        for parent in graph.inputs_of(stack.pop()):
            if parent not in seen and parent in graph.nodes:
                seen.add(parent)
                stack.append(parent)
    return seen


def _node_line(node: Node) -> str:
    verdict = verdict_of(node.value)
    style = f', style=filled, fillcolor="{FILL[verdict]}"' if verdict else ""
    return f'"{_escape(node.id)}" [shape={SHAPES.get(node.kind, "box")}, label="{label(node)}"{style}];'


def to_dot(graph: EvaluationGraph, keep: set[str] | None = None) -> str:
    """DOT text: facts outside any cluster, every other node in its Part's cluster."""
    chosen = [n for n in graph.nodes.values() if keep is None or n.id in keep]
    clusters: dict[str, list[Node]] = {}
    loose: list[Node] = []
    for node in chosen:
        part = part_of(node.id)
        (clusters.setdefault(part, []) if part else loose).append(node)
    lines = [
        "digraph c102 {",
        "  rankdir=LR;",
        '  node [fontname="Helvetica", fontsize=10];',
        '  graph [fontname="Helvetica", fontsize=12];',
    ]
    for part in sorted(clusters, key=part_key):
        lines.append(f'  subgraph "cluster_{part}" {{')
        lines.append(f'    label="{_escape(_("Part {part}", part=part))}"; style=rounded; color="#1e2d5a";')
        lines += [f"    {_node_line(n)}" for n in clusters[part]]
        lines.append("  }")
    lines += [f"  {_node_line(n)}" for n in loose]
    ids = {n.id for n in chosen}
    for node in chosen:
        for parent in graph.inputs_of(node.id):
            if parent in ids:
                lines.append(f'  "{_escape(parent)}" -> "{_escape(node.id)}";')
    lines.append("}")
    return "\n".join(lines) + "\n"
