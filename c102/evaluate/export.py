"""Export the evaluator graph: Graphviz DOT for pictures, node-link JSON for programs."""

from __future__ import annotations

import json
from typing import Any

from c102.evaluate.graph import EvaluationGraph

SHAPES = {
    "fact": "note",
    "derived": "box",
    "finding": "box",
    "route": "diamond",
    "rule": "ellipse",
    "part": "doubleoctagon",
    "ratification": "tripleoctagon",
}


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def to_dot(graph: EvaluationGraph) -> str:
    nx_graph = graph.to_networkx()
    lines = ["digraph c102 {", "  rankdir=LR;", '  node [fontname="Helvetica", fontsize=10];']
    for node_id, data in nx_graph.nodes(data=True):
        label = (
            data["label"]
            + (f"\\nArt {data['article']}" if data["article"] else "")
            + (f"\\n{data['value']}" if data["value"] else "")
        )
        lines.append(f"  {_quote(node_id)} [shape={SHAPES.get(data['kind'], 'box')}, label={_quote(label)}];")
    for a, b in nx_graph.edges():
        lines.append(f"  {_quote(a)} -> {_quote(b)};")
    lines.append("}")
    return "\n".join(lines) + "\n"


def to_node_link(graph: EvaluationGraph) -> str:
    import networkx as nx

    data: dict[str, Any] = nx.node_link_data(graph.to_networkx(), edges="links")
    return json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
