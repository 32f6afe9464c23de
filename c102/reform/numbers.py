"""The number inside a fact's value, so a sweep or a search can move it: a percentage's points,
an amount of money, a duration's length, a number of persons. The unit, the period and the split
by sex stay as they are written."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import Decimal
from fractions import Fraction
from typing import Any

from c102.evaluate.verdict import show
from c102.model.values import Count, Duration, Money, Percent


@dataclass(frozen=True)
class Numeric:
    """How to read and set the number of one value type, and how finely a search resolves it."""

    name: str
    number: Callable[[Any], Fraction]
    make: Callable[[Any, Decimal], Any]  # (a value of the type to copy units from, new number)
    places: int  # decimal places a flip point is located to
    whole: bool = False  # counts and persons are whole numbers


NUMERIC: dict[Any, Numeric] = {
    Percent: Numeric("percent", lambda v: Fraction(v.value), lambda like, n: Percent(n), 4),
    Money: Numeric("money", lambda v: Fraction(v.amount), lambda like, n: replace(like, amount=n), 2),
    Duration: Numeric("duration", lambda v: Fraction(v.amount), lambda like, n: replace(like, amount=n), 2),
    Count: Numeric("persons", lambda v: Fraction(v.total), lambda like, n: Count(int(n)), 0, whole=True),
    Decimal: Numeric("number", lambda v: Fraction(v), lambda like, n: n, 4),
    int: Numeric("number", lambda v: Fraction(v), lambda like, n: int(n), 0, whole=True),
}


def numeric(tp: Any) -> Numeric | None:
    """The number adaptor of a fact type (for ``Money | Percent`` supplements: none, ambiguous)."""
    return NUMERIC.get(tp)


def as_decimal(value: Fraction, places: int, up: bool) -> Decimal:
    """A fraction rounded to ``places`` decimals, up or down (exactly, no binary floats)."""
    scale = 10**places
    scaled = value * scale
    whole = -((-scaled.numerator) // scaled.denominator) if up else scaled.numerator // scaled.denominator
    return Decimal(whole).scaleb(-places)


def exact_text(value: Fraction, places: int = 4) -> str:
    """A fraction as a decimal if it terminates, else as ``n/d`` with its decimal start."""
    reduced = value.denominator
    for prime in (2, 5):
        while reduced % prime == 0:
            reduced //= prime
    if reduced == 1:
        return format(Decimal(value.numerator) / Decimal(value.denominator), "f").rstrip("0").rstrip(".") or "0"
    return f"{value.numerator}/{value.denominator} (= {show(value, places + 2)}…)"


def with_number(tp: Any, like: Any, number: Decimal) -> Any:
    adaptor = NUMERIC[tp]
    return adaptor.make(like, number)


def shown(value: Any) -> str:
    """A value as the language writes it, without trailing zeros: ``50%``, ``1 906 344``."""
    from c102.report.shared.display import count, plain

    if isinstance(value, Count):
        return count(value.total)
    if isinstance(value, Percent):
        return str(value) if value.share or isinstance(value.value, Fraction) else f"{_trim(value.value)}%"
    if isinstance(value, Money | Duration):
        return str(replace(value, amount=_trim(value.amount)))
    return plain(value)


def displayed(value: Any) -> str:
    """A value as a sentence of the active language writes it (``180 mois``, ``800 par mois``,
    ``45 %``); ``shown`` keeps the description language's spelling for the JSON."""
    from c102.evaluate.gaps import amount_of
    from c102.i18n.numbers import percent
    from c102.report.shared.evidence import per_period

    if isinstance(value, Duration):
        return amount_of(Fraction(_trim(value.amount)), value.unit)
    if isinstance(value, Money):
        amount = Fraction(_trim(value.amount))
        return per_period(show(amount, 0 if amount.denominator == 1 else 2), value.per)
    if isinstance(value, Percent) and not value.share and not isinstance(value.value, Fraction):
        trimmed = _trim(value.value)
        return percent(trimmed, max(0, -trimmed.as_tuple().exponent))  # type: ignore[operator]
    return shown(value)


def _trim(number: Decimal) -> Decimal:
    text = format(number, "f")
    return Decimal(text.rstrip("0").rstrip(".") if "." in text else text)
