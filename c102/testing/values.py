"""Expected values as a country team writes them (``45%``, ``4/3%``, ``49.5``, ``30 years``), kept exact.

A value is compared with the rule's published value (percent for percentages, as in the JSON), so
``45%`` and ``45`` both mean forty-five per cent; a unit written with the value must be the rule's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from fractions import Fraction

UNIT_WORDS = {
    "%": "percent",
    "percent": "percent",
    "year": "years",
    "years": "years",
    "week": "weeks",
    "weeks": "weeks",
    "day": "days",
    "days": "days",
    "age": "age",
    "persons": "persons",
    "ratio": "ratio",
}

_NUMBER = r"-?\d+(?:\.\d+)?"
_VALUE = re.compile(rf"^\s*({_NUMBER})(?:\s*/\s*({_NUMBER}))?\s*(%|[a-z]+)?\s*$")


@dataclass(frozen=True)
class ExpectedValue:
    """An exact number in the rule's published unit, and the unit written with it (if any)."""

    number: Fraction
    unit: str | None
    text: str


def parse_value(raw: str | int | float) -> ExpectedValue | None:
    """The exact number a written value stands for; None when it is not a value c102 can read."""
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int):
        return ExpectedValue(Fraction(raw), None, str(raw))
    if isinstance(raw, float):
        return ExpectedValue(Fraction(Decimal(repr(raw))), None, repr(raw))
    text = raw.replace("_", "").replace("\u202f", "").replace("\u00a0", "")
    grouped = re.sub(r"(?<=\d) (?=\d{3}\b)", "", text)  # 1 418 059, as reports print it
    match = _VALUE.match(grouped)
    if match is None:
        return None
    numerator, denominator, unit_word = match.groups()
    unit = None
    if unit_word is not None:
        unit = UNIT_WORDS.get(unit_word)
        if unit is None:
            return None
    try:
        number = Fraction(Decimal(numerator))
        if denominator is not None:
            divisor = Fraction(Decimal(denominator))
            if divisor == 0:
                return None
            number /= divisor
    except InvalidOperation:
        return None
    return ExpectedValue(number, unit, raw.strip())


def rounded(value: Fraction, places: int) -> Fraction:
    """``value`` rounded half-even to ``places`` decimals, exactly."""
    scaled = value * 10**places
    return Fraction(round(scaled), 10**places)  # Fraction.__round__ is half-even


def exact_text(value: Fraction) -> str:
    """A value with as many decimals as it has (up to 6), and the exact fraction when it has more."""
    for places in range(7):
        if (value * 10**places).denominator == 1:
            return _decimal(value, places)
    return f"{_decimal(value, 6)}... (exactly {value.numerator}/{value.denominator})"


def _decimal(value: Fraction, places: int) -> str:
    from c102.evaluate.verdict import show

    return show(value, places).replace(" ", "")
