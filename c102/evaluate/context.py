"""What every rule kind reads: facts (recorded in the graph with their sources), the Art 3
declaration, the specialist's answers, the description's choices, and the populations of the
coverage tests with Art 77(2)'s exclusion of seafarers applied."""

from __future__ import annotations

import re
from fractions import Fraction
from typing import Any

from c102.evaluate.graph import FACT, EvaluationGraph, Node
from c102.evaluate.verdict import show
from c102.i18n import _
from c102.labels import label
from c102.model.description import Description, Scheme
from c102.model.values import Count, Fact
from c102.rules.model import Rule, Rulebook

# Statistics from which Art 77(2) lets a ratifying State take seafarers out.
SEAFARER_EXCLUDABLE = ("employees", "economically_active", "residents")
# A scheme fact's label words by (prefix, name): "protected persons" (made once, read a hundred times a country).
_WORDS: dict[tuple[str, str], str] = {}


def scheme_slug(scheme: Scheme) -> str:
    return re.sub(r"[^a-z0-9]+", "-", scheme.name.lower()).strip("-") or "scheme"


def scheme_slugs(description: Description) -> dict[str, Scheme]:
    """Each scheme by the short name fact paths use (``scheme.<slug>.…``), unique per description."""
    out: dict[str, Scheme] = {}
    for scheme in description.scheme:
        slug = base = scheme_slug(scheme)
        n = 2
        while slug in out:
            slug, n = f"{base}-{n}", n + 1
        out[slug] = scheme
    return out


def fact_node(node_id: str, fact: Fact[Any] | None, label: str) -> Node:
    """The graph node recording a fact as read: its value, source and place in the file."""
    return Node(
        id=node_id,
        kind=FACT,
        label=label,
        value=None if fact is None else fact.value,
        source=None if fact is None else fact.source,
        position=None if fact is None or fact.position is None else str(fact.position),
        explanation=_("not given in the description") if fact is None else "",
    )


class Context:
    def __init__(self, description: Description, rulebook: Rulebook) -> None:
        self.description = description
        self.rulebook = rulebook
        self.graph = EvaluationGraph()
        self.current: list[str | None] = [None]
        self._slugs = {id(scheme): slug for slug, scheme in scheme_slugs(description).items()}
        self._by_branch: dict[str, list[Scheme]] = {}

    # -- facts -----------------------------------------------------------------------------------

    def read(self, fact: Fact[Any] | None, path: str, label: str) -> Fact[Any] | None:
        """Return a fact and record that the node being computed used it."""
        node_id = f"fact:{path}"
        nodes = self.graph.nodes
        if node_id not in nodes:
            self.graph.add(fact_node(node_id, fact, label))
        current = self.current[0]
        if current is not None:
            reads = nodes[current].reads
            if node_id not in reads:
                reads.append(node_id)
        return fact

    def slug(self, scheme: Scheme) -> str:
        return self._slugs[id(scheme)]

    def scheme_fact(self, scheme: Scheme, name: str, obj: Any = None, prefix: str = "") -> Fact[Any] | None:
        """A fact of a scheme (or of one of its blocks, ``obj``), e.g. ``pensionable_age``."""
        holder = scheme if obj is None else obj
        fact = getattr(holder, name)
        path = f"scheme.{self._slugs[id(scheme)]}.{prefix}{name}"
        words = _WORDS.get((prefix, name))
        if words is None:
            if len(_WORDS) > 10_000:
                _WORDS.clear()
            words = _WORDS[prefix, name] = f"{prefix.replace('.', ' ')}{name.replace('_', ' ')}"
        return self.read(fact, path, f"{scheme.name}: {words}")

    def stat(self, name: str) -> Fact[Any] | None:
        stats = self.description.statistics
        fact = getattr(stats, name) if stats is not None else None
        return self.read(fact, f"statistics.{name}", f"statistics: {name.replace('_', ' ')}")

    def count(self, name: str) -> Fraction | None:
        fact = self.stat(name)
        if fact is None:
            return None
        value = fact.value
        return Fraction(value.total if isinstance(value, Count) else value)

    def population(self, name: str) -> tuple[Fraction | None, str]:
        """A population for a coverage share, less seafarers where Art 77(2) is used."""
        total = self.count(name)
        if total is None or name not in SEAFARER_EXCLUDABLE or not self.seafarers_excluded():
            return total, ""
        seafarers = self.count("seafarers")
        if seafarers is None:
            return total, " (seafarers excluded under Art 77(2), but their number is not given)"
        return total - seafarers, " " + _("(less {count} seafarers, Art 77(2))", count=show(seafarers, 0))

    def seafarers_excluded(self) -> bool:
        country = self.description.country
        fact = self.read(country.seafarers_excluded, "country.seafarers_excluded", _("seafarers excluded"))
        return bool(fact and fact.value)

    # -- declarations, answers, choices ----------------------------------------------------------

    def declaration_in_force(self) -> bool:
        decl = self.description.article_3
        if decl is None:
            return False
        fact = self.read(decl.in_force, "article_3.in_force", "Art 3 declaration in force")
        return bool(fact and fact.value)

    def declaration_invokes(self, exception: str) -> bool | None:
        """Whether an Art 3 declaration in force invokes this temporary exception.

        None where a declaration is in force but the description does not list the exceptions it
        invokes: unknown, not all twelve of Art 3(1).
        """
        if not self.declaration_in_force():
            return False
        decl = self.description.article_3
        assert decl is not None
        listed = self.read(decl.exceptions, "article_3.exceptions", "Art 3 exceptions invoked")
        return None if listed is None else exception in listed.value

    def answer(self, rule: Rule) -> Fact[Any] | None:
        fact = self.description.answers.get(rule.id)
        return self.read(fact, f"answers.{rule.id}", _("specialist's answer to {rule}", rule=rule.id))

    def named_answer(self, rule: Rule, key: str) -> Fact[Any] | None:
        """A specialist's answer to one named condition of a rule (``I-6-voluntary-insurance.6(a)``)."""
        fact = self.description.answers.get(key)
        return self.read(fact, f"answers.{key}", f"specialist's answer to {key}")

    def choice(self, choice_id: str) -> Any:
        fact = self.description.choices.get(choice_id)
        self.read(fact, f"choices.{choice_id}", _("choice {choice}", choice=choice_id))
        if fact is not None:
            return fact.value
        choice = self.rulebook.choices.get(choice_id)
        return None if choice is None else choice.default

    # -- schemes ---------------------------------------------------------------------------------

    def absence(self, branch: str) -> Fact[Any] | None:
        """The ``absent:`` statement covering a branch, recorded as a fact the verdict used."""
        fact = self.description.absence(branch)
        return self.read(fact, f"absent.{branch}", _("the law provides no {benefit}", benefit=label(branch, "benefits")))

    def schemes_for(self, branch: str) -> list[Scheme]:
        """Schemes serving a branch; voluntary insurance only where Art 6 lets it count for the
        branch's Part and the description relies on it with the conditions answered yes."""
        from c102.evaluate import voluntary

        found = self._by_branch.get(branch)
        if found is None:
            schemes = self.description.schemes_for(branch)
            counts = any(voluntary.is_voluntary(s) for s in schemes) and voluntary.status(self, branch) == "counts"
            found = self._by_branch[branch] = [s for s in schemes if counts or not voluntary.is_voluntary(s)]
        return found
