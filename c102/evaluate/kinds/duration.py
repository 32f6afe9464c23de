"""How long benefit is paid and from when: waiting periods (Art 18(1), 24(3), 38) and minimum
durations (Art 12, 18, 24, 30, 45, 52, 58, 64) with their alternatives."""

from __future__ import annotations

from dataclasses import replace
from fractions import Fraction
from typing import Any

from c102.evaluate.benefit_formula import benefit_for
from c102.evaluate.context import Context
from c102.evaluate.gaps import amount_of, too_long, too_short
from c102.evaluate.kinds.base import Finding, by_answer, duration, not_given, src
from c102.evaluate.verdict import COMPLIANT, INSUFFICIENT_DATA, NOT_COMPLIANT, show, worst
from c102.i18n import _
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
            ctx,
            scheme,
            f"benefit.{part.branch}",
            _("no {benefit} is described.", benefit=label(part.branch, "benefits")),
        )
    fact = ctx.scheme_fact(scheme, "waiting_period", benefit, f"benefit.{part.branch}.")
    if fact is None:
        return not_given(
            ctx,
            scheme,
            f"benefit.{part.branch}.waiting_period",
            _("the waiting period is not described (write 'waiting_period: 0 days' where there is none)."),
        )
    value = fact.value.in_unit(limit.unit)
    if value <= Fraction(limit.amount):
        return Finding(
            COMPLIANT,
            _("{scheme}: waiting period {period}{source}, within {limit}.", scheme=scheme.name, period=_d(fact.value), source=src(fact), limit=_d(limit)),
            value=value,
            threshold=Fraction(limit.amount),
            unit=limit.unit,
        )
    return Finding(
        NOT_COMPLIANT,
        _("{scheme}: waiting period {period}{source} is longer than {limit}.", scheme=scheme.name, period=_d(fact.value), source=src(fact), limit=_d(limit)),
        value=value,
        threshold=Fraction(limit.amount),
        unit=limit.unit,
        gap=too_long(value, Fraction(limit.amount), limit.unit),
        remedy=_("pay benefit from day {day} at the latest", day=show(Fraction(limit.amount) + 1, 0)),
    )


def duration_min(ctx: Context, rule: Rule, scheme: Scheme, part: PartInfo | None) -> Finding:
    """Every benefit block of the branch is tested (Art 38: a time-limited pension for one
    sub-contingency fails whatever the order of the blocks); the worst finding decides."""
    assert part is not None and part.branch is not None
    blocks = _blocks(scheme, part.branch, rule.params.get("contingency"))
    if not blocks:
        return not_given(
            ctx,
            scheme,
            f"benefit.{part.branch}",
            _("no {benefit} is described.", benefit=label(part.branch, "benefits")),
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
        named = label(benefit.contingency.value, "contingencies") if benefit.contingency else label(benefit.branch, "branches")
        parts.append(found.explanation.replace(scheme.name, f"{scheme.name} ({named})", 1))
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
            _(
                "{scheme}: benefit is limited to {limit}{source}; it must be granted throughout the contingency.",
                scheme=scheme.name,
                limit=_d(limit.value),
                source=src(limit),
            ),
            remedy=_("remove the limit on the duration of benefit"),
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
                + " "
                + _("Whether the limit can be extended for diseases needing prolonged care is not given."),
                missing=[f"scheme.{ctx.slug(scheme)}.{prefix}extension_for_prolonged_care"],
            )
        if not extension.value:
            return Finding(
                NOT_COMPLIANT,
                found.explanation + " " + _("The limit cannot be extended for diseases needing prolonged care."),
                remedy=_("provide for extending the limit for prescribed diseases needing prolonged care"),
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
        _(
            "{scheme}: the first payment comes only after {wait}{source}; Art {article} asks that benefit be paid "
            "throughout the contingency, from its first day.",
            scheme=scheme.name,
            wait=_d(wait.value),
            source=src(wait),
            article=cited,
        ),
        value=wait.value.in_days(),
        threshold=Fraction(0),
        unit="days",
        gap=_("{days} of the contingency unpaid", days=amount_of(wait.value.in_days(), "days")),
        remedy=_("pay benefit from the first day of the contingency"),
    )


