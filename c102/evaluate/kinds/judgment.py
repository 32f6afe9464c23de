"""Requirements the data cannot settle: the engine asks the specialist's question, and the rule
is settled only by an answer recorded, with its source, in the description."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from c102.evaluate.context import Context
from c102.evaluate.kinds.base import Finding, by_answer, not_applicable
from c102.evaluate.kinds.qualifying import periods_for, periods_unknown
from c102.i18n import N_, _
from c102.model.description import Benefit, Scheme
from c102.rules.model import PartInfo, Rule


def _has_qualifying_period(ctx: Context, scheme: Scheme, branch: str | None) -> bool:
    return bool(branch and periods_for(ctx, scheme, branch))


def _has_slight_commutation(ctx: Context, scheme: Scheme, branch: str | None) -> bool:
    return any(
        b.commutation is not None and b.commutation.value == "slight_incapacity" for b in scheme.benefit
    )


def _has_earnings_test(ctx: Context, scheme: Scheme, branch: str | None) -> bool:
    fact = ctx.scheme_fact(scheme, "earnings_test")
    return bool(fact and fact.value)


def _has_restricted_equal_treatment(ctx: Context, scheme: Scheme, branch: str | None) -> bool:
    fact = ctx.scheme_fact(scheme, "equal_treatment")
    return bool(fact and fact.value != "equal")


def _has_partial_incapacity(ctx: Context, scheme: Scheme, branch: str | None) -> bool:
    return any(
        b.contingency is not None and b.contingency.value == "partial_invalidity" for b in scheme.benefit
    ) or bool(scheme.contingencies and "partial_invalidity" in scheme.contingencies.value)


def _has_voluntary(ctx: Context, scheme: Scheme, branch: str | None) -> bool:
    return scheme.kind.value == "voluntary_insurance"


def _always(ctx: Context, scheme: Scheme, branch: str | None) -> bool:
    return True


def _branch_benefits(scheme: Scheme, branch: str | None) -> list[Benefit]:
    return [b for b in scheme.benefit if branch is None or b.branch == branch]


def _has_duration_limit(ctx: Context, scheme: Scheme, branch: str | None) -> bool:
    return any(b.max_duration is not None for b in _branch_benefits(scheme, branch))


def _has_means_tested(ctx: Context, scheme: Scheme, branch: str | None) -> bool:
    return scheme.kind.value == "means_tested" or any(
        b.assessed_under is not None and str(b.assessed_under.value) == "67"
        for b in _branch_benefits(scheme, branch)
    )


def _has_yearly_average(ctx: Context, scheme: Scheme, branch: str | None) -> bool:
    return (
        any(
            p.yearly_average_contributions is not None and p.yearly_average_contributions.value
            for p, *_ in periods_for(ctx, scheme, branch or "")
        )
        if branch
        else False
    )


def _has_seasonal(ctx: Context, scheme: Scheme, branch: str | None) -> bool:
    return any(
        b.seasonal_adaptation is not None and b.seasonal_adaptation.value
        for b in _branch_benefits(scheme, branch)
    )


PREDICATES: dict[str, Callable[[Context, Scheme, str | None], bool]] = {
    "always": _always,
    "has_qualifying_period": _has_qualifying_period,
    "has_commutation_for_slight_incapacity": _has_slight_commutation,
    "has_earnings_test": _has_earnings_test,
    "has_restricted_equal_treatment": _has_restricted_equal_treatment,
    "has_partial_incapacity_benefit": _has_partial_incapacity,
    "has_voluntary_insurance": _has_voluntary,
    "has_duration_limit": _has_duration_limit,
    "has_means_tested_benefit": _has_means_tested,
    "has_yearly_average_contributions": _has_yearly_average,
    "has_seasonal_adaptation": _has_seasonal,
}

# Each situation as a sentence after the scheme's name, and as a clause after "does not say that".
SITUATIONS = {
    "always": ("", ""),
    "has_qualifying_period": (N_("a qualifying period is required."), N_("a qualifying period is required")),
    "has_commutation_for_slight_incapacity": (
        N_("payments may be commuted for slight incapacity."),
        N_("payments may be commuted for slight incapacity"),
    ),
    "has_earnings_test": (
        N_("the benefit is suspended or reduced for earnings."),
        N_("the benefit is suspended or reduced for earnings"),
    ),
    "has_restricted_equal_treatment": (
        N_("non-nationals do not have fully equal rights."),
        N_("non-nationals do not have fully equal rights"),
    ),
    "has_partial_incapacity_benefit": (
        N_("partial loss of earning capacity is compensated."),
        N_("partial loss of earning capacity is compensated"),
    ),
    "has_voluntary_insurance": (N_("voluntary insurance is relied on."), N_("voluntary insurance is relied on")),
    "has_duration_limit": (N_("the duration of benefit is limited."), N_("the duration of benefit is limited")),
    "has_means_tested_benefit": (N_("the benefit is means-tested."), N_("the benefit is means-tested")),
    "has_yearly_average_contributions": (
        N_("a yearly average number of contributions is required."),
        N_("a yearly average number of contributions is required"),
    ),
    "has_seasonal_adaptation": (
        N_("benefit is adapted for seasonal workers."),
        N_("benefit is adapted for seasonal workers"),
    ),
}


def _situation(when: str, clause: bool = False) -> str:
    text = SITUATIONS[when][1 if clause else 0]
    return _(text) if text else ""


def judgment(ctx: Context, rule: Rule, scheme: Scheme, part: PartInfo | None) -> Finding:
    when = rule.params.get("when", "always")
    if when == "has_qualifying_period" and part is not None and part.branch:
        unknown = periods_unknown(ctx, scheme, part.branch)
        if unknown is not None:
            return unknown
    if not PREDICATES[when](ctx, scheme, part.branch if part else None):
        return not_applicable(
            _(
                "{scheme}: the description does not say that {situation}; if the law does, describe it and the "
                "question will be asked.",
                scheme=scheme.name,
                situation=_situation(when, clause=True) or when,
            )
        )
    return by_answer(ctx, rule, f"{scheme.name}: {_situation(when)}".strip())


def judgment_country(ctx: Context, rule: Rule, inputs: list[Any]) -> Finding:
    when = rule.params.get("when", "always")
    if when != "always":
        branch = ctx.rulebook.parts[rule.part].branch
        if not any(PREDICATES[when](ctx, s, branch) for s in ctx.description.scheme):
            return not_applicable(_("No scheme: {situation}.", situation=_situation(when, clause=True)))
    situation = _situation(when)
    return by_answer(ctx, rule, situation[:1].upper() + situation[1:])
