"""What the pages show, taken from assessments: verdicts at a glance, and baseline against edited.

A reform that changes the route (which alternative of coverage, which scheme is relied on) shows
as a change even when the verdict stays the same: a Part judged on another scheme is a different
finding, and the page must say so.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from c102.i18n import N_, _
from c102.i18n.rulebook import part_title, rule_title
from c102.report.shared.display import VERDICT_SYMBOL, part_key, verdict_text

if TYPE_CHECKING:
    from c102.evaluate.assessment import Assessment
    from c102.evaluate.verdict import RuleResult

BRANCH_PARTS = ("II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")


@dataclass(frozen=True)
class Verdict:
    """A verdict as a page cell: the code (for a CSS class), symbol and words (never colour alone)."""

    code: str
    note: str = ""
    label: str = ""  # words other than the verdict's own ("met" for Article 2)

    @property
    def symbol(self) -> str:
        return VERDICT_SYMBOL.get(self.code, "")

    @property
    def words(self) -> str:
        return _(self.label) if self.label else verdict_text(self.code)


@dataclass(frozen=True)
class Row:
    """One line of the baseline-against-edited table."""

    kind: str  # "part", "article2" or "rule"
    key: str  # Part numeral, "2" or the rule id
    title: str
    before: Verdict | None
    after: Verdict | None
    before_detail: str
    after_detail: str

    @property
    def changed(self) -> bool:
        return (self.before, self.before_detail) != (self.after, self.after_detail)


def glance(assessment: Assessment) -> dict[str, Verdict]:
    """Part numeral -> verdict for the branch Parts, with the accepted ones marked."""
    out = {}
    for part in BRANCH_PARTS:
        result = assessment.parts.get(part)
        if result is not None:
            out[part] = Verdict(result.verdict, _("accepted") if result.accepted else "")
    return out


ARTICLE_2_WORDS = {"compliant": N_("met"), "not_compliant": N_("not met")}


def article2(assessment: Assessment) -> Verdict:
    """Article 2 as a verdict: met, not met on stated facts, or undecided (data or review wanted)."""
    rat = assessment.ratification
    code = getattr(rat, "verdict", None) or ("compliant" if rat.meets_article_2 else "not_compliant")
    return Verdict(code, ", ".join(rat.acceptable_parts), ARTICLE_2_WORDS.get(code, ""))


def rows(before: Assessment | None, after: Assessment | None) -> list[Row]:
    """Parts, then Article 2, then every rule, baseline against edited (either may be missing)."""
    out: list[Row] = []
    parts = sorted({*(before.parts if before else {}), *(after.parts if after else {})}, key=part_key)
    for part in parts:
        b = before.parts.get(part) if before else None
        a = after.parts.get(part) if after else None
        title = part_title(part, (a or b).title) if (a or b) else part  # type: ignore[union-attr]
        out.append(
            Row(
                "part",
                part,
                title,
                Verdict(b.verdict) if b else None,
                Verdict(a.verdict) if a else None,
                _route(b.alternative, b.schemes) if b else "",
                _route(a.alternative, a.schemes) if a else "",
            )
        )
    out.append(
        Row(
            "article2",
            "2",
            _("Article 2: a set of Parts that can be accepted"),
            article2(before) if before else None,
            article2(after) if after else None,
            _acceptable(before),
            _acceptable(after),
        )
    )
    before_rules = {r.id: r for r in before.rules} if before else {}
    after_rules = {r.id: r for r in after.rules} if after else {}
    for rule_id in [*before_rules, *(i for i in after_rules if i not in before_rules)]:
        b_rule, a_rule = before_rules.get(rule_id), after_rules.get(rule_id)
        out.append(
            Row(
                "rule",
                rule_id,
                rule_title(rule_id, (a_rule or b_rule).title),  # type: ignore[union-attr]
                Verdict(b_rule.verdict) if b_rule else None,
                Verdict(a_rule.verdict) if a_rule else None,
                _rule_detail(b_rule),
                _rule_detail(a_rule),
            )
        )
    return out


def _route(alternative: str | None, schemes: list[str]) -> str:
    parts = []
    if alternative:
        parts.append(_("route {alternative}", alternative=alternative))
    if schemes:
        parts.append(_("on {schemes}", schemes=", ".join(schemes)))
    return "; ".join(parts)


def _acceptable(assessment: Assessment | None) -> str:
    if assessment is None:
        return ""
    acceptable = assessment.ratification.acceptable_parts
    return _("acceptable now: {parts}", parts=", ".join(acceptable) if acceptable else _("none"))


def _rule_detail(rule: RuleResult | None) -> str:
    if rule is None:
        return ""
    bits = [_("route {alternative}", alternative=rule.alternative)] if rule.alternative else []
    if rule.gap:
        bits.append(rule.gap)
    elif rule.value is not None:
        bits.append(rule.explanation)
    return "; ".join(bits)
