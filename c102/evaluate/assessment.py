"""The whole judgment on one country: rule results, Parts, Article 2, Part XI workings, receipt.

``Assessment.to_json()`` is the stable machine format (schema: ``c102/schemas/assessment.schema.json``,
documented in ``docs/json-output.md``); every report is rendered from this object.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from c102.evaluate.verdict import RuleResult, exact_number
from c102.i18n import N_, _

if TYPE_CHECKING:
    from c102.evaluate.graph import EvaluationGraph
    from c102.model.description import Description

ASSESSMENT_SCHEMA_VERSION = 1

# How Article 2's verdict reads in words (``Ratification.verdict``).
ARTICLE_2_WORDS = {  # marked for translation; shown through _()
    "compliant": N_("met"),
    "not_compliant": N_("not met"),
    "insufficient_data": N_("undecided, facts missing"),
    "needs_review": N_("undecided, awaiting a specialist's answer"),
}


@dataclass
class PartResult:
    """One Part of the Convention: its verdict and the facts behind acceptance."""

    part: str
    title: str
    branch: str | None
    verdict: str
    counts: dict[str, int]
    schemes: list[str] = field(default_factory=list)
    accepted: bool = False  # specified in the ratification (Art 2(b), Art 4)
    ceased_by: str | None = None  # a later Convention that ended this Part (Art 75)
    alternative: str | None = None  # the coverage alternative relied on

    def to_json(self) -> dict[str, Any]:
        return {
            "part": self.part,
            "title": self.title,
            "branch": self.branch,
            "verdict": self.verdict,
            "counts": dict(self.counts),
            "schemes": list(self.schemes),
            "accepted": self.accepted,
            "ceased_by": self.ceased_by,
            "alternative": self.alternative,
        }


@dataclass
class Ratification:
    """Article 2: which Parts could be accepted now, and whether an acceptable set exists."""

    acceptable_parts: list[str]
    meets_article_2: bool
    explanation: str
    accepted_parts: list[str] = field(default_factory=list)
    ceased_parts: dict[str, str] = field(default_factory=dict)
    accepted_but_failing: list[str] = field(default_factory=list)
    registered: str | None = None
    in_force_from: str | None = None  # Art 79(3): twelve months after registration
    record: dict[str, Any] | None = None  # the entry of countries/ratifications.yaml, if any
    # Art 2(a)(iii): the schemes the acceptable set relies on, and the Part I/XI-XIII failures
    # on them ("failing") or on schemes serving no Part of the set ("outside", not binding).
    relevant_provisions: dict[str, Any] = field(default_factory=dict)
    # Article 2 as a verdict: compliant (met), not_compliant (not met on stated facts),
    # insufficient_data or needs_review (a set may exist once the facts or answers are given).
    verdict: str = "not_compliant"

    def to_json(self) -> dict[str, Any]:
        return {
            "acceptable_parts": list(self.acceptable_parts),
            "meets_article_2": self.meets_article_2,
            "explanation": self.explanation,
            "accepted_parts": list(self.accepted_parts),
            "ceased_parts": dict(self.ceased_parts),
            "accepted_but_failing": list(self.accepted_but_failing),
            "registered": self.registered,
            "in_force_from": self.in_force_from,
            "record": self.record,
            "relevant_provisions": dict(self.relevant_provisions),
            "verdict": self.verdict,
        }


@dataclass
class BenefitCalculation:
    """The Part XI working for one standard beneficiary: what a trainer shows step by step."""

    part: str
    row: str  # Schedule row id, e.g. "old_age", "employment_injury_survivors"
    scheme: str
    article: str  # "65", "66" or "67"
    standard_beneficiary: str
    reference_wage: Fraction | None  # per month
    reference_wage_label: str  # "skilled manual male employee (65(6)(a))"
    earnings: Fraction | None  # previous earnings taken into account, after any ceiling
    benefit: Fraction | None  # per month, with supplements, minimum and maximum
    family_allowances: Fraction  # per month, for the standard beneficiary's children
    rate: Fraction | None  # (benefit + FA) / (wage + FA)
    required: Fraction  # Schedule percentage (as a fraction)
    steps: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "part": self.part,
            "row": self.row,
            "scheme": self.scheme,
            "article": self.article,
            "standard_beneficiary": self.standard_beneficiary,
            "reference_wage": exact_number(self.reference_wage, 2),
            "reference_wage_label": self.reference_wage_label,
            "earnings": exact_number(self.earnings, 2),
            "benefit": exact_number(self.benefit, 2),
            "family_allowances": exact_number(self.family_allowances, 2),
            "rate_percent": exact_number(self.rate * 100 if self.rate is not None else None),
            "required_percent": exact_number(self.required * 100),
            "steps": list(self.steps),
            "sources": list(self.sources),
        }


@dataclass
class Receipt:
    """Enough to reproduce an assessment: engine version, rulebook and input hashes, as-of date."""

    c102_version: str
    rulebook_sha256: str
    description_sha256: str
    description_path: str
    as_of: str | None

    def to_json(self) -> dict[str, Any]:
        return {
            "c102_version": self.c102_version,
            "rulebook_sha256": self.rulebook_sha256,
            "description_sha256": self.description_sha256,
            "description_path": self.description_path,
            "as_of": self.as_of,
        }


@dataclass
class Assessment:
    """The result of ``c102.assess``."""

    description: Description
    instrument: str
    rules: list[RuleResult]
    parts: dict[str, PartResult]
    ratification: Ratification
    calculations: list[BenefitCalculation]
    receipt: Receipt
    choices: list[dict[str, Any]]
    answers: list[dict[str, Any]]
    graph: EvaluationGraph | None = field(default=None, repr=False)

    def rule(self, rule_id: str) -> RuleResult:
        for result in self.rules:
            if result.id == rule_id:
                return result
        raise KeyError(rule_id)

    def gaps(self) -> list[str]:
        """What ``--fail-on-gap`` fails on: an accepted, still-binding Part that is not compliant; for
        a country that has not ratified, the lack of a set of Parts meeting Article 2. Parts that
        merely lack data or await a specialist's answer are not gaps."""
        rat = self.ratification
        if rat.accepted_parts:
            return [_("accepted Part {part} is not compliant", part=p) for p in rat.accepted_but_failing]
        return [_("no set of Parts meets Article 2 yet")] if rat.verdict == "not_compliant" else []

    def rules_of(self, part: str) -> list[RuleResult]:
        return [r for r in self.rules if r.part == part]

    def country_json(self) -> dict[str, Any]:
        c = self.description.country
        return {
            "name": c.name,
            "iso": c.iso.value if c.iso else None,
            "as_of": c.as_of.value.isoformat() if c.as_of else None,
            "currency": c.currency.value if c.currency else None,
            "fictional": bool(c.fictional and c.fictional.value),
        }

    def to_json(self) -> dict[str, Any]:
        return {
            "schema_version": ASSESSMENT_SCHEMA_VERSION,
            "instrument": self.instrument,
            "country": self.country_json(),
            "receipt": self.receipt.to_json(),
            "choices": list(self.choices),
            "answers": list(self.answers),
            "parts": {k: v.to_json() for k, v in self.parts.items()},
            "ratification": self.ratification.to_json(),
            "calculations": [c.to_json() for c in self.calculations],
            "rules": [r.to_json() for r in self.rules],
        }