def _unlimited(ctx: Context, rule: Rule, scheme: Scheme, benefit: Any, prefix: str) -> Finding:
    """No limit is given: compliant only where the description says so, or where Art 58 applies."""
    throughout = ctx.scheme_fact(scheme, "throughout", benefit, prefix)
    if throughout is not None and throughout.value:
        return Finding(
            COMPLIANT, _("{scheme}: benefit is paid throughout the contingency.", scheme=scheme.name) + src(throughout)
        )
    for alt in rule.params.get("alternatives", []):
        if alt.get("until_old_age"):
            fact = ctx.scheme_fact(scheme, "until_old_age", benefit, prefix)
            if fact is not None and fact.value:
                return Finding(
                    COMPLIANT,
                    _until_old_age(scheme.name, src(fact), alt["id"]),
                    alternative=alt["id"],
                )
    where = f"{prefix}max_duration"
    return not_given(
        ctx,
        scheme,
        _("{path} (or throughout: yes)", path=where),
        _("how long benefit is paid is not described (write 'throughout: yes' where there is no limit)."),
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
                tried.append(
                    _(
                        "{alternative}: open to {classes}, and the persons protected are not stated",
                        alternative=alt_id,
                        classes=_classes(alt["counts"]),
                    )
                )
                unknown.append(f"scheme.{ctx.slug(scheme)}.protected")
            continue
        if alt.get("until_old_age"):
            fact = ctx.scheme_fact(scheme, "until_old_age", benefit, prefix)
            if fact is not None and fact.value:
                return Finding(
                    COMPLIANT,
                    _until_old_age(scheme.name, src(fact), alt_id),
                    alternative=alt_id,
                )
            tried.append(_("{alternative}: not paid until old age", alternative=alt_id))
            continue
        if "average" in alt:
            varies = ctx.scheme_fact(scheme, "duration_varies", benefit, prefix)
            average = ctx.scheme_fact(scheme, "average_duration", benefit, prefix)
            if varies is None or not varies.value:
                continue
            if average is None:
                tried.append(_("{alternative}: the average duration is not stated", alternative=alt_id))
                unknown.append(f"scheme.{ctx.slug(scheme)}.{prefix}average_duration")
                continue
            need = duration(alt["average"])
            value = average.value.in_unit(need.unit)
            if value >= Fraction(need.amount):
                text = _(
                    "{scheme}: the duration varies and its average is {average}{source}, at least {need} ({alternative}).",
                    scheme=scheme.name,
                    average=_d(average.value),
                    source=src(average),
                    need=_d(need),
                    alternative=alt_id,
                )
                return _reached(text, value, Fraction(need.amount), need.unit, alt_id)
            tried.append(
                _("{alternative}: average {average} below {need}", alternative=alt_id, average=_d(average.value), need=_d(need))
            )
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
                    _(
                        "{scheme}: {days} days paid, at least {times} times the {protected} persons protected ({alternative}).",
                        scheme=scheme.name,
                        days=show(days, 0),
                        times=alt["days_per_protected"],
                        protected=show(protected, 0),
                        alternative=alt_id,
                    ),
                    value=days,
                    threshold=need_days,
                    unit="days",
                    alternative=alt_id,
                )
            tried.append(
                _("{alternative}: {days} days paid, below {need}", alternative=alt_id, days=show(days, 0), need=show(need_days, 0))
            )
            continue
        need = duration(alt["min"])
        need_text = _d(need)
        needed = need.in_days()
        entitled = _entitlement(ctx, scheme, benefit, prefix, limit)
        if entitled is None:  # varies, and no shortest entitlement: the longest alone proves nothing
            tried.append(
                _(
                    "{alternative}: the duration varies with the record, and the longest entitlement ({limit}) does "
                    "not show that every case is paid {need}",
                    alternative=alt_id,
                    limit=_d(limit),
                    need=_d(need),
                )
            )
            if ctx.scheme_fact(scheme, "average_duration", benefit, prefix) is None:
                where = f"scheme.{ctx.slug(scheme)}.{prefix}average_duration"
                unknown.append(_("{path} (or min_duration)", path=where))
            continue
        if alt.get("national_leave"):
            leave = ctx.scheme_fact(scheme, "national_leave", benefit, prefix)
            if leave is not None and leave.value.in_days() > needed:
                needed, need_text = (
                    leave.value.in_days(),
                    _("{leave} (the longer leave national law sets{source})", leave=_d(leave.value), source=src(leave)),
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
            values = {"scheme": scheme.name, "need": need_text, "alternative": alt_id}
            if entitled is limit:
                text = _("{scheme}: benefit lasts up to {limit}, at least {need} ({alternative}).", limit=_d(limit), **values)
            else:
                text = _(
                    "{scheme}: benefit lasts at least {entitled} in every case, at least {need} ({alternative}).",
                    entitled=_d(entitled),
                    **values,
                )
            return _reached(text, value, threshold, need.unit, alt_id)
        tried.append(
            _("{alternative}: {value} below {need}", alternative=alt_id, value=amount_of(value, need.unit), need=need_text)
        )
        first_gap = first_gap or _short_of(
            value, threshold, need.unit, _("pay benefit for at least {need}", need=need_text)
        )
    text = _(
        "{scheme}: benefit limited to {limit}; {tried}.",
        scheme=scheme.name,
        limit=_d(limit),
        tried="; ".join(tried) if tried else _("no alternative applies"),
    )
    if unknown:
        why = (
            " " + _("Where the duration varies, the average duration is tested on its own (Art 24(2)).")
            if any("duration" in m for m in unknown)
            else ""
        )
        if not groups and any(m.endswith(".protected") for m in unknown):
            why += " " + _("Which limit the Convention allows depends on the class protected: add the persons protected.")
        return Finding(INSUFFICIENT_DATA, text + why, missing=list(dict.fromkeys(unknown)))
    if first_gap is None:
        return Finding(NOT_COMPLIANT, text)
    first_gap.explanation = text
    return first_gap


def _classes(counts: list[str]) -> str:
    """The classes a duration alternative is for, in words (``employees``, ``residents of small means``)."""
    return _(" or ").join(label(c, "bases") for c in counts)


def _entitlement(ctx: Context, scheme: Scheme, benefit: Any, prefix: str, limit: Duration) -> Duration | None:
    """The duration every case is paid: the limit, or where the duration varies with the
    contribution record (Art 24(2)) the shortest entitlement, which the limit does not show."""
    varies = ctx.scheme_fact(scheme, "duration_varies", benefit, prefix)
    if varies is None or not varies.value:
        return limit
    shortest = ctx.scheme_fact(scheme, "min_duration", benefit, prefix)
    return shortest.value if shortest is not None else None


def _d(length: Duration) -> str:
    """A duration in the active language: ``26 weeks``, ``26 semaines``, ``26 semanas``."""
    return amount_of(Fraction(length.amount), length.unit)


def _until_old_age(scheme: str, source: str, alternative: str) -> str:
    return _(
        "{scheme}: paid until an old-age benefit becomes payable{source} ({alternative}).",
        scheme=scheme,
        source=source,
        alternative=alternative,
    )


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
