"""The Article 22 draft's calendar reads the ratification record when only the year is known."""

from __future__ import annotations

from pathlib import Path

from c102 import assess, load_description
from c102.report.kinds.article22 import calendar

ROOT = Path(__file__).resolve().parents[2]


def test_a_year_only_ratification_gives_years_for_entry_into_force_and_first_report() -> None:
    lines = calendar(assess(load_description(str(ROOT / "countries" / "togo.c102"))))
    assert lines[0].startswith("Ratification registered in 2013")
    assert "2014" in lines[1] and "Art 79(3)" in lines[1]
    assert "2015" in lines[2]


def test_an_unratified_country_is_told_how_entry_into_force_works() -> None:
    lines = calendar(assess(load_description(str(ROOT / "countries" / "kenya.c102"))))
    assert "not registered yet" in lines[0]
