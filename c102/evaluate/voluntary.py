"""Article 6: when protection by insurance the law does not make compulsory may be counted.

Art 6 is a permission. A Member may take such insurance into account for Parts II, III, IV, V,
VIII (as to medical care only), IX and X, never for Part VI, VII or the cash benefit of Part VIII,
and only where the insurance is publicly supervised or jointly run to prescribed standards (6(a)),
reaches a substantial part of the persons earning up to the skilled wage (6(b)) and, with other
protection, meets the Convention (6(c)). The Parts and the conditions are the rulebook's (the Art 6
rule of Part I); a description relies on it with the choice ``voluntary_insurance_counts`` and the
specialist answers the conditions in ``answers { "I-6-voluntary-insurance": yes }``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from c102.i18n import N_, _
from c102.model.values import BRANCH_PART

if TYPE_CHECKING:
    from c102.evaluate.context import Context
    from c102.model.description import Scheme
    from c102.rules.model import Rule

Status = Literal["counts", "pending", "refused", "outside", "not_relied_on"]

# Rule kinds about medical care: where a Part counts voluntary insurance for medical care only
# (Art 6, Part VIII), these are the rules its schemes are judged by; the cash rules skip them.
MEDICAL_CARE_KINDS = ("medical_care_items", "cost_sharing")


def is_voluntary(scheme: Scheme) -> bool:
    return scheme.kind.value == "voluntary_insurance"


def article_6_rule(ctx: Context) -> Rule | None:
    """The rulebook's Art 6 rule (kind ``voluntary_insurance``), if it has one."""
    return next((r for r in ctx.rulebook.rules if r.kind == "voluntary_insurance"), None)


def status(ctx: Context, branch: str) -> Status:
    """Whether voluntary insurance counts for the Part protecting ``branch``, and if not, why."""
    if not ctx.choice("voluntary_insurance_counts"):
        return "not_relied_on"
    rule = article_6_rule(ctx)
    if rule is None:  # a rulebook without Art 6: the choice alone decides
        return "counts"
    if BRANCH_PART.get(branch) not in rule.params.get("parts", []):
        return "outside"
    answer = ctx.answer(rule)
    if answer is None:
        return "pending"
    yes = answer.value is True or str(answer.value).lower() in ("yes", "true")
    return "counts" if yes else "refused"


def medical_care_only(ctx: Context, branch: str) -> bool:
    """Whether the Part protecting ``branch`` counts voluntary insurance for medical care only."""
    rule = article_6_rule(ctx)
    return rule is not None and BRANCH_PART.get(branch) in rule.params.get("medical_care_only", [])


def question(rule: Rule) -> str:
    """The Art 6 conditions as one question, each with its sub-paragraph."""
    conditions = rule.params.get("conditions", {})
    return " ".join(f"{k}: {q}" for k, q in conditions.items()) or rule.question or ""


def pending_schemes(ctx: Context, branch: str) -> list[Scheme]:
    """Voluntary schemes that would count for the branch once the Art 6 conditions are answered."""
    if status(ctx, branch) != "pending" or medical_care_only(ctx, branch):
        return []
    return [s for s in ctx.description.schemes_for(branch) if is_voluntary(s)]


def left_out(ctx: Context, branch: str) -> str:
    """Why voluntary schemes serving the branch are not counted, for the coverage explanation."""
    schemes = [s for s in ctx.description.schemes_for(branch) if is_voluntary(s)]
    why = {
        "outside": N_("Art 6 does not let voluntary insurance count for this Part"),
        "pending": N_("the conditions of Art 6 are not answered"),
        "refused": N_("the specialist answered that the conditions of Art 6 are not met"),
    }.get(status(ctx, branch))
    if not schemes or why is None:
        return ""
    return " " + _(
        "Not counted: {schemes} (voluntary insurance), as {reason}.",
        schemes=", ".join(s.name for s in schemes),
        reason=_(why),
    )
