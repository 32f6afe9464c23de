"""The what-if workbench: one description's evaluator graph, re-evaluated for changed facts.

A variant is the baseline description with some facts replaced. The workbench keeps the built
graph and, for each node, the fields of the description it read (``track``). Changing a fact
re-evaluates the nodes that read it and everything downstream of them (findings, routes, rules,
Parts, Article 2), in the graph's topological order, and nothing else. Fact nodes are re-recorded
as they are read again, so explanations show the variant's values. Each variant gets its own copy
of the node table (unchanged nodes are shared), so an earlier variant's assessment stays intact.
A change that alters the graph's shape (a scheme's branches or kind, a choice read while the graph
is built) rebuilds the graph instead. The result is the assessment a fresh run of the changed
description gives, which the property tests check over random changes.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from c102.evaluate.assemble import _calculations, _part_results, _ratification, assemble, collect, finish_rule
from c102.evaluate.assessment import Assessment
from c102.evaluate.context import Context, fact_node
from c102.evaluate.engine import Plan
from c102.evaluate.graph import FACT, PART, RATIFICATION, ROUTE, EvaluationGraph, Node
from c102.evaluate.kinds.base import Finding
from c102.evaluate.route import Route
from c102.evaluate.verdict import RuleResult
from c102.model.description import Description, Scheme
from c102.model.values import Fact
from c102.reform import track as tracking
from c102.reform.paths import FactPath, get_fact, parse_value, resolve, with_fact
from c102.rules.model import PartInfo, Rule, Rulebook

Change = tuple["str | FactPath", Any]


class _RefreshingContext(Context):
    """Re-records a fact node the first time a re-evaluated node reads it in a variant."""

    refreshed: set[str] | None = None
    moved = False
    rank: dict[str, int] = {}  # noqa: RUF012 - set per workbench; the topological rank of each node

    def read(self, fact: Fact[Any] | None, path: str, label: str) -> Fact[Any] | None:
        node_id = f"fact:{path}"
        writers = self.__dict__.setdefault("writers", {})
        current = self.current[0]
        if node_id not in self.graph.nodes:
            writers[node_id] = current
        refreshed = self.refreshed
        if refreshed is not None and node_id not in refreshed and node_id in self.graph.nodes:
            # Two blocks can share a fact node's id (two benefits of one branch): a fresh run
            # records the first reader's fact, so only a reader that comes first may rewrite it.
            writer = writers.get(node_id)
            rank = self.rank
            nodes = self.graph.nodes
            first = writer is not None and (
                rank.get(current or "", -1) <= rank.get(writer, -1)
                or writer not in nodes
                or node_id not in nodes[writer].reads  # its first reader no longer reads it
            )
            if first and current is not None:
                new = fact_node(node_id, fact, label)
                old = nodes[node_id]
                changed = (old.value, old.source, old.position) != (new.value, new.source, new.position)
                if writer != current or (changed and self.__dict__.get("fact_readers", {}).get(node_id, 0) > 1):
                    self.moved = True  # other readers see it too: every rule's sources are redone
                refreshed.add(node_id)
                writers[node_id] = current
                nodes[node_id] = new
        return super().read(fact, path, label)


class _Plan(Plan):
    """A plan whose per-scheme findings read the variant's scheme, not the one it was built with."""

    context_class = _RefreshingContext

    def __init__(self, description: Description, rulebook: Rulebook) -> None:
        self.live: dict[int, Scheme] = {}
        super().__init__(description, rulebook)
        self.built_with = list(description.scheme)
        self.assembled = [n.id for n in self.ctx.graph.nodes.values() if n.kind in (PART, RATIFICATION)]

    def _finding(
        self, rule: Rule, scheme: Scheme, part: PartInfo | None, fn: Any, values: list[Any]
    ) -> tuple[str, Finding]:
        return super()._finding(rule, self.live.get(id(scheme), scheme), part, fn, values)

    def switch_to(self, description: Description) -> None:
        """Point the plan at a variant of the description it was built with (same blocks)."""
        before = self.description.scheme
        self.description = self.ctx.description = description
        if description.scheme is before:
            return
        self.live = {id(old): new for old, new in zip(self.built_with, description.scheme, strict=True)}
        slugs = self.ctx._slugs
        for old, new in zip(self.built_with, description.scheme, strict=True):
            slugs[id(new)] = slugs[id(old)]
        # The schemes serving each branch are the same blocks (a change of branches or kind
        # rebuilds the graph): put the variant's copies in their place.
        swap = {id(old): new for old, new in zip(before, description.scheme, strict=True) if old is not new}
        by_branch = self.ctx._by_branch
        for branch, schemes in by_branch.items():
            by_branch[branch] = [swap.get(id(s), s) for s in schemes]


