"""Amounts and rates as findings write them: money with two decimals, percentages with the digits
that keep a comparison visible, a description's percentage as the law writes it, and the source
cited after the sentence that used a fact."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from c102.evaluate.verdict import show
from c102.i18n.numbers import percent
from c102.model.values import Fact, Percent


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


def cited(fact: Fact[Any]) -> str:
    """The source of a fact, after the sentence that used it: `` [Act 2004, s. 12]``."""
    return f" [{fact.source}]" if fact.source else ""


def law_percent(value: Percent) -> str:
    """A percentage from the description as the active language writes percentages (``45%``,
    ``45 %``); a share or a fraction of a percent as the law writes it (``1/60``, ``4/3%``)."""
    if value.share or (isinstance(value.value, Fraction) and (value.value * 10**4).denominator != 1):
        return str(value)
    return pct_exact(value.fraction)
