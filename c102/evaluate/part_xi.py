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
from typing import Any

from c102.evaluate.assessment import BenefitCalculation
from c102.evaluate.context import Context
from c102.evaluate.verdict import show
from c102.i18n import _
from c102.i18n.numbers import percent
from c102.model.description import Benefit, Scheme, accrual_after_years
from c102.model.values import Fact, Money, Percent
from c102.rules.model import ScheduleRow, StandardBeneficiary

EARNINGS_FIELDS = ("rate", "base_rate", "accrual_rate")


@dataclass
class Working:
    """A Part XI calculation, or the facts that are missing for it."""

    calculation: BenefitCalculation | None
    missing: list[str] = field(default_factory=list)
    problem: str | None = None  # a benefit that cannot be tested, e.g. no formula
    remedy: str | None = None  # the change in the formula that would reach the Schedule


def money(x: Fraction) -> str:
    return show(x, 2)


def pct(x: Fraction) -> str:
    return percent(x * 100, 1)


def pct_exact(x: Fraction) -> str:
    """A computed rate with the decimals it has (at least one, at most four): ``39.99%``, not the
    ``40.0%`` one decimal would print for it."""
    for places in range(1, 4):
        if (x * 100 * 10**places).denominator == 1:
            return percent(x * 100, places)
    return percent(x * 100, 4)


def pcts(x: Fraction, y: Fraction) -> tuple[str, str]:
    """Two percentages with enough decimals that unequal values never print alike
    (never "40.0% is below 40.0%"): one decimal, more only where needed (up to six)."""
    for places in range(1, 7):
        a, b = show(x * 100, places), show(y * 100, places)
        if x == y or a != b:
            return percent(x * 100, places), percent(y * 100, places)
    return percent(x * 100, 6), percent(y * 100, 6)


def versus(x: Fraction, y: Fraction, between: str) -> str:
    """``40.04%, below 40.1%``: two percentages joined by the words that compare them, each with
    the digits that make the comparison visible."""
    a, b = pcts(x, y)
    return f"{a}{between}{b}"


def benefit_for(scheme: Scheme, branch: str, contingency: str | None) -> Benefit | None:
    """The scheme's benefit block for a branch (and employment injury's sub-contingency)."""
    fallback = None
    for benefit in scheme.benefit:
        if benefit.branch != branch:
            continue
        if benefit.contingency is None:
            fallback = fallback or benefit
        elif contingency is None or benefit.contingency.value == contingency:
            return benefit
    return fallback


def article_of(ctx: Context, scheme: Scheme, benefit: Benefit) -> str | None:
    """Which Article of Part XI the benefit is tested under: a stated choice, else its formula."""
    if not has_amount(benefit):
        return None
    prefix = f"benefit.{benefit.branch}."
    chosen = ctx.scheme_fact(scheme, "assessed_under", benefit, prefix)
    if chosen is not None:
        return str(chosen.value).removeprefix("Art").strip()
    kind = ctx.scheme_fact(scheme, "kind")
    if kind is not None and kind.value == "means_tested":
        return "67"
    if any(getattr(benefit, f) is not None for f in EARNINGS_FIELDS):
        return "65"
    return "66"


def either_article(ctx: Context, scheme: Scheme, benefit: Benefit | None) -> bool:
    """Whether the benefit may be tested under Art 66 as well: an earnings-related formula and no
    stated ``assessed_under`` (a stated choice forces one Article)."""
    if benefit is None or not has_amount(benefit) or benefit.assessed_under is not None:
        return False
    return article_of(ctx, scheme, benefit) == "65"


def has_amount(benefit: Benefit) -> bool:
    """Whether the description says how much is paid: a rate, an accrual, a flat or minimum amount."""
    return any(getattr(benefit, f) is not None for f in (*EARNINGS_FIELDS, "flat", "minimum"))


