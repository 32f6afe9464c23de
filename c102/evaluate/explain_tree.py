"""The derivation of one verdict as a nested structure, for pages and the JSON API.

It follows the same walk as ``c102 explain`` (same nodes, same pruning of routes not relied on and
of facts looked for but not given), but keeps each step's parts apart: what it found, under which
article, and for a fact its value, source and position, so a page can fold and unfold the steps.
"""

from __future__ import annotations

from typing import Any

from c102.evaluate.assessment import Assessment
from c102.evaluate.explain import (
    _describe,
    _fact_value,
    _graph,
    _relied_on,
    _worth_showing,
    node_id_for,
    not_relied_on,
)
from c102.evaluate.graph import FACT, EvaluationGraph
from c102.i18n import _


def explain_tree(assessment: Assessment, target: str, max_depth: int = 8) -> dict[str, Any]:
    """``{"id", "kind", "text", "lines", "children", ...}`` for the node ``target`` names."""
    graph = _graph(assessment)
    return _node(graph, node_id_for(assessment, target), set(), 0, max_depth)


def _node(graph: EvaluationGraph, node_id: str, seen: set[str], depth: int, max_depth: int) -> dict[str, Any]:
    node = graph.nodes[node_id]
    if node.kind == FACT:
        return {
            "id": node_id,
            "kind": FACT,
            "text": f"{node_id.removeprefix('fact:')} = "
            + (_("(not given)") if node.value is None else _fact_value(node.value)),
            "source": node.source,
            "position": node.position,
            "given": node.value is not None,
            "lines": [],
            "children": [],
        }
    head, body = _describe(node)
    out: dict[str, Any] = {
        "id": node_id,
        "kind": node.kind,
        "text": head,
        "article": node.article,
        "lines": body,
        "verdict": _verdict_of(node.value),
        "children": [],
    }
    if node_id in seen:
        out["repeated"] = True
        out["lines"] = []
        return out
    seen.add(node_id)
    if depth >= max_depth:
        return out
    relied = _relied_on(graph, node)
    for child in graph.inputs_of(node_id):
        if not _worth_showing(graph, node, child):
            continue
        if relied is not None and child.startswith("finding:") and child.rsplit("@", 1)[1] not in relied:
            out["children"].append(
                {
                    "id": child,
                    "kind": graph.nodes[child].kind,
                    "text": not_relied_on(graph.nodes[child].label),
                    "lines": [],
                    "children": [],
                    "not_relied_on": True,
                }
            )
            continue
        out["children"].append(_node(graph, child, seen, depth + 1, max_depth))
    return out


def _verdict_of(value: Any) -> str | None:
    if isinstance(value, tuple) and len(value) == 2:
        value = value[1]
    verdict = getattr(value, "verdict", None)
    return verdict if isinstance(verdict, str) else None
