"""Numbers, percentages, money and dates as each language writes them: the one place every renderer
formats a figure. Digits are computed exactly (half-even on the exact ``Fraction``, never a float);
only the symbols and patterns come from CLDR through Babel: ``1 234 567,0`` and ``45,0 %`` in
French, ``1.234.567,0`` and ``45,0 %`` in Spanish, ``31 décembre 2019``, ``31 de diciembre de 2019``.

English uses CLDR ``en`` symbols (``1,234,567.0``, ``45.0%``), written here so that English loads
no Babel data; English dates stay ISO (``2019-12-31``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction
from functools import cache

from c102.i18n.language import current_language


@dataclass(frozen=True)
class NumberStyle:
    decimal: str
    group: str
    min_grouping: int  # digits of the whole part before grouping starts (CLDR minimumGroupingDigits)
    percent_pattern: str  # "{n}%" or "{n} %"


# CLDR's minimumGroupingDigits, which Babel does not expose: Spanish writes 2024 and 12.345.
MIN_GROUPING_DIGITS = {"es": 2}

# CLDR "en": comma grouping, point decimal, "#,##0%" (kept here: English opens no Babel data).
ENGLISH = NumberStyle(decimal=".", group=",", min_grouping=1, percent_pattern="{n}%")


@cache
def number_style(language: str) -> NumberStyle:
    """The separators and percent pattern of ``language`` from CLDR (English: its CLDR values, inline)."""
    if language == "en":
        return ENGLISH
    from babel import Locale

    locale = Locale.parse(language)
    symbols = locale.number_symbols["latn"]
    pattern = locale.percent_formats[None].pattern  # '#,##0\xa0%'
    number_part = pattern.rstrip("%").rstrip()
    between = pattern[len(number_part) : pattern.rindex("%")]
    return NumberStyle(
        decimal=symbols["decimal"],
        group=symbols["group"],
        min_grouping=MIN_GROUPING_DIGITS.get(language, 1),
        percent_pattern="{n}" + between + "%",
    )


def exact_digits(value: Fraction | Decimal | int, places: int) -> tuple[str, str, str]:
    """(sign, whole digits, fraction digits) of ``value`` rounded half-even at ``places``, exactly."""
    num, den = value.as_integer_ratio() if not isinstance(value, int) else (value, 1)
    quotient, remainder = divmod(abs(num) * 10**places, den)
    if 2 * remainder > den or (2 * remainder == den and quotient % 2):
        quotient += 1
    sign = "-" if num < 0 and quotient else ""
    digits = str(quotient).rjust(places + 1, "0")
    return (sign, digits[:-places], digits[-places:]) if places else (sign, digits, "")


def number(value: Fraction | Decimal | int, places: int = 0, language: str | None = None) -> str:
    """``value`` with ``places`` decimals, grouped by thousands in the language's style."""
    style = number_style(language or current_language())
    sign, whole, fraction = exact_digits(value, places)
    if len(whole) >= 4 + style.min_grouping - 1:
        groups: list[str] = []
        while len(whole) > 3:
            whole, tail = whole[:-3], whole[-3:]
            groups.insert(0, tail)
        whole = style.group.join([whole, *groups])
    return f"{sign}{whole}{style.decimal}{fraction}" if fraction else f"{sign}{whole}"


def percent(value_in_percent: Fraction | Decimal | int, places: int = 1, language: str | None = None) -> str:
    """A value already in percent (``45`` -> ``45.0%``, ``45,0 %``)."""
    language = language or current_language()
    return number_style(language).percent_pattern.format(n=number(value_in_percent, places, language))


def percent_sign(language: str | None = None) -> str:
    """What follows a number to make it a percentage (``%`` or a no-break space and ``%``)."""
    return number_style(language or current_language()).percent_pattern.format(n="")


def money(value: Fraction | Decimal | int, language: str | None = None) -> str:
    """An amount: whole if it is whole, else two decimals (no currency: descriptions give it)."""
    exact = Fraction(value)
    return number(exact, 0 if exact.denominator == 1 else 2, language)


def long_date(day: date, language: str | None = None) -> str:
    """A date as a sentence writes it: ``31 décembre 2019``, ``1er janvier 2020`` (French writes the
    first of a month as an ordinal, which CLDR's pattern does not); English keeps ISO ``2019-12-31``."""
    language = language or current_language()
    if language == "en":
        return day.isoformat()
    from babel.dates import format_date

    text = str(format_date(day, format="long", locale=language))
    if language == "fr" and day.day == 1 and text.startswith("1 "):
        text = "1er " + text[2:]
    return text
