"""Which rules cite each article: the check that no requirement of the instrument was left out."""

from __future__ import annotations

from dataclasses import dataclass

from c102.rules.load import article_number
from c102.rules.model import Rulebook

COVERED = "covered"
NO_CHECKABLE_REQUIREMENT = "no_checkable_requirement"
NOT_COVERED = "not_covered"


@dataclass(frozen=True)
class ArticleCoverage:
    """One article (or a range, for final provisions) and the rules citing it."""

    article: str  # "27", or "78-87" for a range judged as a whole
    part: str | None  # roman numeral, None for the final provisions
    rules: tuple[str, ...]
    reason: str | None  # why it carries no checkable requirement, where so judged

    @property
    def status(self) -> str:
        if self.rules:
            return COVERED
        if self.reason:
            return NO_CHECKABLE_REQUIREMENT
        return NOT_COVERED

    def to_json(self) -> dict[str, object]:
        return {
            "article": self.article,
            "part": self.part,
            "status": self.status,
            "rules": list(self.rules),
            "reason": self.reason,
        }


def _reasons(rulebook: Rulebook) -> dict[int, str]:
    """Article number -> reason, with ranges such as "78-87" spread over their articles."""
    out: dict[int, str] = {}
    for key, reason in rulebook.no_checkable_requirement.items():
        low, _, high = key.partition("-")
        for number in range(int(low), int(high or low) + 1):
            out[number] = reason
    return out


def article_coverage(rulebook: Rulebook, part: str | None = None) -> list[ArticleCoverage]:
    """Every article of the Parts (in order), then the final provisions as one entry."""
    citing: dict[int, list[str]] = {}
    for rule in rulebook.rules:
        for number in sorted({article_number(c) for c in rule.articles}):
            citing.setdefault(number, []).append(rule.id)
    reasons = _reasons(rulebook)
    out: list[ArticleCoverage] = []
    for info in rulebook.parts.values():
        if part is not None and info.part != part:
            continue
        for article in info.articles:
            number = int(article)
            out.append(
                ArticleCoverage(article, info.part, tuple(citing.get(number, [])), reasons.get(number))
            )
    if part is None and rulebook.final_provisions is not None:
        low, high = rulebook.final_provisions
        cited = sorted({r for n in range(low, high + 1) for r in citing.get(n, [])})
        reason = reasons.get(low)
        out.append(ArticleCoverage(f"{low}-{high}", None, tuple(cited), reason))
    return out


def uncovered(rulebook: Rulebook) -> list[ArticleCoverage]:
    """Articles judged to carry requirements that no rule cites."""
    return [a for a in article_coverage(rulebook) if a.status == NOT_COVERED]
