"""What the evaluator graph looks like before a country is read, worked out once per rulebook.

Which rules judge the country and which judge scheme by scheme, each rule's node id and inputs,
the routes, Parts and Article 2 depend on the rulebook alone, not on the description: they are
worked out the first time a rulebook is used and kept (``template``; no text a reader sees is kept
here: labels and messages are made per assessment, in the language then active). What a
description adds is one finding per rule and scheme; the graph's topological order depends only on
how many findings each rule has (node ids aside), so it is computed once per such shape
(``Template.order``) and reused by every country of the same shape.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field

from c102.evaluate import voluntary
from c102.evaluate.graph import Node, _topological
from c102.evaluate.kinds import COUNTRY_KINDS, COUNTRY_VARIANTS, SCHEME_KINDS
from c102.evaluate.kinds.base import CountryKind, SchemeKind
from c102.evaluate.kinds.general import ROMAN
from c102.rules.model import PartInfo, Rule, Rulebook

# Parts whose rules read the country as a whole, never a scheme.
NO_SCHEME_PARTS = ("I", "XIV")
ORDER = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV")
# Shapes kept per template: a long run over many differently shaped countries must not grow without end.
MAX_SHAPES = 4096


@dataclass(eq=False)
class RuleSpec:
    """One rule as the graph holds it: node id, how it is computed, the result fields it fixes."""

    rule: Rule
    node_id: str
    part: PartInfo | None
    country: CountryKind | None  # a rule judging the country as a whole
    scheme_kind: SchemeKind | None  # a rule judging scheme by scheme
    medical: bool  # judged on voluntary schemes that count for medical care only (Art 6)
    route_id: str | None  # the route its schemes are filtered by
    inputs: tuple[str, ...]  # a country rule's inputs (Article 2 reads every Part)


@dataclass(eq=False)
class Template:
    """The description-independent part of the evaluator graph of one rulebook."""

    rules: list[Rule]
    specs: list[RuleSpec]
    routes: list[tuple[str, list[str]]]  # (Part, its coverage rules' node ids), in Part order
    parts: list[PartInfo]  # the Parts evaluated, in the rulebook's order
    part_inputs: dict[str, tuple[str, ...]]  # each Part's rules' node ids
    empty_parts: list[str]  # Parts II-X the rulebook leaves empty: Article 2 reads them anyway
    article_2: tuple[str, ...]  # the Article 2 rules' node ids
    article_75: list[str]
    _orders: dict[tuple[int, ...], list[int]] = field(default_factory=dict)

    def order(self, shape: tuple[int, ...], nodes: list[Node]) -> list[str]:
        """The topological order of ``nodes`` (the non-fact nodes, as built), cached by ``shape``
        (the number of findings of each scheme rule), which fixes the edges between positions."""
        positions = self._orders.get(shape)
        if positions is None:
            where = {node.id: i for i, node in enumerate(nodes)}
            positions = [where[node_id] for node_id in _topological(nodes)]
            if len(self._orders) >= MAX_SHAPES:
                self._orders.clear()
            self._orders[shape] = positions
        return [nodes[i].id for i in positions]


_TEMPLATES: dict[
    tuple[int, frozenset[str] | None], tuple[weakref.ref[Rulebook], list[Rule], int, Template]
] = {}


def template(rulebook: Rulebook, only: set[str] | None) -> Template:
    """The template of a rulebook (restricted to the Parts in ``only``), made once and kept."""
    key = (id(rulebook), frozenset(only) if only is not None else None)
    known = _TEMPLATES.get(key)
    if known is not None:
        ref, rules, count, made = known
        if ref() is rulebook and rulebook.rules is rules and len(rules) == count:
            return made
    made = _make(rulebook, only)
    forget = lambda _ref, key=key: _TEMPLATES.pop(key, None)  # noqa: E731 - the rulebook is gone
    _TEMPLATES[key] = (weakref.ref(rulebook, forget), rulebook.rules, len(rulebook.rules), made)
    return made


def _make(rulebook: Rulebook, only: set[str] | None) -> Template:
    rules = [r for r in rulebook.rules if only is None or r.part in only]
    art75 = [f"rule:{r.id}" for r in rules if r.kind == "article_75"]
    specs: list[RuleSpec] = []
    route_parts: set[str] = set()
    for rule in rules:
        part = rulebook.parts.get(rule.part)
        scheme_kind = SCHEME_KINDS.get(rule.kind)
        country_level = (
            scheme_kind is None
            or rule.part in NO_SCHEME_PARTS
            or (rule.kind == "judgment" and rule.params.get("when", "always") == "always")
        )
        branch = part.branch if part is not None else None
        route_id = None
        if not country_level and part is not None and branch:
            route_parts.add(part.part)
            route_id = f"route:{part.part}"
        specs.append(
            RuleSpec(
                rule=rule,
                node_id=f"rule:{rule.id}",
                part=part,
                country=(COUNTRY_KINDS.get(rule.kind) or COUNTRY_VARIANTS[rule.kind])
                if country_level
                else None,
                scheme_kind=None if country_level else scheme_kind,
                medical=rule.kind in voluntary.MEDICAL_CARE_KINDS,
                route_id=route_id,
                inputs=_country_inputs(rule, art75) if country_level else (),
            )
        )
    routes = [
        (p, [f"rule:{r.id}" for r in rules if r.part == p and r.kind == "coverage"])
        for p in sorted(route_parts, key=roman_rank)
    ]
    chosen = [p for p in rulebook.parts.values() if only is None or p.part in only]
    known = {p.part for p in chosen}
    empty = [roman for roman in ROMAN if only is None and roman not in known]
    return Template(
        rules=rules,
        specs=specs,
        routes=routes,
        parts=chosen,
        part_inputs={p.part: tuple(f"rule:{r.id}" for r in rules if r.part == p.part) for p in chosen},
        empty_parts=empty,
        article_2=tuple(f"rule:{r.id}" for r in rules if r.kind == "article_2"),
        article_75=art75,
    )


def _country_inputs(rule: Rule, art75: list[str]) -> tuple[str, ...]:
    if rule.kind != "article_2":
        return ()
    return (*(f"part:{p}" for p in ROMAN), *art75[:1])


def roman_rank(part: str) -> int:
    return ORDER.index(part) if part in ORDER else 99


__all__ = ["NO_SCHEME_PARTS", "RuleSpec", "Template", "roman_rank", "template"]
