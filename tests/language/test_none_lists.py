"""'none' states an empty list: the law has none of these, which differs from saying nothing."""

from __future__ import annotations

from pathlib import Path

from c102.language.canonical import format_description
from c102.language.load import load_description, parse_text

TEXT = 'country "X" {\n  iso: XX\n}\n\nscheme "H" {\n  branches: maternity\n  kind: public_service\n  cost_sharing: none  source "Health Act, s. 3"\n}\n'


def test_none_is_an_empty_list_with_its_source() -> None:
    fact = parse_text(TEXT).scheme[0].cost_sharing
    assert fact is not None and fact.value == [] and fact.source == "Health Act, s. 3"


def test_fmt_writes_none_back() -> None:
    assert format_description(parse_text(TEXT)) == TEXT


def test_yaml_and_json_read_none_and_an_empty_sequence(tmp_path: Path) -> None:
    yaml_file = tmp_path / "h.yaml"
    yaml_file.write_text("country: {name: X}\nscheme:\n- name: H\n  branches: [maternity]\n  kind: public_service\n  cost_sharing: none\n")
    json_file = tmp_path / "h.json"
    json_file.write_text('{"country": {"name": "X"}, "scheme": [{"name": "H", "branches": ["maternity"], "kind": "public_service", "cost_sharing": []}]}')
    for path in (yaml_file, json_file):
        fact = load_description(path).scheme[0].cost_sharing
        assert fact is not None and fact.value == []


def test_none_with_a_source_in_yaml_is_the_empty_list_of_a_free_text_list(tmp_path) -> None:
    from c102.language.load import load_description

    path = tmp_path / "n.yaml"
    path.write_text(
        'country: {name: X}\nscheme:\n  - name: S\n    branches: [old_age]\n    kind: universal\n'
        '    suspension_grounds: {value: none, source: "Act, s. 6"}\n',
        encoding="utf-8",
    )
    grounds = load_description(path).scheme[0].suspension_grounds
    assert grounds is not None and grounds.value == [] and grounds.source == "Act, s. 6"
