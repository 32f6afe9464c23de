"""How far a value is from its threshold, in words a specialist puts in a gap analysis."""

from __future__ import annotations

import math
from fractions import Fraction

from c102.evaluate.verdict import show


def percent_short(value: Fraction, threshold: Fraction) -> str:
    """``36.0% against 45%: 9.0 points short`` (value and threshold as fractions of one)."""
    places = 1
    while places < 6 and show((threshold - value) * 100, places).strip("0.") == "" and value != threshold:
        places += 1  # never "0.0 points short": show the digits that make the shortfall visible
    return (
        f"{show(value * 100, places)}% against {show(threshold * 100, places).rstrip('0').removesuffix('.')}%: "
        f"{show((threshold - value) * 100, places)} points short"
    )


def more_persons(numerator: Fraction, denominator: Fraction, threshold: Fraction, who: str) -> str:
    """The smallest number of additional protected persons that reaches the threshold."""
    needed = math.ceil(threshold * denominator - numerator)
    return f"{show(max(needed, 0), 0)} more protected {who}"


def too_long(value: Fraction, limit: Fraction, unit: str) -> str:
    return (
        f"{show(value, 1).removesuffix('.0')} {unit} against at most {show(limit, 1).removesuffix('.0')} {unit}: "
        f"{show(value - limit, 1).removesuffix('.0')} {unit} too long"
    )


def too_short(value: Fraction, minimum: Fraction, unit: str) -> str:
    return (
        f"{show(value, 1).removesuffix('.0')} {unit} against at least {show(minimum, 1).removesuffix('.0')} {unit}: "
        f"{show(minimum - value, 1).removesuffix('.0')} {unit} short"
    )
