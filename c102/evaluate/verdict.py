"""Verdicts and the result of one rule, as every report and the JSON output show them."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_EVEN, Decimal
from fractions import Fraction
from typing import Any

COMPLIANT = "compliant"
NOT_COMPLIANT = "not_compliant"
INSUFFICIENT_DATA = "insufficient_data"
NEEDS_REVIEW = "needs_review"
NOT_APPLICABLE = "not_applicable"

VERDICTS = (COMPLIANT, NOT_COMPLIANT, NEEDS_REVIEW, INSUFFICIENT_DATA, NOT_APPLICABLE)

# Worst first: a group of results takes the worst verdict among them.
_SEVERITY = {NOT_COMPLIANT: 0, INSUFFICIENT_DATA: 1, NEEDS_REVIEW: 2, COMPLIANT: 3, NOT_APPLICABLE: 4}


def worst(verdicts: list[str]) -> str:
    """The verdict of a group: any failure fails it; all not_applicable stays not_applicable."""
    applicable = [v for v in verdicts if v != NOT_APPLICABLE]
    if not applicable:
        return NOT_APPLICABLE
    return min(applicable, key=_SEVERITY.__getitem__)


def exact_number(value: Fraction | Decimal | int | None, places: int = 4) -> float | int | None:
    """A JSON number for an exact value, rounded half-even to ``places`` decimals, stable across runs."""
    if value is None:
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, Fraction):
        if value.denominator == 1:
            return int(value.numerator)
        value = Decimal(value.numerator) / Decimal(value.denominator)
    quantum = Decimal(1).scaleb(-places)
    rounded = value.quantize(quantum, rounding=ROUND_HALF_EVEN).normalize()
    if rounded == rounded.to_integral_value():
        return int(rounded)
    return float(rounded)


def show(value: Fraction | Decimal | int, places: int = 1) -> str:
    """Human display of an exact number in the active language: ``36.0``, ``1 460 000`` (English,
    space-grouped, ILO style), ``36,0`` in French and Spanish (``c102.i18n.numbers``).

    Rounds half-even on the exact value, so 0.25 shows as 0.2 at one place, as Decimal would.
    """
    from c102.i18n.numbers import number

    return number(value, places)


def in_unit(value: Fraction | None, unit: str | None) -> Fraction | None:
    """Percentages are held as fractions of one and published in percent (45 means 45%)."""
    return value * 100 if value is not None and unit == "percent" else value


@dataclass
class SchemeFinding:
    """The result of a rule for one scheme, when a rule is tested scheme by scheme."""

    scheme: str
    verdict: str
    value: Fraction | None = None
    explanation: str = ""

    def to_json(self, unit: str | None = None) -> dict[str, Any]:
        return {
            "scheme": self.scheme,
            "verdict": self.verdict,
            "value": exact_number(in_unit(self.value, unit)),
            "explanation": self.explanation,
        }


@dataclass
class RuleResult:
    """One requirement of the Convention, judged: what, how much, against what, and why."""

    id: str
    instrument: str
    part: str
    articles: list[str]
    title: str
    topic: str
    kind: str
    verdict: str
    explanation: str
    value: Fraction | None = None
    threshold: Fraction | None = None
    unit: str | None = None  # "percent", "weeks", "days", "years", "age", "persons", "money"
    gap: str | None = None  # e.g. "36.0% against 45%: 9.0 points short"
    remedy: str | None = None  # the change that would close the gap
    alternative: str | None = None  # the alternative that succeeded, e.g. "27(b)"
    question: str | None = None  # for needs_review
    missing: list[str] = field(default_factory=list)  # for insufficient_data
    schemes: list[str] = field(default_factory=list)  # schemes relied on
    sources: list[str] = field(default_factory=list)  # sources of the facts used
    answer: str | None = None  # a recorded specialist answer that settled the rule
    details: list[SchemeFinding] = field(default_factory=list)
    inputs: list[str] = field(default_factory=list)  # graph node ids
    data: Any = field(default=None, repr=False, compare=False)  # kind-specific extras, not in the JSON
    # The smallest changes that close the gap, when computed (c102.reform.closing; c102 assess).
    closings: list[dict[str, Any]] | None = field(default=None, repr=False, compare=False)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "instrument": self.instrument,
            "part": self.part,
            "articles": list(self.articles),
            "title": self.title,
            "topic": self.topic,
            "kind": self.kind,
            "verdict": self.verdict,
            "value": exact_number(in_unit(self.value, self.unit)),
            "threshold": exact_number(in_unit(self.threshold, self.unit)),
            "unit": self.unit,
            "gap": self.gap,
            "remedy": self.remedy,
            "alternative": self.alternative,
            "explanation": self.explanation,
            "question": self.question,
            "missing": list(self.missing),
            "schemes": list(self.schemes),
            "sources": list(self.sources),
            "answer": self.answer,
            "details": [d.to_json(self.unit) for d in self.details],
        } | ({"smallest_changes": list(self.closings)} if self.closings is not None else {})