class Workbench:
    """A description held ready for what-if: ``assess(changes)`` gives the variant's assessment."""

    def __init__(self, description: Description, rulebook: Rulebook | None = None) -> None:
        if rulebook is None:
            from c102.rules.load import load_rulebook

            rulebook = load_rulebook()
        self.rulebook = rulebook
        self.original = description
        self._resolved: dict[str, FactPath] = {}
        self.root: Description = tracking.track(description)
        self._build(self.root)
        self.baseline = self.current
        self.changes: dict[tuple[int, str], None] = {}

    # -- building and full evaluation ------------------------------------------------------------

    def _build(self, root: Description) -> None:
        structural: set[tracking.Dependency] = set()
        tracking.ACTIVE[0] = structural
        try:
            plan = _Plan(root, self.rulebook)
        finally:
            tracking.ACTIVE[0] = None
        self.plan = plan
        self.structural = structural
        self._pending: list[str] = []  # nodes recomputed by rule_result, not assembled yet
        self._pending_full = False
        graph = plan.ctx.graph
        order = graph.order()
        self.rank = {node_id: i for i, node_id in enumerate(order)}
        plan.ctx.rank = self.rank  # type: ignore[attr-defined]
        self.dependants: dict[str, list[str]] = {}
        for node_id in order:
            for source in graph.nodes[node_id].inputs:
                self.dependants.setdefault(source, []).append(node_id)
        self.deps: dict[str, set[tracking.Dependency]] = {}
        self.readers: dict[tracking.Dependency, set[str]] = {}
        self.built_facts = {n for n, node in graph.nodes.items() if node.kind == FACT}
        self.fact_readers: dict[str, int] = {}
        plan.ctx.fact_readers = self.fact_readers  # type: ignore[attr-defined]
        self._compute(order, copy_nodes=False)
        self.rule_nodes = [f"rule:{rule.id}" for rule in plan.rules]
        self.rule_part = {f"rule:{rule.id}": rule.part for rule in plan.rules}
        collected: set[tracking.Dependency] = set()
        tracking.ACTIVE[0] = collected
        try:
            self.current = assemble(plan)
        finally:
            tracking.ACTIVE[0] = None
        self.collect_deps = collected

    def _compute(self, node_ids: Iterable[str], copy_nodes: bool) -> None:
        try:
            for node_id in node_ids:
                self._compute_one(node_id, copy_nodes)
        finally:
            tracking.ACTIVE[0] = None
            self.plan.ctx.current[0] = None

    def _compute_one(self, node_id: str, copy_node: bool) -> None:
        """Compute one node, recording the fields and fact nodes it reads."""
        ctx = self.plan.ctx
        nodes = ctx.graph.nodes
        node = nodes[node_id]
        compute = node.compute
        if compute is None:
            return
        if copy_node:
            node = nodes[node_id] = _copy(node)
        old_reads = node.reads
        node.reads = []
        deps: set[tracking.Dependency] = set()
        tracking.ACTIVE[0] = deps
        ctx.current[0] = node_id
        node.value = compute([nodes[i].value for i in node.inputs])
        tracking.ACTIVE[0] = None
        readers = self.readers
        for dep in self.deps.get(node_id, ()):
            readers[dep].discard(node_id)
        for dep in deps:
            readers.setdefault(dep, set()).add(node_id)
        self.deps[node_id] = deps
        fact_readers = self.fact_readers
        for fact in old_reads:
            fact_readers[fact] -= 1
        for fact in node.reads:
            fact_readers[fact] = fact_readers.get(fact, 0) + 1
        for fact in old_reads:
            if not fact_readers[fact] and fact not in self.built_facts:
                nodes.pop(fact, None)

    # -- variants --------------------------------------------------------------------------------

    def resolve(self, path: str) -> FactPath:
        """The fact a path names in the baseline (the same every time: kept per path text)."""
        known = self._resolved.get(path)
        if known is None:
            known = self._resolved[path] = resolve(self.original, path)
        return known

    def fact_for(self, path: FactPath, value: Any) -> Fact[Any]:
        """The fact a what-if sets: the new value, marked as not from the file's source."""
        if isinstance(value, Fact):
            return value
        if isinstance(value, str):
            value = parse_value(path, value)
        old = get_fact(self.original, path)
        was = "not stated" if old is None else f"was {_plain(old.value)}"
        return Fact(value, f"what-if ({was})", None, old.position if old is not None else None)

    def assess(self, changes: Mapping[str, Any] | Sequence[Change] = ()) -> Assessment:
        """The assessment of the baseline with these facts changed (path: value or Fact)."""
        root, dirty = self._apply(changes)
        if any(key in self.structural for key in dirty):
            self._build(root)
            return self.current
        self._reevaluate(root, dirty)
        self.current = self._reassemble(*self._unassembled())
        return self.current

    def rule_result(self, changes: Mapping[str, Any] | Sequence[Change], rule_id: str) -> RuleResult:
        """One rule's result for the variant, without assembling the rest of the assessment: a
        search for the change that closes a gap asks for one verdict at many values. The result
        has no ``sources`` or ``inputs`` yet (the next ``assess`` assembles what was skipped)."""
        root, dirty = self._apply(changes)
        if any(key in self.structural for key in dirty):
            self._build(root)
            return self.current.rule(rule_id)
        self._reevaluate(root, dirty)
        result: RuleResult = self.plan.ctx.graph.nodes[f"rule:{rule_id}"].value
        return result

    def _apply(self, changes: Mapping[str, Any] | Sequence[Change]) -> tuple[Description, dict[tracking.Dependency, None]]:
        """The variant's description, and the fields to re-read: its changes and the last variant's."""
        pairs = list(changes.items()) if isinstance(changes, Mapping) else list(changes)
        root = self.root
        changed: dict[tracking.Dependency, None] = {}
        for text, value in pairs:
            path = self.resolve(text) if isinstance(text, str) else text
            root, holder, field = with_fact(root, path, self.fact_for(path, value))
            changed[(tracking.block_key(holder), field)] = None
        dirty = {**self.changes, **changed}
        self.changes = changed
        return root, dirty

    def _unassembled(self) -> tuple[list[str], bool]:
        """The nodes recomputed since the last assembled assessment, and whether a field the
        receipt, choices or answers read has changed since."""
        done, full = list(dict.fromkeys(self._pending)), self._pending_full
        self._pending, self._pending_full = [], False
        return done, full

    def _reevaluate(self, root: Description, dirty: Mapping[tracking.Dependency, None]) -> None:
        plan = self.plan
        ctx = plan.ctx
        old_graph = ctx.graph
        graph = EvaluationGraph()
        graph.nodes = dict(old_graph.nodes)
        graph._order = old_graph._order
        ctx.graph = graph
        plan.switch_to(root)
        ctx.refreshed = set()  # type: ignore[attr-defined]
        ctx.moved = False  # type: ignore[attr-defined]
        try:
            done = self._propagate(dirty)
        finally:
            ctx.refreshed = None  # type: ignore[attr-defined]
        if ctx.moved:  # type: ignore[attr-defined]
            done = list(dict.fromkeys(done + self.rule_nodes))
        self._pending += done
        self._pending_full = self._pending_full or any(key in self.collect_deps for key in dirty)

    def _propagate(self, dirty: Iterable[tracking.Dependency]) -> list[str]:
        """Re-evaluate the nodes reading a changed field, then downstream, in topological order.

        A node whose new value equals its old one (a verdict, a route) stops the walk there.
        """
        rank, nodes = self.rank, self.plan.ctx.graph.nodes
        heap = [(rank[node], node) for key in dirty for node in self.readers.get(key, ())]
        heapq.heapify(heap)
        done: list[str] = []
        seen: set[str] = set()
        try:
            while heap:
                _, node_id = heapq.heappop(heap)
                if node_id in seen:
                    continue
                seen.add(node_id)
                old = nodes[node_id].value
                self._compute_one(node_id, copy_node=True)
                done.append(node_id)
                if not _same(old, nodes[node_id].value):
                    for user in self.dependants.get(node_id, ()):
                        heapq.heappush(heap, (rank[user], user))
        finally:
            tracking.ACTIVE[0] = None
            self.plan.ctx.current[0] = None
        return done

    def _reassemble(self, recomputed: list[str], full: bool) -> Assessment:
        """The assessment after a re-evaluation, redoing only what the recomputed nodes feed.

        Rule results that did not change are shared with the previous assessment; so are the
        receipt, choices and answers unless a changed field is one they read.
        """
        plan, previous = self.plan, self.current
        graph = plan.ctx.graph
        nodes = graph.nodes
        parts: set[str] = set()
        for node_id in recomputed:
            kind, _, name = node_id.partition(":")
            if kind == "rule":
                finish_rule(graph, node_id)
                parts.add(self.rule_part[node_id])
            elif kind in (PART, ROUTE):
                parts.add(name)
        if full:
            for node_id in plan.assembled:
                nodes[node_id] = _copy(nodes[node_id])
            return collect(plan, [nodes[node_id].value for node_id in self.rule_nodes])
        for part in parts:  # _part_results writes their explanations: keep earlier variants' intact
            if f"part:{part}" in nodes:
                nodes[f"part:{part}"] = _copy(nodes[f"part:{part}"])
        nodes["ratification"] = _copy(nodes["ratification"])
        results = [nodes[node_id].value for node_id in self.rule_nodes]
        part_results = dict(previous.parts)
        part_results.update(_part_results(plan, results, parts))
        return Assessment(
            description=plan.description,
            instrument=plan.rulebook.instrument,
            rules=results,
            parts=part_results,
            ratification=_ratification(plan, part_results, results),
            calculations=_calculations(plan, results),
            receipt=previous.receipt,
            choices=previous.choices,
            answers=previous.answers,
            graph=graph,
        )

    def sweep(self, path: str, values: Iterable[Any]) -> list[Assessment]:
        """One assessment per value of one fact, each identical to a fresh assessment."""
        resolved = self.resolve(path)
        return [self.assess([(resolved, value)]) for value in values]


_EXACT = (str, int, bool, type(None), Route)


def _same(old: Any, new: Any) -> bool:
    """Whether a recomputed value is certainly the same (values compared field by field)."""
    return old is new or (type(old) is type(new) and type(new) in _EXACT and bool(old == new))


def _copy(node: Node) -> Node:
    """A shallow copy of a node (``copy.copy`` costs ten times more)."""
    new: Node = object.__new__(Node)
    new.__dict__.update(node.__dict__)
    return new


def _plain(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def whatif(description: Description, changes: Mapping[str, Any] | Sequence[Change]) -> Assessment:
    """The assessment of a description with some facts changed, e.g. ``{path: "1.5%"}``."""
    return Workbench(description).assess(changes)
