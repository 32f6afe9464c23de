"""Art 6 in the persons-protected count: voluntary insurance counts for medical care only where
Part VIII is accepted so, and where an alternative is reached only with it, whether it counts is
the specialist's answer to the Art 6 conditions."""

from __future__ import annotations

from c102.evaluate import voluntary
from c102.evaluate.context import Context
from c102.evaluate.kinds.base import Finding
from c102.evaluate.kinds.coverage import alternative, lines_of
from c102.evaluate.verdict import NEEDS_REVIEW
from c102.i18n import _
from c102.model.description import Scheme
from c102.rules.model import Rule


def counted_schemes(ctx: Context, branch: str, schemes: list[Scheme]) -> tuple[list[Scheme], list[Scheme]]:
    """The schemes whose classes count towards the share, and the voluntary schemes that count
    for medical care only (Art 6: Part VIII in so far as it relates to medical care)."""
    if not voluntary.medical_care_only(ctx, branch):
        return schemes, []
    return (
        [s for s in schemes if not voluntary.is_voluntary(s)],
        [s for s in schemes if voluntary.is_voluntary(s)],
    )


def art_6_pending(
    ctx: Context, rule: Rule, branch: str, counted: list[Scheme], pending: list[Scheme]
) -> Finding | None:
    """No alternative is reached without voluntary insurance: if one would be with it, whether it
    counts is the specialist's answer to the Art 6 conditions (needs_review with the question)."""
    art6 = voluntary.article_6_rule(ctx)
    if art6 is None:
        return None
    with_pending = [alternative(ctx, spec, branch, counted + pending) for spec in rule.params["alternatives"]]
    hit = [a for a in with_pending if a.ok]
    if not hit:
        return None
    names = ", ".join(s.name for s in pending)
    question = voluntary.question(art6, ctx)
    open_ = ", ".join(voluntary.unanswered(ctx, art6))
    return Finding(
        NEEDS_REVIEW,
        _(
            "No alternative is reached without the voluntary insurance ({schemes}); with it, {alternative} would "
            "be. It counts only if the conditions of Art 6 are met ({rule} unanswered):",
            schemes=names,
            alternative=hit[0].id,
            rule=open_,
        )
        + f" {question} {lines_of(with_pending)}",
        question=question,
        data=with_pending,
    )

