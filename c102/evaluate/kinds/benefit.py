"""The benefit itself: periodical payments (Art 16, 22, 28, 36, 50, 56, 62), their level against
the Schedule to Part XI (Art 65-67), and commutation for a lump sum (Art 36(3))."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from c102.evaluate.amounts import pcts
from c102.evaluate.benefit_formula import benefit_for, either_article
from c102.evaluate.context import Context
from c102.evaluate.gaps import percent_short
from c102.evaluate.kinds.base import Finding, by_answer, not_applicable, not_given, percent, src
from c102.evaluate.part_xi import Working, calculate
from c102.evaluate.verdict import COMPLIANT, INSUFFICIENT_DATA, NOT_COMPLIANT, show, worst
from c102.i18n import _
from c102.i18n.numbers import percent as percent_text
from c102.i18n.rulebook import beneficiary_label
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
                    _(
                        "{row}: the benefit is a {form}; Part XI's percentages apply to periodical payments "
                        "(Art 65(1), 66(1)), and its form is judged by the Part's periodical-payment rule.",
                        row=label(row_id, "schedule_rows", capital=True),
                        form=label(benefit.form.value, "benefit_forms"),
                    )
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
                    _(
                        "{row}: {problem}.",
                        row=label(row_id, "schedule_rows", capital=True),
                        problem=working.problem or _("the calculation needs more facts"),
                    )
                    + also,
                    missing=working.missing,
                )
            )
            continue
        calculations.append(calc)
        shown_beneficiary = beneficiary_label(beneficiary.id, beneficiary.label)
        who = _(
            "{beneficiary}, Art {article}",
            beneficiary=shown_beneficiary[:1].lower() + shown_beneficiary[1:],
            article=calc.article,
        )
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
                    _(
                        "{row} ({who}): {rate} reaches {required}.",
                        row=label(row_id, "schedule_rows", capital=True),
                        who=who,
                        rate=shown,
                        required=needed,
                    )
                    + also,
                    value=calc.rate,
                    threshold=required,
                    alternative=calc.article if also else None,
                )
            )
        else:
            found.append(
                Finding(
                    NOT_COMPLIANT,
                    _(
                        "{row} ({who}): {rate} is below {required}.",
                        row=label(row_id, "schedule_rows", capital=True),
                        who=who,
                        rate=shown,
                        required=needed,
                    )
                    + also,
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
        return under_65, " " + _("It meets Art 65.")
    under_66 = calculate(ctx, scheme, row, beneficiary, branch, years, required, article="66")
    second = under_66.calculation
    met_66 = second is not None and second.rate is not None and second.rate >= required
    if met_66:
        if first is not None and first.rate is not None:
            rate, needed = pcts(first.rate, required)
            return under_66, " " + _(
                "It meets Art 66 (the ordinary labourer's wage); not Art 65 ({rate} against {required}).",
                rate=rate,
                required=needed,
            )
        return under_66, " " + _("It meets Art 66 (the ordinary labourer's wage); Art 65 cannot be computed.")
    if first is None or first.rate is None:  # Art 65 undecided and Art 66 not met: undecided
        if second is not None and second.rate is not None:
            rate, needed = pcts(second.rate, required)
            return under_65, " " + _("Under Art 66 it would be {rate}, below {required}.", rate=rate, required=needed)
        return under_65, ""
    if second is None or second.rate is None:  # Art 65 fails, Art 66 cannot be computed: undecided
        rate, needed = pcts(first.rate, required)
        problem = _(
            "Art 65 is not met ({rate} against {required}) and Art 66 cannot be computed", rate=rate, required=needed
        )
        return Working(None, under_66.missing, problem), ""
    rate, needed = pcts(second.rate, required)
    return under_65, " " + _("Under Art 66 it is {rate}, also below {required}.", rate=rate, required=needed)


def periodic_payment(ctx: Context, rule: Rule, scheme: Scheme, part: PartInfo | None) -> Finding:
    assert part is not None and part.branch is not None
    contingency = rule.params.get("contingency")
    benefit = benefit_for(scheme, part.branch, contingency)
    if benefit is None:
        return not_given(
            ctx,
            scheme,
            f"benefit.{part.branch}",
            _("no {benefit} is described.", benefit=label(part.branch, "benefits")),
        )
    form = ctx.scheme_fact(scheme, "form", benefit, f"benefit.{part.branch}.")
    if form is None:
        return not_given(ctx, scheme, f"benefit.{part.branch}.form", _("the form of the benefit is not given."))
    allowed = rule.params.get("forms", PERIODIC)
    if form.value in allowed:
        if form.value in PERIODIC:
            return Finding(COMPLIANT, _("{scheme}: a periodical payment.", scheme=scheme.name) + src(form))
        return Finding(
            COMPLIANT, _("{scheme}: {form}.", scheme=scheme.name, form=label(form.value, "benefit_forms")) + src(form)
        )
    if form.value == "lump_sum" and rule.params.get("lump_sum") == "review" and rule.question:
        # A contingency of a length the law fixes (maternity, Art 50, 52): whether one payment of
        # the earnings for that period stands in for the periodical payment is a judgment.
        return by_answer(
            ctx,
            rule,
            _("{scheme}: the benefit is paid as a lump sum{source}, not as a periodical payment.", scheme=scheme.name, source=src(form)),
        )
    return Finding(
        NOT_COMPLIANT,
        _(
            "{scheme}: the benefit is a {form}{source}; the Convention asks for a periodical payment.",
            scheme=scheme.name,
            form=label(form.value, "benefit_forms"),
            source=src(form),
        ),
        remedy=_("pay the benefit as a periodical payment (a pension or allowance) rather than a lump sum"),
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
        return not_applicable(_("{scheme}: periodical payments are not commuted for a lump sum.", scheme=scheme.name))
    permitted = rule.params.get("permitted", [])
    other = [g for g, _fact in grounds if g not in permitted]
    if other:
        return Finding(
            NOT_COMPLIANT,
            _("{scheme}: commutation on a ground Art 36(3) does not allow: {grounds}.", scheme=scheme.name, grounds=", ".join(other)),
        )
    if any(g == "slight_incapacity" for g, _fact in grounds) and rule.question:
        return by_answer(
            ctx, rule, _("{scheme}: payments may be commuted where the incapacity is slight.", scheme=scheme.name)
        )
    return Finding(
        COMPLIANT,
        _(
            "{scheme}: commutation only on a ground Art 36(3) allows ({grounds}).",
            scheme=scheme.name,
            grounds=", ".join(g for g, _fact in grounds),
        ),
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
    excess = Fraction(str(spec["excess_percent"]))
    needed = reference.value.per_month() * factor
    total = paid.value.per_month()
    ratio = total / reference.value.per_month() if reference.value.amount else None
    text = _(
        "Art 67(d): {paid} paid a year against {needed} ({excess} above what Art 66 benefits under {alternative} "
        "would cost{source}): reached.",
        paid=show(total * 12, 0),
        needed=show(needed * 12, 0),
        excess=percent_text(excess, 0 if excess.denominator == 1 else 2),
        alternative=spec["alternative"],
        source=src(reference),
    )
    if total >= needed:
        return Finding(
            COMPLIANT, text, value=ratio, threshold=factor, unit="ratio", alternative="67(d)"
        )
    return None
