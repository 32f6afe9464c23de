"""The benefit itself: periodical payments (Art 16, 22, 28, 36, 50, 56, 62), their level against
the Schedule to Part XI (Art 65-67), and commutation for a lump sum (Art 36(3))."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from c102.evaluate.context import Context
from c102.evaluate.gaps import percent_short
from c102.evaluate.kinds.base import Finding, by_answer, not_applicable, not_given, percent, src
from c102.evaluate.part_xi import Working, benefit_for, calculate, either_article, pcts, versus
from c102.evaluate.verdict import COMPLIANT, INSUFFICIENT_DATA, NOT_COMPLIANT, show, worst
from c102.labels import label
from c102.model.description import Benefit, Scheme
from c102.rules.model import PartInfo, Rule

PERIODIC = ("periodic", "periodic_and_in_kind")


def benefit_level(ctx: Context, rule: Rule, scheme: Scheme, part: PartInfo | None) -> Finding:
    assert part is not None and part.branch is not None
    years = rule.params.get("years")
    found: list[Finding] = []
    calculations = []
    for row_id in rule.params["rows"]:
        row = ctx.rulebook.schedule[row_id]
        contingency = row.contingency if row.contingency != part.branch else None
        benefit = benefit_for(scheme, part.branch, contingency)
        if benefit is not None and benefit.form is not None and benefit.form.value not in PERIODIC:
            # Part XI's percentages are those of a periodical payment (Art 65(1), 66(1)): a lump sum
            # has no level to test here; the Part's periodic-payment rule judges its form.
            found.append(
                not_applicable(
                    f"{label(row_id, 'schedule_rows', capital=True)}: the benefit is a "
                    f"{label(benefit.form.value, 'benefit_forms')}; Part XI's percentages apply to "
                    "periodical payments (Art 65(1), 66(1)), and its form is judged by the Part's "
                    "periodical-payment rule."
                )
            )
            continue
        beneficiary = ctx.rulebook.standard_beneficiaries[row.standard_beneficiary]
        required = percent(row.percent)
        counted = Fraction(years) if years else None
        working = calculate(ctx, scheme, row, beneficiary, part.branch, counted, required)
        also = ""
        if either_article(ctx, scheme, benefit):
            working, also = _either(ctx, scheme, row, beneficiary, part.branch, counted, required, working)
        calc = working.calculation
        if calc is None or calc.rate is None:
            found.append(
                Finding(
                    INSUFFICIENT_DATA,
                    f"{label(row_id, 'schedule_rows', capital=True)}: "
                    f"{working.problem or 'the calculation needs more facts'}.{also}",
                    missing=working.missing,
                )
            )
            continue
        calculations.append(calc)
        who = f"{beneficiary.label.lower()}, Art {calc.article}"
        if calc.rate < required and calc.article == "67" and rule.params.get("article_67_d"):
            excess = _article_67_d(ctx, scheme, benefit, rule.params["article_67_d"], part.branch)
            if excess is not None:
                found.append(excess)
                continue
        shown, needed = pcts(calc.rate, required)
        if calc.rate >= required:
            found.append(
                Finding(
                    COMPLIANT,
                    f"{label(row_id, 'schedule_rows', capital=True)} ({who}): {shown} reaches {needed}.{also}",
                    value=calc.rate,
                    threshold=required,
                    alternative=calc.article if also else None,
                )
            )
        else:
            found.append(
                Finding(
                    NOT_COMPLIANT,
                    f"{label(row_id, 'schedule_rows', capital=True)} ({who}): {shown} is below {needed}.{also}",
                    value=calc.rate,
                    threshold=required,
                    gap=percent_short(calc.rate, required),
                    remedy=working.remedy,
                )
            )
    verdict = worst([f.verdict for f in found])
    articles = {f.alternative for f in found if f.alternative}
    measured = [f for f in found if f.value is not None]
    lowest = min(measured, key=lambda f: (f.value or 0) - (f.threshold or 0)) if measured else None
    failing = [f for f in found if f.verdict == NOT_COMPLIANT and f.gap]
    return Finding(
        verdict,
        " ".join(f.explanation for f in found),
        value=lowest.value if lowest else None,
        threshold=lowest.threshold if lowest else None,
        unit="percent",
        gap="; ".join(f.gap for f in failing if f.gap) or None,
        remedy="; ".join(f.remedy for f in failing if f.remedy) or None,
        missing=sorted({m for f in found for m in f.missing}),
        alternative=articles.pop() if len(articles) == 1 and verdict == COMPLIANT else None,
        data=calculations,
    )


def _either(
    ctx: Context,
    scheme: Scheme,
    row: Any,
    beneficiary: Any,
    branch: str,
    years: Fraction | None,
    required: Fraction,
    under_65: Working,
) -> tuple[Working, str]:
    """Test an earnings-related benefit under Art 66 too, where Art 65 is not met or cannot be
    computed: the Parts ask that it comply with "either Article 65 or Article 66"."""
    first = under_65.calculation
    if first is not None and first.rate is not None and first.rate >= required:
        return under_65, " It meets Art 65."
    under_66 = calculate(ctx, scheme, row, beneficiary, branch, years, required, article="66")
    second = under_66.calculation
    met_66 = second is not None and second.rate is not None and second.rate >= required
    if met_66:
        why = (
            f"not Art 65 ({versus(first.rate, required, ' against ')})"
            if first is not None and first.rate is not None
            else "Art 65 cannot be computed"
        )
        return under_66, f" It meets Art 66 (the ordinary labourer's wage); {why}."
    if first is None or first.rate is None:  # Art 65 undecided and Art 66 not met: undecided
        if second is not None and second.rate is not None:
            return under_65, f" Under Art 66 it would be {versus(second.rate, required, ', below ')}."
        return under_65, ""
    if second is None or second.rate is None:  # Art 65 fails, Art 66 cannot be computed: undecided
        problem = f"Art 65 is not met ({versus(first.rate, required, ' against ')}) and Art 66 cannot be computed"
        return Working(None, under_66.missing, problem), ""
    return under_65, f" Under Art 66 it is {versus(second.rate, required, ', also below ')}."


def periodic_payment(ctx: Context, rule: Rule, scheme: Scheme, part: PartInfo | None) -> Finding:
    assert part is not None and part.branch is not None
    contingency = rule.params.get("contingency")
    benefit = benefit_for(scheme, part.branch, contingency)
    if benefit is None:
        return not_given(
            ctx, scheme, f"benefit.{part.branch}", f"no {label(part.branch, 'branches')} benefit is described."
        )
    form = ctx.scheme_fact(scheme, "form", benefit, f"benefit.{part.branch}.")
    if form is None:
        return not_given(ctx, scheme, f"benefit.{part.branch}.form", "the form of the benefit is not given.")
    allowed = rule.params.get("forms", PERIODIC)
    if form.value in allowed:
        what = (
            "a periodical payment" if form.value in PERIODIC else f"a benefit {form.value.replace('_', ' ')}"
        )
        return Finding(COMPLIANT, f"{scheme.name}: {what}{src(form)}.")
    if form.value == "lump_sum" and rule.params.get("lump_sum") == "review" and rule.question:
        # A contingency of a length the law fixes (maternity, Art 50, 52): whether one payment of
        # the earnings for that period stands in for the periodical payment is a judgment.
        return by_answer(
            ctx, rule, f"{scheme.name}: the benefit is paid as a lump sum{src(form)}, not as a periodical payment."
        )
    return Finding(
        NOT_COMPLIANT,
        f"{scheme.name}: the benefit is a {form.value.replace('_', ' ')}{src(form)}; the Convention asks for a periodical payment.",
        remedy="pay the benefit as a periodical payment (a pension or allowance) rather than a lump sum",
    )


def commutation(ctx: Context, rule: Rule, scheme: Scheme, part: PartInfo | None) -> Finding:
    assert part is not None and part.branch is not None
    grounds = []
    for benefit in scheme.benefit:
        if benefit.branch != part.branch:
            continue
        fact = ctx.scheme_fact(scheme, "commutation", benefit, f"benefit.{part.branch}.")
        if fact is not None:
            grounds.append((fact.value, fact))
    if not grounds:
        return not_applicable(f"{scheme.name}: periodical payments are not commuted for a lump sum.")
    permitted = rule.params.get("permitted", [])
    other = [g for g, _ in grounds if g not in permitted]
    if other:
        return Finding(
            NOT_COMPLIANT,
            f"{scheme.name}: commutation on a ground Art 36(3) does not allow: {', '.join(other)}.",
        )
    if any(g == "slight_incapacity" for g, _ in grounds) and rule.question:
        return by_answer(
            ctx, rule, f"{scheme.name}: payments may be commuted where the incapacity is slight."
        )
    return Finding(
        COMPLIANT,
        f"{scheme.name}: commutation only on a ground Art 36(3) allows ({', '.join(g for g, _ in grounds)}).",
    )


def _article_67_d(
    ctx: Context, scheme: Scheme, benefit: Benefit | None, spec: dict[str, Any], branch: str
) -> Finding | None:
    """Art 67(d): a means-tested scheme whose total spending exceeds by the set margin what
    Art 66 benefits to the classes of the named alternative would cost is deemed to meet 67(c)."""
    if benefit is None:
        return None
    prefix = f"benefit.{branch}."
    paid = ctx.scheme_fact(scheme, "total_paid", benefit, prefix)
    reference = ctx.scheme_fact(scheme, "reference_total", benefit, prefix)
    if paid is None or reference is None:
        return None
    factor = 1 + percent(spec["excess_percent"])
    needed = reference.value.per_month() * factor
    total = paid.value.per_month()
    ratio = total / reference.value.per_month() if reference.value.amount else None
    text = (
        f"Art 67(d): {show(total * 12, 0)} paid a year against {show(needed * 12, 0)} "
        f"({spec['excess_percent']}% above what Art 66 benefits under {spec['alternative']} would cost{src(reference)})"
    )
    if total >= needed:
        return Finding(
            COMPLIANT, text + ": reached.", value=ratio, threshold=factor, unit="ratio", alternative="67(d)"
        )
    return None
