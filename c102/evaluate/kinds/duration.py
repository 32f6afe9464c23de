"""How long benefit is paid and from when: waiting periods (Art 18(1), 24(3), 38) and minimum
durations (Art 12, 18, 24, 30, 45, 52, 58, 64) with their alternatives."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from c102.evaluate.context import Context
from c102.evaluate.gaps import too_long, too_short
from c102.evaluate.kinds.base import Finding, by_answer, duration, not_given, src
from c102.evaluate.part_xi import benefit_for
from c102.evaluate.verdict import COMPLIANT, INSUFFICIENT_DATA, NOT_COMPLIANT, show
from c102.labels import label
from c102.model.description import Scheme
from c102.model.values import Duration
from c102.rules.model import PartInfo, Rule


def waiting_period_max(ctx: Context, rule: Rule, scheme: Scheme, part: PartInfo | None) -> Finding:
    assert part is not None and part.branch is not None
    limit = duration(rule.params["max"])
    benefit = benefit_for(scheme, part.branch, rule.params.get("contingency"))
    if benefit is None:
        return not_given(
            ctx, scheme, f"benefit.{part.branch}", f"no {label(part.branch, 'branches')} benefit is described."
        )
    fact = ctx.scheme_fact(scheme, "waiting_period", benefit, f"benefit.{part.branch}.")
    if fact is None:
        return not_given(
            ctx,
            scheme,
            f"benefit.{part.branch}.waiting_period",
            "the waiting period is not described (write 'waiting_period: 0 days' where there is none).",
        )
    value = fact.value.in_unit(limit.unit)
    if value <= Fraction(limit.amount):
        return Finding(
            COMPLIANT,
            f"{scheme.name}: waiting period {fact.value}{src(fact)}, within {limit}.",
            value=value,
            threshold=Fraction(limit.amount),
            unit=limit.unit,
        )
    return Finding(
        NOT_COMPLIANT,
        f"{scheme.name}: waiting period {fact.value}{src(fact)} is longer than {limit}.",
        value=value,
        threshold=Fraction(limit.amount),
        unit=limit.unit,
        gap=too_long(value, Fraction(limit.amount), limit.unit),
        remedy=f"pay benefit from day {show(Fraction(limit.amount) + 1, 0)} at the latest",
    )


def duration_min(ctx: Context, rule: Rule, scheme: Scheme, part: PartInfo | None) -> Finding:
    assert part is not None and part.branch is not None
    params = rule.params
    benefit = benefit_for(scheme, part.branch, params.get("contingency"))
    if benefit is None:
        return not_given(
            ctx, scheme, f"benefit.{part.branch}", f"no {label(part.branch, 'branches')} benefit is described."
        )
    prefix = f"benefit.{part.branch}."
    limit = ctx.scheme_fact(scheme, "max_duration", benefit, prefix)
    if limit is None:
        found = _unlimited(ctx, rule, scheme, benefit, prefix)
    elif params.get("throughout") and not params.get("alternatives"):
        found = Finding(
            NOT_COMPLIANT,
            f"{scheme.name}: benefit is limited to {limit.value}{src(limit)}; it must be granted throughout the contingency.",
            remedy="remove the limit on the duration of benefit",
        )
    else:
        found = _alternatives(ctx, rule, scheme, benefit, limit.value, prefix)
    by_declaration = {a["id"] for a in params.get("alternatives", []) if a.get("requires_declaration")}
    if (
        found.verdict == COMPLIANT
        and params.get("extension_required")
        and limit is not None
        and found.alternative not in by_declaration
    ):
        extension = ctx.scheme_fact(scheme, "extension_for_prolonged_care", benefit, prefix)
        if extension is None:
            return Finding(
                INSUFFICIENT_DATA,
                found.explanation
                + " Whether the limit can be extended for diseases needing prolonged care is not given.",
                missing=[f"scheme.{ctx.slug(scheme)}.{prefix}extension_for_prolonged_care"],
            )
        if not extension.value:
            return Finding(
                NOT_COMPLIANT,
                found.explanation + " The limit cannot be extended for diseases needing prolonged care.",
                remedy="provide for extending the limit for prescribed diseases needing prolonged care",
            )
    if found.verdict == COMPLIANT and params.get("seasonal_question") and rule.question:
        return by_answer(ctx, rule, found.explanation)
    return found


def _unlimited(ctx: Context, rule: Rule, scheme: Scheme, benefit: Any, prefix: str) -> Finding:
    """No limit is given: compliant only where the description says so, or where Art 58 applies."""
    throughout = ctx.scheme_fact(scheme, "throughout", benefit, prefix)
    if throughout is not None and throughout.value:
        return Finding(
            COMPLIANT, f"{scheme.name}: benefit is paid throughout the contingency{src(throughout)}."
        )
    for alt in rule.params.get("alternatives", []):
        if alt.get("until_old_age"):
            fact = ctx.scheme_fact(scheme, "until_old_age", benefit, prefix)
            if fact is not None and fact.value:
                return Finding(
                    COMPLIANT,
                    f"{scheme.name}: paid until an old-age benefit becomes payable{src(fact)} ({alt['id']}).",
                    alternative=alt["id"],
                )
    return not_given(
        ctx,
        scheme,
        f"{prefix}max_duration (or throughout: yes)",
        "how long benefit is paid is not described (write 'throughout: yes' where there is no limit).",
    )


def _alternatives(
    ctx: Context, rule: Rule, scheme: Scheme, benefit: Any, limit: Duration, prefix: str
) -> Finding:
    bases = {g.basis.value for g in scheme.protected}
    tried: list[str] = []
    first_gap: Finding | None = None
    for alt in rule.params.get("alternatives", []):
        alt_id = alt["id"]
        if alt.get("requires_declaration") and ctx.declaration_invokes(alt["requires_declaration"]) is not True:
            continue
        if alt.get("counts") and not bases & set(alt["counts"]):
            continue
        if alt.get("until_old_age"):
            fact = ctx.scheme_fact(scheme, "until_old_age", benefit, prefix)
            if fact is not None and fact.value:
                return Finding(
                    COMPLIANT,
                    f"{scheme.name}: paid until an old-age benefit becomes payable{src(fact)} ({alt_id}).",
                    alternative=alt_id,
                )
            tried.append(f"{alt_id}: not paid until old age")
            continue
        if "average" in alt:
            varies = ctx.scheme_fact(scheme, "duration_varies", benefit, prefix)
            average = ctx.scheme_fact(scheme, "average_duration", benefit, prefix)
            if varies is None or not varies.value or average is None:
                continue
            need = duration(alt["average"])
            value = average.value.in_unit(need.unit)
            if value >= Fraction(need.amount):
                text = f"{scheme.name}: the duration varies and its average is {average.value}{src(average)}, at least {need} ({alt_id})."
                return _reached(text, value, Fraction(need.amount), need.unit, alt_id)
            tried.append(f"{alt_id}: average {average.value} below {need}")
            first_gap = first_gap or _short_of(value, Fraction(need.amount), need.unit)
            continue
        if "days_per_protected" in alt:
            days, protected = ctx.count("sickness_days_paid"), ctx.count("sickness_protected_average")
            if days is None or protected is None:
                continue
            need_days = Fraction(str(alt["days_per_protected"])) * protected
            if days >= need_days:
                return Finding(
                    COMPLIANT,
                    f"{scheme.name}: {show(days, 0)} days paid, at least {alt['days_per_protected']} times the {show(protected, 0)} persons protected ({alt_id}).",
                    value=days,
                    threshold=need_days,
                    unit="days",
                    alternative=alt_id,
                )
            tried.append(f"{alt_id}: {show(days, 0)} days paid, below {show(need_days, 0)}")
            continue
        need = duration(alt["min"])
        need_text = str(need)
        needed = need.in_days()
        if alt.get("national_leave"):
            leave = ctx.scheme_fact(scheme, "national_leave", benefit, prefix)
            if leave is not None and leave.value.in_days() > needed:
                needed, need_text = (
                    leave.value.in_days(),
                    f"{leave.value} (the longer leave national law sets{src(leave)})",
                )
        actual = limit.in_days()
        window = ctx.scheme_fact(scheme, "duration_window", benefit, prefix)
        if alt.get("within") and window is not None:
            # Put the national limit on the Convention's window: e.g. 13 weeks in 24 months -> 6.5 in 12.
            actual = (
                actual
                * duration(alt["within"]).in_days()
                / max(window.value.in_days(), duration(alt["within"]).in_days())
            )
        day_per_unit = need.in_days() / Fraction(need.amount)
        value, threshold = actual / day_per_unit, needed / day_per_unit
        if actual >= needed:
            text = f"{scheme.name}: benefit lasts up to {limit}, at least {need_text} ({alt_id})."
            return _reached(text, value, threshold, need.unit, alt_id)
        tried.append(f"{alt_id}: {show(value, 1)} {need.unit} below {need_text}")
        first_gap = first_gap or _short_of(
            value, threshold, need.unit, f"pay benefit for at least {need_text}"
        )
    text = (
        f"{scheme.name}: benefit limited to {limit}; "
        + ("; ".join(tried) if tried else "no alternative applies")
        + "."
    )
    if first_gap is None:
        return Finding(NOT_COMPLIANT, text)
    first_gap.explanation = text
    return first_gap


def _reached(text: str, value: Fraction, threshold: Fraction, unit: str, alternative: str) -> Finding:
    return Finding(COMPLIANT, text, value=value, threshold=threshold, unit=unit, alternative=alternative)


def _short_of(value: Fraction, threshold: Fraction, unit: str, remedy: str | None = None) -> Finding:
    """The gap of the first alternative that falls short; its explanation is set once all are tried."""
    return Finding(
        NOT_COMPLIANT,
        "",
        value=value,
        threshold=threshold,
        unit=unit,
        gap=too_short(value, threshold, unit),
        remedy=remedy,
    )
