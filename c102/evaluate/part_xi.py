"""Part XI: the periodical payment of the standard beneficiary against the Schedule.

Art 65(1)/66(1): (benefit + family allowances) / (reference wage + the same family allowances)
must reach the Schedule's percentage. The reference is the skilled manual male employee's wage
for earnings-related benefits (Art 65), the ordinary adult male labourer's for flat-rate ones
(Art 66) and for means-tested ones (Art 67(c)). All amounts go on a monthly basis (Art 65(4),
66(2)). A ceiling on insurable earnings is tested where it bites: at the skilled wage (65(3)).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

from c102.evaluate.amounts import cited, law_percent, money, pcts
from c102.evaluate.assessment import BenefitCalculation
from c102.evaluate.benefit_formula import accrues, article_of, benefit_for, percent_of_earnings
from c102.evaluate.context import Context
from c102.evaluate.part_xi_remedy import schedule_remedy
from c102.i18n import _
from c102.model.description import Benefit, Scheme
from c102.model.values import Money, Percent
from c102.rules.model import ScheduleRow, StandardBeneficiary


@dataclass
class Working:
    """A Part XI calculation, or the facts that are missing for it."""

    calculation: BenefitCalculation | None
    missing: list[str] = field(default_factory=list)
    problem: str | None = None  # a benefit that cannot be tested, e.g. no formula
    remedy: str | None = None  # the change in the formula that would reach the Schedule



def calculate(
    ctx: Context,
    scheme: Scheme,
    row: ScheduleRow,
    beneficiary: StandardBeneficiary,
    branch: str,
    years: Fraction | None,
    required: Fraction,
    article: str | None = None,
) -> Working:
    """The standard beneficiary's benefit and replacement rate under one scheme.

    ``article`` tests the benefit under that Article of Part XI instead of the one its formula or
    a stated ``assessed_under`` gives (Art 65 or 66, "either" in Arts 16, 22, 28, 36, 50, 56, 62).
    """
    contingency = row.contingency if row.contingency != branch else None
    benefit = benefit_for(scheme, branch, contingency)
    label = f"scheme.{ctx.slug(scheme)}.benefit.{branch}"
    if benefit is None:
        return Working(None, [_("{path} (the benefit and its formula)", path=label)])
    if benefit.accrual_after is not None and benefit.accrual_rate is None and accrues(benefit, years):
        return Working(
            None,
            [_("{path}.accrual_rate (accrual_after is given without it)", path=label)],
            _("the accrual rate is not given"),
        )
    article = article or article_of(ctx, scheme, benefit)
    if article is None:
        return Working(
            None, [_("{path}: rate, base_rate, accrual_rate or flat", path=label)], _("the benefit has no formula")
        )
    from c102.i18n.rulebook import beneficiary_label

    shown_beneficiary = beneficiary_label(beneficiary.id, beneficiary.label)
    steps = [
        _(
            "Standard beneficiary (Schedule to Part XI, Part {part}): {beneficiary}.",
            part=row.part,
            beneficiary=shown_beneficiary[:1].lower() + shown_beneficiary[1:],
        )
    ]

    wage_name = "skilled_wage" if article == "65" else "labourer_wage"
    wage_fact = ctx.stat(wage_name)
    definition = ctx.stat(f"{wage_name}_definition")
    who = _("skilled manual male employee") if article == "65" else _("ordinary adult male labourer")
    wage_label = _("{who} ({definition})", who=who, definition=definition.value) if definition is not None else who
    if wage_fact is None:
        return Working(
            None, [_("statistics.{name} (wage of the {who}, Art {article})", name=wage_name, who=who, article=article)]
        )
    wage = wage_fact.value.per_month()
    if wage <= 0:
        return Working(
            None,
            [_("statistics.{name} (a positive wage)", name=wage_name)],
            _("the wage of the {who} is zero", who=who),
        )
    steps.append(
        _("Reference wage, Art {article}: {wage_label}, {amount} a month.", article=article, wage_label=wage_label, amount=money(wage))
        + cited(wage_fact)
    )

    prefix = f"benefit.{branch}."
    earnings = wage
    ceiling = ctx.scheme_fact(scheme, "ceiling", benefit, prefix)
    if ceiling is not None:
        cap = ceiling.value.per_month()
        if cap < wage:
            earnings = cap
            steps.append(
                _(
                    "Ceiling on insurable earnings {amount} a month is below the reference wage: "
                    "earnings taken as {amount} (tested at the reference wage, Art 65(3)).",
                    amount=money(cap),
                )
                + cited(ceiling)
            )
        else:
            steps.append(_("Ceiling {amount} a month is not below the reference wage (Art 65(3)).", amount=money(cap)))

    main = percent_of_earnings(ctx, scheme, benefit, years, steps) * earnings
    flat = ctx.scheme_fact(scheme, "flat", benefit, prefix)
    if flat is not None:
        main += flat.value.per_month()
        steps.append(_("Flat amount {amount} a month.", amount=money(flat.value.per_month())) + cited(flat))
    minimum = ctx.scheme_fact(scheme, "minimum", benefit, prefix)
    if minimum is not None and main < minimum.value.per_month():
        main = minimum.value.per_month()
        steps.append(_("Raised to the minimum benefit of {amount} a month.", amount=money(main)) + cited(minimum))
    maximum = ctx.scheme_fact(scheme, "maximum", benefit, prefix)
    if maximum is not None and main > maximum.value.per_month():
        main = maximum.value.per_month()
        steps.append(
            _("Limited to the maximum benefit of {amount} a month (Art 65(3)).", amount=money(main)) + cited(maximum)
        )
    steps.append(_("Benefit before supplements: {amount} a month.", amount=money(main)))

    total = main
    if beneficiary.spouse:
        own = _spouse_own_pension(ctx, scheme, benefit, row, main, steps)
        total += (
            own if own is not None else _supplement(ctx, scheme, benefit, "spouse_supplement", main, 1, steps)
        )
    if beneficiary.children:
        total += _supplement(ctx, scheme, benefit, "child_supplement", main, beneficiary.children, steps)

    allowances, to_workers = _family_allowances(ctx, scheme, benefit, beneficiary.children, steps)
    rate = (total + allowances) / (wage + to_workers)
    shown_rate, shown_required = pcts(rate, required)
    steps.append(
        _(
            "Rate: ({benefit} + {allowances}) / ({wage} + {wage_allowances}) = {rate}, against {required} required.",
            benefit=money(total),
            allowances=money(allowances),
            wage=money(wage),
            wage_allowances=money(to_workers),
            rate=shown_rate,
            required=shown_required,
        )
    )
    remedy = None
    if rate < required:
        remedy = schedule_remedy(ctx, scheme, benefit, years, required, wage + to_workers - allowances, earnings, allowances, total, main, flat)
    sources = sorted({s for s in _read_sources(ctx) if s})
    return Working(
        BenefitCalculation(
            part=row.part,
            row=row.row,
            scheme=scheme.name,
            article=article,
            standard_beneficiary=beneficiary.label,
            reference_wage=wage,
            reference_wage_label=wage_label,
            earnings=earnings,
            benefit=total,
            family_allowances=allowances,
            rate=rate,
            required=required,
            steps=steps,
            sources=sources,
        ),
        remedy=remedy,
    )


def _family_allowances(
    ctx: Context, scheme: Scheme, benefit: Benefit, children: int, steps: list[str]
) -> tuple[Fraction, Fraction]:
    """The family allowances on each side of Art 65(1)/66(1): (benefit side, wage side).

    Allowances payable during the contingency enter both; allowances paid to workers and stopped
    during the contingency (``family_allowance_during: no``) enter the wage side only, since the
    comparison is with the family income of a person protected at work."""
    prefix = f"benefit.{benefit.branch}."
    allowance = ctx.scheme_fact(scheme, "family_allowance", benefit, prefix)
    if allowance is None or not children:
        return Fraction(0), Fraction(0)
    if ctx.choice("family_allowances_in_part_xi") in (False, "no", "exclude"):
        steps.append(_("Family allowances left out of the calculation by choice (family_allowances_in_part_xi)."))
        return Fraction(0), Fraction(0)
    amount = allowance.value.per_month() * children
    values = {"children": children, "each": money(allowance.value.per_month()), "amount": money(amount)}
    during = ctx.scheme_fact(scheme, "family_allowance_during", benefit, prefix)
    if during is not None and not during.value:
        steps.append(
            _(
                "Family allowances paid to workers and stopped during the contingency: {children} x {each} = "
                "{amount} a month; on the wage side only (Art 65(1), 66(1)).",
                **values,
            )
            + cited(during)
            + cited(allowance)
        )
        return Fraction(0), amount
    steps.append(
        _(
            "Family allowances payable during the contingency: {children} x {each} = {amount} a month (Art 65(1)).",
            **values,
        )
        + cited(allowance)
    )
    return amount, amount


def _spouse_own_pension(
    ctx: Context, scheme: Scheme, benefit: Benefit, row: ScheduleRow, main: Fraction, steps: list[str]
) -> Fraction | None:
    """Under a universal residence pension the standard beneficiary's wife, herself resident and
    of pensionable age, draws the same pension in her own right; the couple's income counts."""
    kind = ctx.scheme_fact(scheme, "kind")
    if (
        kind is None
        or kind.value != "universal"
        or row.contingency != "old_age"
        or benefit.spouse_supplement is not None
    ):
        return None
    steps.append(
        _("The wife, of pensionable age and resident, draws the same pension in her own right: + {amount}.", amount=money(main))
    )
    return main


def _supplement(
    ctx: Context, scheme: Scheme, benefit: Benefit, name: str, main: Fraction, times: int, steps: list[str]
) -> Fraction:
    fact = ctx.scheme_fact(scheme, name, benefit, f"benefit.{benefit.branch}.")
    if fact is None:
        return Fraction(0)
    value = fact.value
    each = value.fraction * main if isinstance(value, Percent) else value.per_month()
    assert isinstance(value, Percent | Money)
    shown = law_percent(value) if isinstance(value, Percent) else str(value)
    if name == "spouse_supplement":
        text = _("Supplement for the spouse: {value} = {amount}.", value=shown, amount=money(each))
    elif times > 1:
        text = _("Supplement for each child: {value} = {amount} x {times}.", value=shown, amount=money(each), times=times)
    else:
        text = _("Supplement for each child: {value} = {amount}.", value=shown, amount=money(each))
    steps.append(text + cited(fact))
    return each * times



def _read_sources(ctx: Context) -> list[str | None]:
    current = ctx.current[0]
    if current is None:
        return []
    return [ctx.graph.nodes[f].source for f in ctx.graph.nodes[current].reads]

