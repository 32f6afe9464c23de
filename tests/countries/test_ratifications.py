"""countries/ratifications.yaml loads, validates, and refuses entries that claim more than they show."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from c102.errors import DescriptionError
from c102.model.ratifications import (
    RatificationRecord,
    load_ratifications,
    parse_ratifications,
    ratifications_path,
)

FIXTURES = Path(__file__).parent / "fixtures"


def records() -> list[RatificationRecord]:
    unique = {id(r): r for r in load_ratifications().values()}
    return list(unique.values())


def test_bundled_file_loads_and_validates() -> None:
    table = load_ratifications()
    assert len({id(r) for r in table.values()}) >= 60


def test_lookup_by_iso2_iso3_and_name() -> None:
    table = load_ratifications()
    assert table["BE"] is table["BEL"] is table["Belgium"] is table["belgium"]
    assert table["BE"].registered == dt.date(1959, 11, 26)


def test_year_only_registration_keeps_the_year() -> None:
    jordan = load_ratifications()["JO"]
    assert jordan.registered is None
    assert jordan.registered_year == 2014


def test_article_75_removes_ceased_parts() -> None:
    netherlands = load_ratifications()["NL"]
    assert netherlands.parts == ("II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
    assert netherlands.parts_in_force == ("II", "IV", "VII", "VIII")


def test_verified_entries_have_only_verified_facts() -> None:
    for record in records():
        if record.verified:
            assert record.registered_checked.verified
            assert record.parts_checked is None or record.parts_checked.verified


def test_every_entry_names_a_source() -> None:
    for record in records():
        assert all(len(s) > 10 for s in record.sources)


def test_parts_are_ordered_and_meet_article_2_where_verified() -> None:
    long_term = {"IV", "V", "VI", "IX", "X"}
    for record in records():
        parts = record.parts
        if parts is None or not record.parts_checked.verified:
            continue
        assert len(parts) >= 3, record.country
        assert long_term & set(parts), record.country


@pytest.mark.parametrize(
    ("fixture", "fragment"),
    [
        ("ratifications-bad-part.yaml", "entry 1 (Examplia), parts/value/1"),
        ("ratifications-overclaimed.yaml", "marked 'verified: true'"),
        ("ratifications-stray-ceased.yaml", "not among the Parts accepted"),
        ("ratifications-bad-yaml.yaml", "not valid YAML"),
    ],
)
def test_bad_file_is_reported_with_file_and_entry(fixture: str, fragment: str) -> None:
    path = FIXTURES / fixture
    with pytest.raises(DescriptionError) as caught:
        parse_ratifications(path.read_text(encoding="utf-8"), path)
    rendered = caught.value.render()
    assert fragment in rendered
    assert fixture in rendered


def test_bad_yaml_points_at_the_line() -> None:
    path = FIXTURES / "ratifications-bad-yaml.yaml"
    with pytest.raises(DescriptionError) as caught:
        parse_ratifications(path.read_text(encoding="utf-8"), path)
    assert caught.value.diagnostics[0].position.line >= 3


def test_path_is_inside_the_countries_data_folder() -> None:
    assert ratifications_path().name == "ratifications.yaml"
    assert ratifications_path().parent.name == "countries"
