"""What would reach the Schedule to Part XI: the standard beneficiary's benefit needed, and for a
simple formula the rate, accrual or flat amount that gives it (the remedy of a shortfall)."""

from __future__ import annotations

from fractions import Fraction

from c102.evaluate.amounts import money, pct
from c102.evaluate.context import Context
from c102.i18n import _
from c102.i18n.numbers import percent
from c102.model.description import Benefit, Scheme, accrual_after_years
from c102.model.values import Fact, Money, Percent


def schedule_remedy(
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
