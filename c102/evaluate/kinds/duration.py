"""How long benefit is paid and from when: waiting periods (Art 18(1), 24(3), 38) and minimum
durations (Art 12, 18, 24, 30, 45, 52, 58, 64) with their alternatives."""

from __future__ import annotations

from dataclasses import replace
from fractions import Fraction
from typing import Any

from c102.evaluate.context import Context
from c102.evaluate.gaps import too_long, too_short
from c102.evaluate.kinds.base import Finding, by_answer, duration, not_given, src
from c102.evaluate.part_xi import benefit_for
from c102.evaluate.verdict import COMPLIANT, INSUFFICIENT_DATA, NOT_COMPLIANT, show, worst
from c102.labels import label
from c102.model.description import Benefit, Scheme
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
    """Every benefit block of the branch is tested (Art 38: a time-limited pension for one
    sub-contingency fails whatever the order of the blocks); the worst finding decides."""
    assert part is not None and part.branch is not None
    blocks = _blocks(scheme, part.branch, rule.params.get("contingency"))
    if not blocks:
        return not_given(
            ctx, scheme, f"benefit.{part.branch}", f"no {label(part.branch, 'branches')} benefit is described."
        )
    findings = [_one_block(ctx, rule, scheme, part.branch, benefit) for benefit in blocks]
    if len(findings) == 1:
        return findings[0]
    return _combined(scheme, blocks, findings)


def _blocks(scheme: Scheme, branch: str, contingency: str | None) -> list[Benefit]:
    """The benefit blocks a duration rule judges: the one for a named sub-contingency, else every
    block of the branch except lump sums (which have no duration)."""
    if contingency is not None:
        found = benefit_for(scheme, branch, contingency)
        return [found] if found is not None else []
    blocks = [b for b in scheme.benefit if b.branch == branch]
    periodic = [b for b in blocks if b.form is None or b.form.value != "lump_sum"]
    return periodic or blocks[:1]


def _combined(scheme: Scheme, blocks: list[Benefit], findings: list[Finding]) -> Finding:
    """One finding for several blocks: the worst verdict, its figures, every block's reason."""
    verdict = worst([f.verdict for f in findings])
    decisive = next(f for f in findings if f.verdict == verdict)
    parts = []
    for benefit, found in zip(blocks, findings, strict=True):
        named = benefit.contingency.value.replace("_", " ") if benefit.contingency else benefit.branch.replace("_", " ")
        parts.append(found.explanation.replace(f"{scheme.name}:", f"{scheme.name} ({named}):", 1))
    missing = [m for f in findings for m in f.missing]
    return replace(decisive, explanation=" ".join(parts), missing=list(dict.fromkeys(missing)))


def _one_block(ctx: Context, rule: Rule, scheme: Scheme, branch: str, benefit: Benefit) -> Finding:
    params = rule.params
    prefix = f"benefit.{branch}."
    delayed = _delay(ctx, rule, scheme, benefit, prefix)
    if delayed is not None:
        return delayed
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


