"""Article 6: when protection by insurance the law does not make compulsory may be counted.

Art 6 is a permission. A Member may take such insurance into account for Parts II, III, IV, V,
VIII (as to medical care only), IX and X, never for Part VI, VII or the cash benefit of Part VIII,
and only where the insurance is publicly supervised or jointly run to prescribed standards (6(a)),
reaches a substantial part of the persons earning up to the skilled wage (6(b)) and, with other
protection, meets the Convention (6(c)). The Parts and the conditions are the rulebook's (the Art 6
rule of Part I); a description relies on it with the choice ``voluntary_insurance_counts`` and the
specialist answers each condition on its own, ``answers { "I-6-voluntary-insurance.6(a)": yes }``
(one answer per sub-paragraph, so a verdict can say which condition fails or is unanswered). The
single answer ``"I-6-voluntary-insurance": yes`` of earlier descriptions is still read, as
answering the three conditions alike, and ``c102 check`` warns at it (``readings``).
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
    answers = conditions(ctx, rule)
    if any(a is False for a in answers.values()):
        return "refused"
    if answers and all(a is True for a in answers.values()):
        return "counts"
    return "pending"


def is_yes(value: object) -> bool:
    return value is True or str(value).lower() in ("yes", "true")


def answer_key(rule: Rule, condition: str) -> str:
    """The ``answers`` key of one condition: ``I-6-voluntary-insurance.6(a)``."""
    return f"{rule.id}.{condition}"


def conditions(ctx: Context, rule: Rule) -> dict[str, bool | None]:
    """Each condition of Art 6 with its answer: True (yes), False (no) or None (unanswered).

    A condition answered on its own wins; where none is, the single answer of earlier descriptions
    (``"I-6-voluntary-insurance": yes``) answers all three alike. A rulebook without named
    conditions has one, keyed by the rule id."""
    names = list(rule.params.get("conditions", {})) or [rule.id]
    own = {n: ctx.named_answer(rule, answer_key(rule, n)) for n in names if n != rule.id}
    single = ctx.answer(rule) if not any(own.values()) else None
    out: dict[str, bool | None] = {}
    for name in names:
        fact = own.get(name) or single
        out[name] = None if fact is None else is_yes(fact.value)
    return out


def unanswered(ctx: Context, rule: Rule) -> list[str]:
    return [n for n, a in conditions(ctx, rule).items() if a is None]


def refused(ctx: Context, rule: Rule) -> list[str]:
    return [n for n, a in conditions(ctx, rule).items() if a is False]


def medical_care_only(ctx: Context, branch: str) -> bool:
    """Whether the Part protecting ``branch`` counts voluntary insurance for medical care only."""
    rule = article_6_rule(ctx)
    return rule is not None and BRANCH_PART.get(branch) in rule.params.get("medical_care_only", [])


def question(rule: Rule, ctx: Context | None = None) -> str:
    """The Art 6 conditions still to answer (all of them without ``ctx``), each with its
    sub-paragraph and the ``answers`` key that answers it."""
    from c102.i18n.rulebook import rule_condition

    asked = rule.params.get("conditions", {})
    if ctx is not None:
        open_ = set(unanswered(ctx, rule))
        asked = {k: q for k, q in asked.items() if k in open_}
    return " ".join(
        f'{k}: {rule_condition(rule.id, k, " ".join(str(q).split()))} (answers "{answer_key(rule, k)}")'
        for k, q in asked.items()
    ) or rule.question or ""


def pending_schemes(ctx: Context, branch: str) -> list[Scheme]:
    """Voluntary schemes that would count for the branch once the Art 6 conditions are answered."""
    if status(ctx, branch) != "pending" or medical_care_only(ctx, branch):
        return []
    return [s for s in ctx.description.schemes_for(branch) if is_voluntary(s)]


def left_out(ctx: Context, branch: str) -> str:
    """Why voluntary schemes serving the branch are not counted, for the coverage explanation."""
    schemes = [s for s in ctx.description.schemes_for(branch) if is_voluntary(s)]
    state = status(ctx, branch)
    why = {
        "outside": N_("Art 6 does not let voluntary insurance count for this Part"),
        "pending": N_("the conditions of Art 6 are not answered"),
        "refused": N_("the conditions of Art 6 are not met"),
    }.get(state)
    if not schemes or why is None:
        return ""
    reason = _(why) + (" " + _failing(ctx) if state == "refused" else "")
    return " " + _(
        "Not counted: {schemes} (voluntary insurance), as {reason}.",
        schemes=", ".join(s.name for s in schemes),
        reason=reason,
    )


def _failing(ctx: Context) -> str:
    rule = article_6_rule(ctx)
    failed = refused(ctx, rule) if rule is not None else []
    named = [n for n in failed if rule is not None and n != rule.id]
    if named:
        return _("({conditions} answered no by the specialist)", conditions=", ".join(named))
    return _("(answered no by the specialist)")
