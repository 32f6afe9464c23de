"""Persons protected (Art 9, 15, 21, 27, 33, 41, 48, 55, 61): the share reached by each alternative.

Art 5 asks that the percentage be attained before a Part is accepted; Art 77(2) lets seafarers be
taken out of the populations; Art 3 alternatives count only where a declaration invoking them is
in force.
"""

from __future__ import annotations

from typing import Any

from c102.evaluate import voluntary
from c102.evaluate.context import Context
from c102.evaluate.gaps import more_persons, percent_short
from c102.evaluate.kinds.base import Finding
from c102.evaluate.kinds.coverage import alternative, lines_of
from c102.evaluate.kinds.coverage_voluntary import art_6_pending, counted_schemes
from c102.evaluate.verdict import COMPLIANT, INSUFFICIENT_DATA, NOT_COMPLIANT
from c102.i18n import N_, _
from c102.labels import label
from c102.rules.model import Rule


def coverage(ctx: Context, rule: Rule, inputs: list[Any]) -> Finding:
    part = ctx.rulebook.parts[rule.part]
    branch = part.branch or ""
    schemes = ctx.schemes_for(branch)
    pending = voluntary.pending_schemes(ctx, branch)
    if not schemes and not pending:
        return no_scheme(ctx, branch)
    counted, care_only = counted_schemes(ctx, branch, schemes)
    tested = [alternative(ctx, spec, branch, counted) for spec in rule.params["alternatives"]]
    # An alternative reached by the classes as they are (a residence-based service under 9(c))
    # is relied on before one reached only by counting a class pro rata in another population.
    reached = sorted((a for a in tested if a.ok), key=lambda a: a.pro_rata)
    for alt in reached:  # voluntary insurance relied on for the Part's medical care (Art 6)
        alt.schemes += [ctx.slug(s) for s in care_only]
    tested[-1].text += voluntary.left_out(ctx, branch)
    if care_only:
        tested[-1].text += " " + _(
            "{schemes} (voluntary insurance) counts for medical care only (Art 6): the classes must also be "
            "protected for the cash benefit, so only the other schemes' classes count towards the share.",
            schemes=", ".join(s.name for s in care_only),
        )
    if pending and not reached:
        review = art_6_pending(ctx, rule, branch, counted, pending)
        if review is not None:
            return review
    silent = [
        s for s in counted if not any(g.branches is None or branch in g.branches.value for g in s.protected)
    ]
    if silent and not reached:
        return Finding(
            INSUFFICIENT_DATA,
            _(
                "No alternative is reached with the persons described, and {schemes} states no persons protected.",
                schemes=", ".join(s.name for s in silent),
            )
            + f" {lines_of(tested)}",
            missing=[f"scheme.{ctx.slug(s)}.protected" for s in silent],
            data=tested,
        )
    lines = " ".join(a.text for a in tested)
    if reached:
        best = reached[0]
        return Finding(
            COMPLIANT,
            _("Alternative {alternative} is reached.", alternative=best.id) + f" {lines}",
            value=best.share,
            threshold=best.threshold,
            unit="percent" if best.share is not None else None,
            alternative=best.id,
            data=tested,
        )
    undecided = [a for a in tested if a.ok is None]
    if undecided:
        missing = sorted({m for a in undecided for m in a.missing})
        return Finding(
            INSUFFICIENT_DATA,
            _(
                "No alternative is reached yet, and {alternatives} cannot be tested.",
                alternatives=", ".join(a.id for a in undecided),
            )
            + f" {lines}",
            missing=missing,
            data=tested,
        )
    measured = [a for a in tested if a.share is not None and a.threshold is not None]
    if measured:
        closest = max(measured, key=lambda a: (a.share or 0) - (a.threshold or 0))
        assert closest.share is not None and closest.threshold is not None
        remedy = None
        if closest.numerator is not None and closest.denominator is not None:
            remedy = _(
                "{change} (alternative {alternative})",
                change=more_persons(closest.numerator, closest.denominator, closest.threshold, _(closest.who)),
                alternative=closest.id,
            )
        return Finding(
            NOT_COMPLIANT,
            _("No alternative is reached.") + f" {lines}",
            value=closest.share,
            threshold=closest.threshold,
            unit="percent",
            gap=percent_short(closest.share, closest.threshold, under=closest.id),
            remedy=remedy,
            data=tested,
        )
    return Finding(NOT_COMPLIANT, _("No alternative is reached.") + f" {lines}", data=tested)


def no_scheme(ctx: Context, branch: str) -> Finding:
    """No scheme relied on serves the branch: a gap only where the law is stated to provide none.

    Unknown is not none: a description silent on a branch leaves Part's coverage undecided; an
    ``absent:`` statement with its source is the stated fact that every alternative fails.
    """
    words = label(branch, "benefits")
    absence = ctx.absence(branch)
    if absence is not None:
        cited = f" ({absence.source})" if absence.source else ""
        return Finding(
            NOT_COMPLIANT,
            _("The law provides no {benefit}{source}, so no alternative can be reached.", benefit=words, source=cited),
            unit="percent",
            data=[],
        )
    others = [s for s in ctx.description.schemes_for(branch) if voluntary.is_voluntary(s)]
    if others:
        why = {
            "outside": N_("and Art 6 does not let voluntary insurance count for this Part"),
            "refused": N_("and the specialist answered that it does not meet the conditions of Art 6"),
        }.get(
            voluntary.status(ctx, branch),
            N_("and the description does not rely on Art 6 (choice voluntary_insurance_counts)"),
        )
        return Finding(
            NOT_COMPLIANT,
            _(
                "Only voluntary insurance ({schemes}) provides {benefit}, {reason}.",
                schemes=", ".join(s.name for s in others),
                benefit=words,
                reason=_(why),
            ),
            unit="percent",
            data=[],
        )
    return Finding(
        INSUFFICIENT_DATA,
        _(
            "The description does not say whether the law provides {benefit}; add a scheme or an "
            "`absent:` statement.",
            benefit=words,
        ),
        unit="percent",
        missing=[_("a scheme with branches: {branch}, or absent: {branch}", branch=branch)],
        data=[],
    )

