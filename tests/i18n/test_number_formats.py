"""Figures as each language writes them, from exact values: the one formatter every renderer uses."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest

from c102.evaluate.verdict import show
from c102.i18n import use_language
from c102.i18n.numbers import long_date, money, number, percent

NNBSP, NBSP = "\u202f", "\u00a0"


@pytest.mark.parametrize(
    ("language", "grouped", "small", "share"),
    [
        ("en", "1,234,567.0", "1,234", "45.0%"),
        ("fr", f"1{NNBSP}234{NNBSP}567,0", f"1{NNBSP}234", f"45,0{NBSP}%"),
        ("es", "1.234.567,0", "1234", f"45,0{NBSP}%"),
    ],
)
def test_numbers_and_percentages_per_language(language: str, grouped: str, small: str, share: str) -> None:
    assert number(1_234_567, 1, language) == grouped
    assert number(1234, 0, language) == small
    assert percent(45, 1, language) == share


def test_spanish_groups_from_five_digits() -> None:
    assert number(12_345, 0, "es") == "12.345"


def test_rounding_is_half_even_on_the_exact_value() -> None:
    assert number(Fraction(1, 4), 1, "fr") == "0,2"
    assert number(Fraction(3, 8), 2, "es") == "0,38"
    assert number(Fraction(-1, 100), 1, "en") == "0.0"
    assert number(Fraction(-3, 2), 0, "en") == "-2"


def test_money_keeps_cents_only_when_there_are_some() -> None:
    assert money(Fraction(1500), "fr") == f"1{NNBSP}500"
    assert money(Fraction(3001, 2), "es") == "1500,50"


@pytest.mark.parametrize(
    ("language", "written"),
    [("en", "2019-12-31"), ("fr", "31 décembre 2019"), ("es", "31 de diciembre de 2019")],
)
def test_dates_as_a_sentence_writes_them(language: str, written: str) -> None:
    assert long_date(date(2019, 12, 31), language) == written


def test_french_writes_the_first_of_a_month_as_an_ordinal() -> None:
    assert long_date(date(2020, 1, 1), "fr") == "1er janvier 2020"
    assert long_date(date(2020, 1, 11), "fr") == "11 janvier 2020"
    assert long_date(date(2020, 1, 1), "es") == "1 de enero de 2020"


def test_a_whole_threshold_is_written_without_a_dangling_decimal_separator() -> None:
    from c102.evaluate.gaps import percent_short

    with use_language("fr"):
        text = percent_short(Fraction(25, 1000), Fraction(20, 100), under="27(b)")
    assert f"2,5{NBSP}% pour 20{NBSP}% requis" in text and ",%" not in text and "27(b)" in text
    with use_language("es"):
        assert ",%" not in percent_short(Fraction(0), Fraction(1, 2))
    assert percent_short(Fraction(36, 100), Fraction(45, 100)) == "36.0% against 45%: 9.0 points short"


def test_the_evaluators_show_follows_the_active_language() -> None:
    assert show(Fraction(9, 2)) == "4.5"
    with use_language("fr"):
        assert show(Fraction(9, 2)) == "4,5"
