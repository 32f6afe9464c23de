"""Value types of the description language: exact numbers with units, and sourced facts.

All arithmetic is exact (``Decimal`` in the values, ``Fraction`` in the evaluator): a benefit of
exactly 40% must pass a 40% threshold.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from fractions import Fraction
from functools import cache, cached_property
from typing import Generic, Literal, TypeVar

from c102.errors import Position

T = TypeVar("T")

# The nine branches of Parts II to X, in the Convention's order.
BRANCHES = (
    "medical_care",
    "sickness",
    "unemployment",
    "old_age",
    "employment_injury",
    "family",
    "maternity",
    "invalidity",
    "survivors",
)
Branch = Literal[
    "medical_care",
    "sickness",
    "unemployment",
    "old_age",
    "employment_injury",
    "family",
    "maternity",
    "invalidity",
    "survivors",
]
BRANCH_PART = dict(zip(BRANCHES, ("II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"), strict=True))

Period = Literal["day", "week", "month", "year"]
TimeUnit = Literal["days", "weeks", "months", "years"]

# Calendar conversions used to put amounts and durations on the same time basis (Art 65(4), 66(2)).
DAYS_PER: dict[str, Fraction] = {
    "day": Fraction(1),
    "week": Fraction(7),
    "month": Fraction(365, 12),
    "year": Fraction(365),
}
UNIT_PERIOD: dict[str, str] = {"days": "day", "weeks": "week", "months": "month", "years": "year"}


@dataclass(frozen=True)
class Percent:
    """A percentage as the law writes it, kept exact.

    ``value`` is in percent points: ``Percent(Decimal("1.5"))`` is 1.5%, ``Percent(Fraction(4, 3))``
    is 4/3%. ``share`` marks a rate the law writes as a share of one (``1/60`` of earnings a year):
    its value is still held in percent (``Fraction(5, 3)``), and it prints back as ``1/60``.
    """

    value: Decimal | Fraction
    share: bool = False

    @cached_property
    def fraction(self) -> Fraction:
        return Fraction(self.value) / 100

    def __str__(self) -> str:
        if self.share:
            return fraction_text(self.fraction)
        if isinstance(self.value, Fraction):
            return f"{fraction_text(self.value)}%"
        return f"{self.value}%"


def fraction_text(value: Fraction) -> str:
    """``1/60``; a whole number without its ``/1``."""
    return str(value.numerator) if value.denominator == 1 else f"{value.numerator}/{value.denominator}"


@dataclass(frozen=True)
class Money:
    """An amount of money, optionally per period (``1_200 per month``)."""

    amount: Decimal
    per: Period | None = None

    def per_month(self) -> Fraction:
        """The amount on a monthly basis (Art 65(4): all amounts on the same time basis)."""
        return self._per_month

    @cached_property
    def _per_month(self) -> Fraction:
        if self.per is None:
            return Fraction(self.amount)
        return Fraction(self.amount) * DAYS_PER["month"] / DAYS_PER[self.per]

    def __str__(self) -> str:
        return f"{self.amount} per {self.per}" if self.per else f"{self.amount}"


@dataclass(frozen=True)
class Duration:
    """A length of time: ``26 weeks``, ``15 years``."""

    amount: Decimal
    unit: TimeUnit

    def in_days(self) -> Fraction:
        return self._days

    @cached_property
    def _days(self) -> Fraction:
        return Fraction(self.amount) * DAYS_PER[UNIT_PERIOD[self.unit]]

    def in_unit(self, unit: TimeUnit) -> Fraction:
        return _in_unit(self._days, unit)

    def __str__(self) -> str:
        return f"{self.amount} {self.unit}"


def years_in(length: Duration, working_days_per_year: Decimal | None = None) -> Fraction:
    """A length in years, exactly: days of work over the working days of a year where the law
    counts in working days, else calendar time (``15 years``, ``26 weeks``)."""
    if working_days_per_year is None:
        return length.in_unit("years")
    return Fraction(length.amount) / Fraction(working_days_per_year)


@cache
def _in_unit(days: Fraction, unit: str) -> Fraction:
    return days / DAYS_PER[UNIT_PERIOD[unit]]


@dataclass(frozen=True)
class Count:
    """A number of persons, with the split by sex where known."""

    total: int
    men: int | None = None
    women: int | None = None


@dataclass(frozen=True)
class SexSplit(Generic[T]):
    """A value that may differ for men and women (pensionable age); ``all`` when it does not."""

    men: T
    women: T

    @property
    def highest(self) -> T:
        return self.women if self.women > self.men else self.men  # type: ignore[operator]


@dataclass(slots=True)
class Fact(Generic[T]):
    """A value with its source: the law and article, or the statistical publication.

    Slotted (a leaf of the model, never tracked or copied field by field): a large description
    holds hundreds of thousands of facts, and a slotted one takes 40% less memory.
    """

    value: T
    source: str | None = None
    note: str | None = None
    position: Position | None = field(default=None, compare=False, repr=False)
    # A list the description marks as the whole of what the law provides (``... complete``):
    # items it does not name are then not provided; otherwise they are unknown.
    complete: bool = False


__all__ = [
    "BRANCHES",
    "BRANCH_PART",
    "DAYS_PER",
    "Branch",
    "Count",
    "Duration",
    "Fact",
    "Money",
    "Percent",
    "Period",
    "SexSplit",
    "TimeUnit",
    "date",
    "fraction_text",
]
