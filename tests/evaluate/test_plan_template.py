"""The graph's layout is worked out once per rulebook and its topological order once per shape
(findings per rule); a country reusing them gets the order a fresh sort of its own graph gives."""

from __future__ import annotations

import dataclasses

from c102.evaluate.engine import Plan
from c102.evaluate.graph import FACT, _topological
from c102.evaluate.shape import template
from c102.language.load import load_description
from c102.resources import data_path
from c102.rules.load import load_rulebook


def _plan(name: str) -> Plan:
    return Plan(load_description(str(data_path("countries") / name)), load_rulebook())


def test_a_cached_order_is_the_order_sorting_the_countrys_own_graph_gives() -> None:
    for name in ("jordan.c102", "uruguay.c102", "examples/examplia.c102", "kenya.c102", "jordan.c102"):
        plan = _plan(name)
        nodes = [n for n in plan.ctx.graph.nodes.values() if n.kind != FACT]
        assert plan.ctx.graph.order() == _topological(nodes), name


def test_the_template_is_made_once_per_rulebook_and_again_for_another() -> None:
    rulebook = load_rulebook()
    assert template(rulebook, None) is template(rulebook, None)
    assert template(rulebook, {"V"}) is not template(rulebook, None)
    other = dataclasses.replace(rulebook, rules=[r for r in rulebook.rules if r.part != "V"])
    made = template(other, None)
    assert made is not template(rulebook, None)
    assert all(spec.rule.part != "V" for spec in made.specs)
