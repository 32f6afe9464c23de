"""An assessment's findings as several reports show them: verdict counts, a Part's first cells,
the largest gaps."""

from __future__ import annotations

from c102.evaluate.assessment import Assessment, PartResult
from c102.evaluate.verdict import NOT_COMPLIANT, VERDICTS, RuleResult
from c102.i18n import _
from c102.i18n.rulebook import part_title, rule_text
from c102.report.shared.display import NONE, VERDICT_SYMBOL, change_needed, gap_size, joined, verdict_label

LARGEST_GAPS = 8


def counts_text(counts: dict[str, int]) -> str:
    """``✔ 2 ✘ 1``: how many rules of a Part have each verdict."""
    return " ".join(f"{VERDICT_SYMBOL[v]} {counts[v]}" for v in VERDICTS if counts.get(v))


def part_cells(part: str, result: PartResult) -> list[str]:
    """The first cells of a Part's row: Part, title, verdict, counts of rules by verdict."""
    title = part_title(part, result.title)
    return [_("Part {part}", part=part), title, verdict_label(result.verdict), counts_text(result.counts) or NONE]


def largest_gaps(assessment: Assessment) -> list[RuleResult]:
    """Failing requirements, numeric ones first by relative size of the gap, then the rest in order."""
    failing = [r for r in assessment.rules if r.verdict == NOT_COMPLIANT]
    order = {id(r): i for i, r in enumerate(failing)}
    failing.sort(key=lambda r: (-gap_size(r), order[id(r)]))
    return failing[:LARGEST_GAPS]


def what_settles(rule: RuleResult, ask_to_state: bool = False) -> str:
    """What would settle a rule not met: the change that closes its gap, else the facts to state
    (as "state: ..." with ``ask_to_state``), else the question for a specialist."""
    if rule.verdict == NOT_COMPLIANT:
        return change_needed(rule)
    if rule.missing:
        return _("state: {facts}", facts=joined(rule.missing)) if ask_to_state else joined(rule.missing)
    return rule_text(rule.id, "question", rule.question) if rule.question else NONE