def _delay(ctx: Context, rule: Rule, scheme: Scheme, benefit: Benefit, prefix: str) -> Finding | None:
    """A stated delay before the first payment where the Convention asks that benefit be paid
    throughout the contingency (Art 12, 30, 38, 45, 52, 58, 64): the first days go unpaid, a gap.
    Where the Part allows a waiting period (Art 38 for incapacity), its own rule tests it."""
    if not rule.params.get("no_delay"):
        return None
    allowed = rule.params.get("delay_allowed_in", [])
    contingency = benefit.contingency.value if benefit.contingency is not None else None
    if allowed and (contingency is None or contingency in allowed):
        return None
    wait = ctx.scheme_fact(scheme, "waiting_period", benefit, prefix)
    if wait is None or wait.value.in_days() <= 0:
        return None
    cited = ", ".join(rule.articles[:1])
    return Finding(
        NOT_COMPLIANT,
        f"{scheme.name}: the first payment comes only after {wait.value}{src(wait)}; Art {cited} asks that "
        "benefit be paid throughout the contingency, from its first day.",
        value=wait.value.in_days(),
        threshold=Fraction(0),
        unit="days",
        gap=f"{show(wait.value.in_days(), 0)} days of the contingency unpaid",
        remedy="pay benefit from the first day of the contingency",
    )


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
    groups = [g for g in scheme.protected if g.branches is None or benefit.branch in g.branches.value]
    bases = {g.basis.value for g in groups}
    tried: list[str] = []
    unknown: list[str] = []  # facts that would open an untested route (Art 24(2), a class not stated)
    first_gap: Finding | None = None
    for alt in rule.params.get("alternatives", []):
        alt_id = alt["id"]
        if alt.get("requires_declaration") and ctx.declaration_invokes(alt["requires_declaration"]) is not True:
            continue
        if alt.get("counts") and not bases & set(alt["counts"]):
            if not groups:  # unknown is not none: the class the alternative is for may be the scheme's
                tried.append(f"{alt_id}: open to {_classes(alt['counts'])}, and the persons protected are not stated")
                unknown.append(f"scheme.{ctx.slug(scheme)}.protected")
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
            if varies is None or not varies.value:
                continue
            if average is None:
                tried.append(f"{alt_id}: the average duration is not stated")
                unknown.append(f"scheme.{ctx.slug(scheme)}.{prefix}average_duration")
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
        entitled = _entitlement(ctx, scheme, benefit, prefix, limit)
        if entitled is None:  # varies, and no shortest entitlement: the longest alone proves nothing
            tried.append(
                f"{alt_id}: the duration varies with the record, and the longest entitlement ({limit}) "
                f"does not show that every case is paid {need}"
            )
            if ctx.scheme_fact(scheme, "average_duration", benefit, prefix) is None:
                unknown.append(f"scheme.{ctx.slug(scheme)}.{prefix}average_duration (or min_duration)")
            continue
        if alt.get("national_leave"):
            leave = ctx.scheme_fact(scheme, "national_leave", benefit, prefix)
            if leave is not None and leave.value.in_days() > needed:
                needed, need_text = (
                    leave.value.in_days(),
                    f"{leave.value} (the longer leave national law sets{src(leave)})",
                )
        actual = entitled.in_days()
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
            lasts = f"up to {limit}" if entitled is limit else f"at least {entitled} in every case"
            text = f"{scheme.name}: benefit lasts {lasts}, at least {need_text} ({alt_id})."
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
    if unknown:
        why = (
            " Where the duration varies, the average duration is tested on its own (Art 24(2))."
            if any("duration" in m for m in unknown)
            else ""
        )
        if not groups and any(m.endswith(".protected") for m in unknown):
            why += " Which limit the Convention allows depends on the class protected: add the persons protected."
        return Finding(INSUFFICIENT_DATA, text + why, missing=list(dict.fromkeys(unknown)))
    if first_gap is None:
        return Finding(NOT_COMPLIANT, text)
    first_gap.explanation = text
    return first_gap


def _classes(counts: list[str]) -> str:
    """The classes a duration alternative is for, in words (``employees``, ``residents of small means``)."""
    words = {"means_tested_residents": "residents of small means", "industrial_employees": "industrial employees"}
    return " or ".join(words.get(c, c.replace("_", " ")) for c in counts)


def _entitlement(ctx: Context, scheme: Scheme, benefit: Any, prefix: str, limit: Duration) -> Duration | None:
    """The duration every case is paid: the limit, or where the duration varies with the
    contribution record (Art 24(2)) the shortest entitlement, which the limit does not show."""
    varies = ctx.scheme_fact(scheme, "duration_varies", benefit, prefix)
    if varies is None or not varies.value:
        return limit
    shortest = ctx.scheme_fact(scheme, "min_duration", benefit, prefix)
    return shortest.value if shortest is not None else None


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
