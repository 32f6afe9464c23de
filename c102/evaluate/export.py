"""Export the evaluator graph as node-link JSON for programs (DOT for pictures: c102.report.writers.graph_dot)."""

from __future__ import annotations

import json
from typing import Any

from c102.evaluate.graph import EvaluationGraph


def to_node_link(graph: EvaluationGraph) -> str:
    import networkx as nx

    data: dict[str, Any] = nx.node_link_data(graph.to_networkx(), edges="links")
    return json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
