"""Which schemes a Part relies on: the coverage alternative whose schemes also meet the Part's
other requirements. A Part can be accepted through any one alternative (e.g. 27(a) through social
insurance, or 27(c) through a means-tested pension), so the route prefers one that fully works."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from c102.evaluate.verdict import COMPLIANT, NEEDS_REVIEW, NOT_APPLICABLE, worst
from c102.i18n import _


@dataclass(frozen=True)
class Route:
    alternative: str | None  # e.g. "27(a)"; None when no coverage alternative is reached
    slugs: tuple[str, ...] | None  # schemes relied on; None: every scheme serving the branch

    def __str__(self) -> str:
        names = ", ".join(self.slugs) if self.slugs else _("all schemes of the branch")
        if self.alternative:
            return _("{alternative}: {schemes}", alternative=self.alternative, schemes=names)
        return _("no alternative reached: {schemes}", schemes=names)


def choose_route(coverage: Any, findings: list[tuple[str, Any]], slugs: list[str]) -> Route:
    """Pick the first reached alternative whose schemes pass every other rule; else the first
    whose schemes at most await review; else the first reached; else all schemes."""
    alternatives = coverage.data if coverage is not None and isinstance(coverage.data, list) else []
    reached = sorted((a for a in alternatives if a.ok and a.schemes), key=lambda a: a.pro_rata)
    by_scheme: dict[str, list[str]] = {}
    for slug, finding in findings:
        by_scheme.setdefault(slug, []).append(finding.verdict)
    for accept in ((COMPLIANT, NOT_APPLICABLE), (COMPLIANT, NOT_APPLICABLE, NEEDS_REVIEW)):
        for alt in reached:
            if all(worst(by_scheme.get(s, [])) in accept for s in alt.schemes):
                return Route(alt.id, tuple(alt.schemes))
    if reached:
        return Route(reached[0].id, tuple(reached[0].schemes))
    return Route(None, tuple(slugs) if slugs else None)