def percent_of_earnings(
    ctx: Context, scheme: Scheme, benefit: Benefit, years: Fraction | None, steps: list[str]
) -> Fraction:
    """The share of earnings the formula pays after ``years`` of contribution."""
    prefix = f"benefit.{benefit.branch}."

    def read(name: str) -> Fact[Percent] | None:
        return ctx.scheme_fact(scheme, name, benefit, prefix)

    rate, base, accrual = read("rate"), read("base_rate"), read("accrual_rate")
    after = ctx.scheme_fact(scheme, "accrual_after", benefit, prefix)
    cap = read("max_rate")
    if rate is not None:
        share = rate.value.fraction
        steps.append(_("Benefit rate: {rate} of earnings.", rate=_pv(rate.value)) + _src(rate))
    else:
        share = base.value.fraction if base is not None else Fraction(0)
        if accrual is not None:
            start = accrual_after_years(benefit)
            counted = max(Fraction(0), (years or Fraction(0)) - start)
            per_year = ctx.scheme_fact(scheme, "working_days_per_year", benefit, prefix)
            if after is not None and per_year is not None:
                steps.append(
                    _(
                        "Increments start after {days} working days at {per_year} a year = {years} years.",
                        days=after.value.amount,
                        per_year=per_year.value,
                        years=show(start, 2),
                    )
                    + _src(per_year)
                )
            share += accrual.value.fraction * counted
            values = {
                "years": show(years or 0, 0),
                "accrual": _pv(accrual.value),
                "counted": show(counted, 1),
                "share": pct_exact(share),
            }
            if base is not None:
                text = _(
                    "Benefit rate after {years} years: {base} + {accrual} a year x {counted} years = {share}.",
                    base=_pv(base.value),
                    **values,
                )
            else:
                text = _("Benefit rate after {years} years: {accrual} a year x {counted} years = {share}.", **values)
            steps.append(text + _src(accrual))
        elif base is not None:
            if after is not None and years is not None:
                steps.append(
                    _(
                        "Benefit rate: {rate} of earnings; increments start only after {after}, so none count at {years} years.",
                        rate=_pv(base.value),
                        after=after.value,
                        years=show(years, 0),
                    )
                    + _src(base)
                    + _src(after)
                )
            else:
                steps.append(_("Benefit rate: {rate} of earnings.", rate=_pv(base.value)) + _src(base))
    if cap is not None and share > cap.value.fraction:
        share = cap.value.fraction
        steps.append(_("Capped at the maximum rate of {rate}.", rate=_pv(cap.value)) + _src(cap))
    return share


