"""In-memory form of a rulebook (``rules/<instrument>/``): what the evaluator and reports read."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Rule:
    """One requirement: where the Convention sets it, and how the engine reads it."""

    id: str
    instrument: str
    part: str  # roman numeral
    articles: tuple[str, ...]  # citations, main one first: ("27(a)", "27(b)", ...)
    title: str
    summary: str
    topic: str
    kind: str
    params: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)
    question: str | None = None
    applies_to_declaration: str | None = None
    file: str = ""
    line: int = 0


@dataclass(frozen=True)
class PartInfo:
    """A Part of the instrument: its number, title and the branch it protects."""

    part: str
    title: str
    branch: str | None
    articles: tuple[str, ...]  # articles of the Part, e.g. ("25", "26", ..., "30")
    file: str = ""


@dataclass(frozen=True)
class StandardBeneficiary:
    """A family type of the Schedule to Part XI."""

    id: str
    label: str
    spouse: bool
    children: int


@dataclass(frozen=True)
class ScheduleRow:
    """One row of the Schedule to Part XI: contingency, standard beneficiary, percentage."""

    row: str  # "old_age", "employment_injury_incapacity", ...
    part: str
    contingency: str  # description's contingency / branch
    standard_beneficiary: str  # StandardBeneficiary.id
    percent: int


@dataclass(frozen=True)
class Choice:
    """A choice a description may make explicitly, with the articles it bears on."""

    id: str
    articles: tuple[str, ...]
    question: str
    default: Any
    effect: str


@dataclass
class Rulebook:
    """All rules of one instrument, in the order of the Convention."""

    instrument: str
    title: str
    rules: list[Rule]
    parts: dict[str, PartInfo]
    schedule: dict[str, ScheduleRow]
    standard_beneficiaries: dict[str, StandardBeneficiary]
    choices: dict[str, Choice]
    sha256: str  # hash of every rule file's bytes, in path order: the receipt's rulebook hash
    year: int | None = None
    # Articles judged to carry no checkable requirement ("1", "78-87") and why (instrument.yaml).
    no_checkable_requirement: dict[str, str] = field(default_factory=dict)
    final_provisions: tuple[int, int] | None = None  # article range of the final provisions
    files: tuple[str, ...] = ()  # the rule files read, as "rules/<instrument>/<name>"

    def rule(self, rule_id: str) -> Rule:
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise KeyError(rule_id)

    def rules_of(self, part: str) -> list[Rule]:
        return [r for r in self.rules if r.part == part]
