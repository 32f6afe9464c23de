"""The source lint of ``c102 check``: a citation a specialist cannot follow is a positioned warning."""

from __future__ import annotations

from pathlib import Path

from c102.language.citations import citation_warnings
from c102.language.load import load_description

HEADER = 'country "Realia" {\n  iso: RL  source "Realia statistical office, ISO register (2024)"\n}\n'


def codes(tmp_path: Path, body: str, header: str = HEADER) -> list[tuple[int, str]]:
    path = tmp_path / "realia.c102"
    path.write_text(header + body, encoding="utf-8")
    return [(d.position.line, d.code or "") for d in citation_warnings(load_description(path))]


SCHEME = """scheme "Pensions" {{
  branches: old_age
  kind: social_insurance
  legal_basis: "Pensions Act"  source "{source}"{note}
}}
"""


def test_legal_fact_citing_the_law_and_its_article_passes(tmp_path: Path) -> None:
    source = "Pensions Act No. 12 (2019), art. 3 https://example.org/act"
    assert codes(tmp_path, SCHEME.format(source=source, note="")) == []


def test_legal_fact_without_a_provision_is_flagged_at_its_line(tmp_path: Path) -> None:
    source = "SSA, Social Security Programs Throughout the World: Africa, 2019"
    assert codes(tmp_path, SCHEME.format(source=source, note="")) == [(7, "citation-no-provision")]


def test_provision_named_in_the_note_counts(tmp_path: Path) -> None:
    source = "SSA, Social Security Programs Throughout the World: Africa, 2019"
    note = '  note "the Act, s. 4, as summarised by the SSA"'
    assert codes(tmp_path, SCHEME.format(source=source, note=note)) == []


def test_official_summary_with_a_note_that_the_provision_was_not_found_passes(tmp_path: Path) -> None:
    source = "SSA, Social Security Programs Throughout the World: Africa, 2019"
    note = '  note "provision not found: the section of the Act was not located"'
    assert codes(tmp_path, SCHEME.format(source=source, note=note)) == []


def test_provision_not_found_note_does_not_excuse_a_newspaper(tmp_path: Path) -> None:
    source = "Jordan Times, 'New pension rules' (2019)"
    note = '  note "provision not found; secondary source: newspaper"'
    assert codes(tmp_path, SCHEME.format(source=source, note=note)) == [(7, "citation-no-provision")]


def test_source_without_a_year_is_flagged(tmp_path: Path) -> None:
    source = "Pensions Act, art. 3, as published by the Ministry"
    assert codes(tmp_path, SCHEME.format(source=source, note="")) == [(7, "citation-no-year")]


def test_vague_source_is_flagged(tmp_path: Path) -> None:
    source = "as recalled from the Act, art. 3 (2019)"
    assert codes(tmp_path, SCHEME.format(source=source, note="")) == [(7, "citation-vague")]


def test_newspaper_needs_a_secondary_source_note(tmp_path: Path) -> None:
    source = "Togo First, 'Pensions explained' (2020), citing the Code, art. 41"
    assert codes(tmp_path, SCHEME.format(source=source, note="")) == [(7, "citation-secondary")]
    marked = '  note "secondary source: newspaper; the Code was not found online"'
    assert codes(tmp_path, SCHEME.format(source=source, note=marked)) == []


def test_law_cited_for_an_inferred_fact_is_flagged(tmp_path: Path) -> None:
    source = "Pensions Act No. 12 (2019), art. 3"
    note = '  note "estimate: inferred, no time limit is stated in the sources read"'
    assert codes(tmp_path, SCHEME.format(source=source, note=note)) == [(7, "citation-inferred")]


def test_statistics_need_a_year_but_no_provision(tmp_path: Path) -> None:
    body = 'statistics 2024 {\n  residents: 1_000  source "Realia statistical office, census report 2024"\n}\n'
    assert codes(tmp_path, body) == []


def test_fact_without_source_is_flagged_but_classifications_are_not(tmp_path: Path) -> None:
    body = 'statistics 2024 {\n  residents: 1_000\n}\n'
    assert codes(tmp_path, body) == [(5, "citation-missing")]


def test_fictional_descriptions_are_not_linted(tmp_path: Path) -> None:
    header = 'country "Examplia" {\n  fictional: yes\n}\n'
    body = SCHEME.format(source="made up", note="")
    assert codes(tmp_path, body, header=header) == []