def _accrues(benefit: Benefit, years: Fraction | None) -> bool:
    """Whether increments count at ``years``: increments that start exactly at (or after) the
    standard beneficiary's years add nothing, so their rate is not needed."""
    assert benefit.accrual_after is not None
    return years is None or years > accrual_after_years(benefit)


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
    if benefit.accrual_after is not None and benefit.accrual_rate is None and _accrues(benefit, years):
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
        + _src(wage_fact)
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
                + _src(ceiling)
            )
        else:
            steps.append(_("Ceiling {amount} a month is not below the reference wage (Art 65(3)).", amount=money(cap)))

    main = percent_of_earnings(ctx, scheme, benefit, years, steps) * earnings
    flat = ctx.scheme_fact(scheme, "flat", benefit, prefix)
    if flat is not None:
        main += flat.value.per_month()
        steps.append(_("Flat amount {amount} a month.", amount=money(flat.value.per_month())) + _src(flat))
    minimum = ctx.scheme_fact(scheme, "minimum", benefit, prefix)
    if minimum is not None and main < minimum.value.per_month():
        main = minimum.value.per_month()
        steps.append(_("Raised to the minimum benefit of {amount} a month.", amount=money(main)) + _src(minimum))
    maximum = ctx.scheme_fact(scheme, "maximum", benefit, prefix)
    if maximum is not None and main > maximum.value.per_month():
        main = maximum.value.per_month()
        steps.append(
            _("Limited to the maximum benefit of {amount} a month (Art 65(3)).", amount=money(main)) + _src(maximum)
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
        remedy = _remedy(ctx, scheme, benefit, years, required, wage + to_workers - allowances, earnings, allowances, total, main, flat)
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
            + _src(during)
            + _src(allowance)
        )
        return Fraction(0), amount
    steps.append(
        _(
            "Family allowances payable during the contingency: {children} x {each} = {amount} a month (Art 65(1)).",
            **values,
        )
        + _src(allowance)
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
    shown = _pv(value) if isinstance(value, Percent) else str(value)
    if name == "spouse_supplement":
        text = _("Supplement for the spouse: {value} = {amount}.", value=shown, amount=money(each))
    elif times > 1:
        text = _("Supplement for each child: {value} = {amount} x {times}.", value=shown, amount=money(each), times=times)
    else:
        text = _("Supplement for each child: {value} = {amount}.", value=shown, amount=money(each))
    steps.append(text + _src(fact))
    return each * times


def _src(fact: Fact[Any]) -> str:
    """The source of a fact, after the sentence that used it: `` [Act 2004, s. 12]``."""
    return f" [{fact.source}]" if fact.source else ""


def _pv(value: Percent) -> str:
    """A percentage from the description as the active language writes percentages (``45%``,
    ``45 %``); a share or a fraction of a percent as the law writes it (``1/60``, ``4/3%``)."""
    if value.share or (isinstance(value.value, Fraction) and (value.value * 10**4).denominator != 1):
        return str(value)
    return pct_exact(value.fraction)


def _read_sources(ctx: Context) -> list[str | None]:
    current = ctx.current[0]
    if current is None:
        return []
    return [ctx.graph.nodes[f].source for f in ctx.graph.nodes[current].reads]


def _remedy(
    ctx: Context,
    scheme: Scheme,
    benefit: Benefit,
    years: Fraction | None,
    required: Fraction,
    wage: Fraction,
    earnings: Fraction,
    allowances: Fraction,
    total: Fraction,
    main: Fraction,
    flat: Fact[Money] | None,
) -> str:
    """The benefit (and, for a simple formula, the rate or accrual) that reaches the Schedule."""
    needed_total = required * (wage + allowances) - allowances
    text = _(
        "the standard beneficiary's benefit would need to be at least {needed} a month (now {now})",
        needed=money(needed_total),
        now=money(total),
    )
    if (
        main <= 0
        or earnings <= 0
        or (benefit.minimum is not None and main == benefit.minimum.value.per_month())
    ):
        return text
    # Supplements proportional to the main benefit scale with it; fixed ones do not.
    fixed = Fraction(0)
    proportional = Fraction(1)
    for name, times in (("spouse_supplement", 1), ("child_supplement", 2)):
        fact = getattr(benefit, name)
        if fact is None:
            continue
        if isinstance(fact.value, Percent):
            proportional += fact.value.fraction * times
        else:
            fixed += fact.value.per_month() * times
    needed_main = (needed_total - fixed) / proportional
    flat_part = flat.value.per_month() if flat is not None else Fraction(0)
    needed_share = (needed_main - flat_part) / earnings
    if benefit.rate is not None:
        return _("{benefit}: the rate would need to be at least {rate} of earnings", benefit=text, rate=pct(needed_share))
    if benefit.accrual_rate is not None and years:
        start = accrual_after_years(benefit)
        counted = years - start
        base = benefit.base_rate.value.fraction if benefit.base_rate is not None else Fraction(0)
        if counted > 0:
            accrual = (needed_share - base) / counted
            return _(
                "{benefit}: the accrual rate would need to be at least {rate} a year",
                benefit=text,
                rate=percent(accrual * 100, 2),
            )
    if (
        flat is not None
        and benefit.rate is None
        and benefit.accrual_rate is None
        and benefit.base_rate is None
    ):
        return _("{benefit}: the flat amount would need to be at least {amount} a month", benefit=text, amount=money(needed_main))
    return text
