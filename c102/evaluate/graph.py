"""The evaluator graph: facts, derived values, per-scheme findings, rules, Parts, Article 2.

Nodes are added while the plan is built; each non-fact node has a ``compute`` that receives the
values of its inputs. ``evaluate`` walks the nodes in topological order (Kahn's algorithm);
``to_networkx`` hands the same graph to networkx for export, analysis and the acyclicity tests. Facts are recorded when
a computation reads them (facts have no inputs, so the order stays valid), which is what lets
``c102 explain`` follow any verdict down to the facts and their sources.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import networkx as nx

FACT = "fact"
DERIVED = "derived"
FINDING = "finding"
ROUTE = "route"
RULE = "rule"
PART = "part"
RATIFICATION = "ratification"


@dataclass
class Node:
    """One step of the derivation: what it is, which article it applies, and what it found."""

    id: str
    kind: str
    label: str
    inputs: tuple[str, ...] = ()
    compute: Callable[[list[Any]], Any] | None = field(default=None, repr=False)
    article: str | None = None
    value: Any = None
    explanation: str = ""
    source: str | None = None
    position: str | None = None
    reads: list[str] = field(default_factory=list)  # fact node ids read while computing


class EvaluationGraph:
    """Nodes in insertion order plus the edges between them; networkx only for analysis/export."""

    def __init__(self) -> None:
        self.nodes: dict[str, Node] = {}
        self._order: list[str] | None = None

    def add(self, node: Node) -> str:
        if node.id not in self.nodes:
            self.nodes[node.id] = node
            if node.kind != FACT:  # facts are outside the order (they have no inputs)
                self._order = None
        return node.id

    def __contains__(self, node_id: str) -> bool:
        return node_id in self.nodes

    def order(self) -> list[str]:
        """A topological order of the computed nodes (facts excluded: they have no inputs); cached."""
        if self._order is None:
            self._order = _topological([n for n in self.nodes.values() if n.kind != FACT])
        return self._order

    def evaluate(self, current: list[str | None]) -> None:
        """Compute every node once, inputs first. ``current`` names the node being computed."""
        nodes = self.nodes
        for node_id in self.order():
            node = nodes[node_id]
            if node.compute is None:
                continue
            node.reads = []
            current[0] = node_id
            node.value = node.compute([nodes[i].value for i in node.inputs])
        current[0] = None

    def to_networkx(self) -> nx.DiGraph:
        """A networkx DiGraph with an edge from each input (or fact read) to the node using it."""
        import networkx as nx

        graph = nx.DiGraph()
        for node in self.nodes.values():
            value, scheme = node.value, ""
            if isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], str):
                scheme, value = value  # a finding: (scheme slug, Finding)
            graph.add_node(
                node.id,
                kind=node.kind,
                label=node.label,
                article=node.article or "",
                explanation=node.explanation or str(getattr(value, "explanation", "") or ""),
                source=node.source or "",
                scheme=scheme,
                value=_json_value(value),
            )
        for node in self.nodes.values():
            for source in (*node.inputs, *node.reads):
                graph.add_edge(source, node.id)
        return graph

    def inputs_of(self, node_id: str) -> list[str]:
        node = self.nodes[node_id]
        seen: dict[str, None] = {}
        for i in (*node.inputs, *node.reads):
            seen.setdefault(i, None)
        return list(seen)


def _topological(nodes: list[Node]) -> list[str]:
    """Kahn's algorithm over the inputs, stable in insertion order so runs are identical.

    networkx serves export and analysis (``to_networkx``; the tests check the graph is acyclic
    with it); ordering here keeps its import and its per-call cost out of every assessment.
    """
    known = {n.id for n in nodes}
    waiting = {n.id: sum(1 for i in n.inputs if i in known) for n in nodes}
    users: dict[str, list[str]] = {}
    for n in nodes:
        for i in n.inputs:
            if i in known:
                users.setdefault(i, []).append(n.id)
    order = [n.id for n in nodes if waiting[n.id] == 0]
    for node_id in order:  # the list grows while it is walked
        for user in users.get(node_id, ()):
            waiting[user] -= 1
            if waiting[user] == 0:
                order.append(user)
    if len(order) != len(nodes):  # a bug in a kind, never a user's mistake
        stuck = sorted(known - set(order))
        raise RuntimeError(f"evaluator graph has a cycle through {stuck[:5]}")
    return order


def _json_value(value: Any) -> Any:
    """A node's value as plain JSON data: a verdict word, a number, a count by sex, a text; never a
    Python object's repr (programs read this, and so do people)."""
    from dataclasses import fields, is_dataclass
    from decimal import Decimal
    from fractions import Fraction

    from c102.evaluate.verdict import exact_number

    verdict = getattr(value, "verdict", None)
    if isinstance(verdict, str):  # a RuleResult or a Finding
        return verdict
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, Fraction | Decimal | float):
        return exact_number(Fraction(value))
    if isinstance(value, list | tuple):
        return [_json_value(item) for item in value]
    if is_dataclass(value) and not isinstance(value, type) and "__str__" not in type(value).__dict__:
        return {f.name: _json_value(getattr(value, f.name)) for f in fields(value) if f.name != "position"}
    return str(value)  # Money, Duration, Percent: as the language writes them
