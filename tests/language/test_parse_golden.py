"""Golden parse: a fixture using every construct reads into exactly these typed facts."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from c102.errors import DescriptionError, Position
from c102.language.load import load_description, parse_text
from c102.model.values import Count, Duration, Money, Percent, SexSplit
from c102.resources import data_path

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def valoria():
    return load_description(FIXTURES / "every-construct.c102")


def test_country_label_with_escaped_quote(valoria):
    assert valoria.country.name == 'Valoria "test"'
    assert valoria.country.iso.value == "VL"
    assert valoria.country.as_of.value == date(2024, 12, 31)
    assert valoria.country.fictional.value is False


def test_continuation_lines_carry_source_and_note(valoria):
    registered = valoria.ratification.registered
    assert registered.value == date(2000, 5, 1)
    assert registered.source == "Instrument of ratification, 1 May 2000"
    assert registered.note == "deposited in Geneva"
    assert valoria.ratification.parts.value == ["II", "V", "X"]


def test_citations_and_labels(valoria):
    assert valoria.article_3.exceptions.value == ["9(d)", "12(2)"]
    assert valoria.convention[0].name == "C128"
    assert valoria.convention[0].temporary_exceptions.value is False
    assert valoria.statistics.year == 2023
    assert valoria.statistics.skilled_wage_definition.value == "65(6)(b)"


def test_numbers_counts_and_money(valoria):
    stats = valoria.statistics
    assert stats.residents.value == Count(1_000_000)
    assert stats.employees.value == Count(400_000, 250_000, 150_000)
    assert stats.skilled_wage.value == Money(Decimal("1234.50"), "week")
    assert stats.employee_contributions.value == Money(Decimal(12_000_000))
    assert stats.sickness_days_paid.value == Decimal("1500.5")


def test_scheme_blocks_and_units(valoria):
    scheme = valoria.scheme[0]
    assert scheme.name == "General \\ scheme"
    assert scheme.branches.value == ["old_age", "sickness"]
    assert scheme.protected[0].persons.value == Count(300_000)
    assert scheme.pensionable_age.value == SexSplit(Decimal(65), Decimal("62.5"))
    condition = scheme.qualifying_period[0]
    assert condition.length.value == Duration(Decimal(180), "days")
    assert condition.within.value == Duration(Decimal(1), "years")  # "1 year" is read as years
    old_age, sickness = scheme.benefit
    assert old_age.branch == "old_age"
    assert old_age.assessed_under.value == "65"
    assert old_age.rate.value == Percent(Decimal("1.5"))
    assert (old_age.rate.source, old_age.rate.note) == ("Act, s. 1", "per year")  # note before source
    assert old_age.spouse_supplement.value == Money(Decimal(20), "month")
    assert old_age.child_supplement.value == Percent(Decimal(5))
    assert sickness.waiting_period.value == Duration(Decimal(3), "days")
    assert scheme.financing is not None and scheme.financing.employee_rate is None


def test_choices_and_quoted_answer_keys(valoria):
    assert valoria.choices["family_allowances_in_part_xi"].value is False
    answer = valoria.answers["II-10-cost-sharing-hardship"]
    assert answer.value is True and answer.source == "Act"


def test_positions_and_source_text(valoria):
    assert valoria.country.position == Position(str(FIXTURES / "every-construct.c102"), 4, 1)
    assert valoria.country.as_of.position.line == 6
    assert valoria.country.as_of.position.column == 10
    assert valoria.path.endswith("every-construct.c102")
    assert valoria.text.startswith("# Valoria")


def test_single_pensionable_age_applies_to_both_sexes():
    text = (
        'country "X" {\n}\nscheme "S" {\n  branches: old_age\n  kind: universal\n  pensionable_age: 65\n}\n'
    )
    assert parse_text(text).scheme[0].pensionable_age.value == SexSplit(Decimal(65), Decimal(65))


def test_crlf_and_missing_final_newline_read_the_same(valoria):
    text = (FIXTURES / "every-construct.c102").read_text()
    windows = parse_text(text.replace("\n", "\r\n").rstrip())
    assert windows == valoria


def test_keywords_stay_usable_as_words():
    text = 'country "X" {\n  iso: per\n  currency: source\n}\n'
    country = parse_text(text).country
    assert (country.iso.value, country.currency.value) == ("per", "source")


def test_parse_text_names_its_path():
    with pytest.raises(DescriptionError) as raised:
        parse_text("country {\n}\n", path="inline.c102")
    assert raised.value.diagnostics[0].position == Position("inline.c102", 1, 1)
    assert "needs a label" in raised.value.diagnostics[0].message


def test_top_level_package_loads_the_same(valoria):
    import c102

    assert c102.load_description(str(FIXTURES / "every-construct.c102")) == valoria


@pytest.mark.parametrize(
    "path",
    [FIXTURES / "every-construct.c102", data_path("countries") / "examples" / "examplia.c102"],
    ids=lambda p: p.name,
)
def test_fast_path_builds_the_same_nodes_as_lark(path: Path) -> None:
    from c102.language.fastparse import fast_parse
    from c102.language.grammar import parser

    text = path.read_text(encoding="utf-8")
    assert fast_parse(text, "start") == parser().parse(text, start="start")


def test_values_parse_alone_as_in_a_file() -> None:
    from c102.language.syntax import parse_value

    assert [a.kind for a in parse_value("men 62, women 60")] == ["sexsplit"]
    assert [a.kind for a in parse_value("1_600 (men 900, women 700)")] == ["count"]
    assert [(a.kind, a.value) for a in parse_value(" 12(2) ")] == [("cite", "12(2)")]
    assert [(a.kind, a.column) for a in parse_value("  40%")] == [("pct", 3)]


def test_protected_seafarers_are_a_sourced_count_of_the_group(valoria):
    group = valoria.scheme[0].protected[0]
    assert group.seafarers.value == Count(1200)
    assert group.seafarers.source == "Seamen's register 2023"
