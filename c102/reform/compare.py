"""Baseline against reform: which verdicts, figures and routes move between two assessments.

A route is part of what moves: when a reform makes a pension fail and the Part is then met
through old-age assistance instead, the Part's verdict may stay put while the scheme relied on
changes. Showing the alternative and the schemes on both sides is what makes that visible.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from c102.evaluate.assessment import Assessment, PartResult
from c102.evaluate.verdict import RuleResult, exact_number
from c102.i18n import _, ngettext
from c102.i18n.rulebook import part_title, rule_title
from c102.model.description import Description
from c102.report.shared.display import quantity


@dataclass(frozen=True)
class Side:
    """One side of a comparison: the verdict, the figure against its threshold, the route."""

    verdict: str
    figure: str | None = None
    alternative: str | None = None
    schemes: tuple[str, ...] = ()
    value: Any = None  # the exact value, for JSON

    def route(self) -> str:
        names = ", ".join(self.schemes)
        if self.alternative and names:
            return f"{self.alternative} [{names}]"
        return self.alternative or (f"[{names}]" if names else "")

    def to_json(self) -> dict[str, Any]:
        return {
            "verdict": self.verdict,
            "figure": self.figure,
            "value": self.value,
            "alternative": self.alternative,
            "schemes": list(self.schemes),
        }


@dataclass(frozen=True)
class Difference:
    """A rule, Part or Article 2 whose verdict, figure or route differs between the two sides."""

    level: str  # rule | part | article_2
    id: str
    title: str
    article: str
    before: Side
    after: Side

    @property
    def verdict_changed(self) -> bool:
        return self.before.verdict != self.after.verdict

    def to_json(self) -> dict[str, Any]:
        return {
            "level": self.level,
            "id": self.id,
            "title": self.title,
            "article": self.article,
            "verdict_changed": self.verdict_changed,
            "before": self.before.to_json(),
            "after": self.after.to_json(),
        }


def rule_side(rule: RuleResult) -> Side:
    figure = None
    if rule.value is not None:
        figure = quantity(rule.value, rule.unit)
        if rule.threshold is not None:
            figure = _(
                "{value} against {threshold}", value=figure, threshold=quantity(rule.threshold, rule.unit)
            )
    value = exact_number(
        rule.value * 100 if rule.unit == "percent" and rule.value is not None else rule.value
    )
    return Side(rule.verdict, figure, rule.alternative, tuple(rule.schemes), value)


def part_side(part: PartResult) -> Side:
    total = sum(part.counts.values())
    counts = ngettext(
        "{compliant} of {n} rule compliant",
        "{compliant} of {n} rules compliant",
        total,
        compliant=part.counts.get("compliant", 0),
    )
    return Side(part.verdict, counts, part.alternative, tuple(part.schemes))


def article_2_side(assessment: Assessment) -> Side:
    rat = assessment.ratification
    acceptable = ", ".join(rat.acceptable_parts) or _("none")
    return Side(
        "met" if rat.meets_article_2 else "not met",
        _("Parts that could be accepted: {parts}", parts=acceptable),
    )


def differences(before: Assessment, after: Assessment) -> list[Difference]:
    """Article 2, then the Parts, then the rules, in the Convention's order; only what differs."""
    out: list[Difference] = []
    a2 = (article_2_side(before), article_2_side(after))
    if a2[0] != a2[1]:
        out.append(
            Difference("article_2", "ratification", _("Article 2: Parts that could be accepted"), "2", *a2)
        )
    for part_id, part in before.parts.items():
        other = after.parts.get(part_id)
        if other is None:
            continue
        sides = (part_side(part), part_side(other))
        if sides[0] != sides[1]:
            out.append(
                Difference(
                    "part",
                    part_id,
                    _("Part {part}: {title}", part=part_id, title=part_title(part_id, part.title)),
                    part_id,
                    *sides,
                )
            )
    theirs = {r.id: r for r in after.rules}
    for rule in before.rules:
        match = theirs.get(rule.id)
        if match is None:
            continue
        sides = (rule_side(rule), rule_side(match))
        if sides[0] != sides[1]:
            article = (match.alternative and _article_of(match)) or rule.articles[0]
            out.append(Difference("rule", rule.id, rule_title(rule.id, rule.title), article, *sides))
    return out


def _article_of(rule: RuleResult) -> str:
    """The article of the alternative relied on (``27(c)``), else the rule's first article."""
    return rule.alternative or rule.articles[0]


@dataclass
class FactDifference:
    path: str
    before: str | None
    after: str | None
    sources: tuple[str | None, str | None] = field(default=(None, None))

    def to_json(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "before": self.before,
            "after": self.after,
            "source_before": self.sources[0],
            "source_after": self.sources[1],
        }


def fact_differences(before: Description, after: Description) -> list[FactDifference]:
    """The facts stated differently in two descriptions, by path (value or source)."""
    from c102.reform.paths import fact_paths, get_fact, resolve

    out: list[FactDifference] = []
    mine = {p: resolve(before, p) for p in fact_paths(before)}
    theirs = {p: resolve(after, p) for p in fact_paths(after)}
    for text in list(mine) + [p for p in theirs if p not in mine]:
        a = get_fact(before, mine[text]) if text in mine else None
        b = get_fact(after, theirs[text]) if text in theirs else None
        if a is None and b is None:
            continue
        va, vb = (None if a is None else _shown(a.value)), (None if b is None else _shown(b.value))
        sa, sb = (None if a is None else a.source), (None if b is None else b.source)
        if va != vb or sa != sb:
            out.append(FactDifference(text, va, vb, (sa, sb)))
    return out


def _shown(value: Any) -> str:
    from c102.report.shared.display import plain

    return plain(value)
