"""`complete` after a list: the list is the whole law. Read, written back, carried by the YAML/JSON
form, refused where it cannot apply, and warned about where an older file relied on the old reading."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from c102.errors import DescriptionError
from c102.language.canonical import format_description, to_dict
from c102.language.diagnose import check_text
from c102.language.load import load_description, parse_text

TEXT = """country "X" {
  fictional: yes
}

scheme "Health" {
  branches: medical_care
  kind: public_service
  contingencies: morbid_condition, pregnancy  complete  source "Act, s. 4"
  medical_care: gp, specialist, hospital  source "Act, s. 5"
}
"""


def test_complete_marks_the_list_and_only_that_list() -> None:
    scheme = parse_text(TEXT, "h.c102").scheme[0]
    assert scheme.contingencies is not None and scheme.contingencies.complete
    assert scheme.medical_care is not None and not scheme.medical_care.complete


def test_fmt_writes_complete_back_before_the_source() -> None:
    assert format_description(parse_text(TEXT, "h.c102")) == TEXT


@pytest.mark.parametrize("dump", [yaml.safe_dump, json.dumps], ids=["yaml", "json"])
def test_yaml_and_json_forms_keep_complete(tmp_path: Path, dump) -> None:  # type: ignore[no-untyped-def]
    original = parse_text(TEXT, "h.c102")
    data = to_dict(original)
    assert data["scheme"][0]["contingencies"]["complete"] is True
    path = tmp_path / ("h.yaml" if dump is yaml.safe_dump else "h.json")
    path.write_text(dump(data), encoding="utf-8")
    assert load_description(path) == original


def test_complete_after_a_value_that_is_not_a_list_is_an_error_at_the_word() -> None:
    with pytest.raises(DescriptionError) as raised:
        parse_text('country "X" {\n  fictional: yes  complete\n}\n', "h.c102")
    diagnostic = raised.value.diagnostics[0]
    assert "is not a list" in diagnostic.message
    assert (diagnostic.position.line, diagnostic.position.column) == (2, 19)  # type: ignore[union-attr]


def test_complete_is_a_plain_word_where_a_value_starts() -> None:
    scheme = parse_text(TEXT.replace("medical_care: gp,", "medical_care: complete, gp,"), "h.c102").scheme[0]
    assert scheme.medical_care is not None and scheme.medical_care.value[0] == "complete"


def test_a_complete_list_extended_elsewhere_is_a_positioned_error() -> None:
    text = TEXT.replace(
        '  medical_care: gp, specialist, hospital  source "Act, s. 5"\n',
        "  benefit medical_care {\n    contingency: invalidity\n  }\n",
    )
    errors = [d for d in check_text(text, "h.c102")[1] if d.severity == "error"]
    assert any("marked complete (line 8)" in d.message and d.position.line == 10 for d in errors)  # type: ignore[union-attr]


def test_check_warns_where_a_list_not_marked_complete_is_read_anew() -> None:
    warnings = [d for d in check_text(TEXT, "h.c102")[1] if d.code == "reading"]
    assert len(warnings) == 1
    assert "'medical_care'" in warnings[0].message and "no longer read as absent" in warnings[0].message
    assert warnings[0].position.line == 9  # type: ignore[union-attr]
