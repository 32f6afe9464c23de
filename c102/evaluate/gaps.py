"""How far a value is from its threshold, in words a specialist puts in a gap analysis.

Each distance is one whole message with its figures as placeholders (formatted per language by
``c102.i18n.numbers``), so that a translation can put the words in its own order.
"""

from __future__ import annotations

import math
from fractions import Fraction

from c102.evaluate.verdict import show
from c102.i18n import _, ngettext
from c102.i18n.numbers import percent


def _threshold_percent(threshold: Fraction, places: int) -> str:
    """A threshold with only the decimals it needs: ``20 %``, ``40,5 %`` (never ``20,%``)."""
    for shown in range(places + 1):
        if (threshold * 100 * 10**shown).denominator == 1:
            return percent(threshold * 100, shown)
    return percent(threshold * 100, places)


def percent_short(value: Fraction, threshold: Fraction, under: str | None = None) -> str:
    """``36.0% against 45%: 9.0 points short`` (value and threshold as fractions of one); ``under``
    names the route or article whose threshold it is (``under 27(b)``)."""
    places = 1
    while places < 6 and show((threshold - value) * 100, places).strip("0.,") == "" and value != threshold:
        places += 1  # never "0.0 points short": show the digits that make the shortfall visible
    values = {
        "value": percent(value * 100, places),
        "threshold": _threshold_percent(threshold, places),
        "points": show((threshold - value) * 100, places),
    }
    if under is None:
        return _("{value} against {threshold}: {points} points short", **values)
    return _("{value} against {threshold}: {points} points short under {route}", route=under, **values)


def more_persons(numerator: Fraction, denominator: Fraction, threshold: Fraction, who: str) -> str:
    """The smallest number of additional protected persons that reaches the threshold."""
    needed = max(math.ceil(threshold * denominator - numerator), 0)
    return _("{count} more protected {who}", count=show(needed, 0), who=who)


def _trimmed(value: Fraction) -> str:
    return show(value, 1).removesuffix(".0").removesuffix(",0")


def amount_of(value: Fraction, unit: str) -> str:
    """``3 days``, ``1.5 years``: a duration with its unit word in the active language."""
    text, n = _trimmed(value), 1 if value == 1 else 2
    forms = {
        "days": ngettext("{amount} day", "{amount} days", n, amount=text),
        "weeks": ngettext("{amount} week", "{amount} weeks", n, amount=text),
        "months": ngettext("{amount} month", "{amount} months", n, amount=text),
        "years": ngettext("{amount} year", "{amount} years", n, amount=text),
    }
    return forms.get(unit, f"{text} {unit}")


def too_long(value: Fraction, limit: Fraction, unit: str) -> str:
    return _(
        "{value} against at most {limit}: {excess} too long",
        value=amount_of(value, unit),
        limit=amount_of(limit, unit),
        excess=amount_of(value - limit, unit),
    )


def too_short(value: Fraction, minimum: Fraction, unit: str) -> str:
    return _(
        "{value} against at least {minimum}: {shortfall} short",
        value=amount_of(value, unit),
        minimum=amount_of(minimum, unit),
        shortfall=amount_of(minimum - value, unit),
    )
