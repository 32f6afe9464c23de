"""`c102 rules`: the table, the JSON list and the coverage report."""

from __future__ import annotations

import json

import pytest

from c102.cli.main import main
from c102.rules.load import load_rulebook

JSON_KEYS = {
    "id",
    "instrument",
    "part",
    "articles",
    "kind",
    "title",
    "summary",
    "topic",
    "question",
    "applies_to_declaration",
    "params",
    "file",
    "line",
}


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["rules", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def _table_ids(out: str) -> list[str]:
    """The rule ids of the table: the first word of each row (a wrapped cell continues indented)."""
    body = out.split("\n\n")[0].splitlines()[2:]  # the header and its rule line first
    return [line.split()[0] for line in body if line and not line[0].isspace()]


def test_rules_table_lists_every_rule(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys)
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["ID", "PART", "ARTICLES", "KIND", "TITLE"]
    assert set(lines[1]) == {"─"}
    rulebook = load_rulebook()
    assert _table_ids(out) == [r.id for r in rulebook.rules]
    assert lines[-1].startswith(f"{len(rulebook.rules)} rules of C102, rulebook sha256 {rulebook.sha256}")
    row = next(line for line in lines if line.startswith("V-27-coverage "))
    assert row.split()[1:3] == ["V", "27(a),"] and "coverage" in row and "Persons protected" in row
    assert "\x1b[" not in out  # plain text: no colour codes when piped


def test_rules_table_shows_every_citation_without_cutting(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(capsys)
    first = load_rulebook().rules[0]
    assert "..." not in out
    for article in first.articles:  # the long list of I-2-parts wraps inside its column
        assert article in out.split(first.id, 1)[1].split("\nI-3", 1)[0]
    lines = out.split("\n\n")[0].splitlines()
    part_column = lines[0].index("PART")
    rows = [line for line in lines[2:] if not line[0].isspace()]
    # Aligned whatever the id's length: every Part numeral starts under the PART heading.
    assert all(line[part_column - 1] == " " and line[part_column] in "IVX" for line in rows)


def test_rules_part_filter(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "--part", "v")
    assert code == 0
    ids = _table_ids(out)
    assert ids and all(i.startswith("V-") for i in ids)
    assert "V-27-coverage" in ids


def test_rules_unknown_part_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "--part", "XX")
    assert code == 2 and out == ""
    assert "unknown Part 'XX'" in err and "Traceback" not in err


def test_rules_unknown_instrument_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "--instrument", "c999")
    assert code == 2 and "unknown instrument 'c999'" in err


def test_rules_json_is_a_stable_list(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert isinstance(data, list) and len(data) == len(load_rulebook().rules)
    for entry in data:
        assert set(entry) == JSON_KEYS
        assert entry["instrument"] == "C102"
    qualifying = next(e for e in data if e["id"] == "II-11-qualifying-period")
    assert qualifying["kind"] == "judgment" and qualifying["question"].endswith("?")
    assert qualifying["articles"] == ["11"] and qualifying["topic"] == "qualifying_period"
    code, again, _ = _run(capsys, "--format", "json")
    assert again == out  # byte-identical


def test_rules_json_part(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(capsys, "--part", "XIII", "--format", "json")
    assert [e["id"] for e in json.loads(out)][:2] == ["XIII-69-suspension", "XIII-70-appeal"]


def test_rules_coverage_text(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "--coverage")
    assert code == 0
    lines = out.splitlines()
    art = {line.split()[1]: line for line in lines if line.startswith("  Art ")}
    assert list(art)[:3] == ["1", "2", "3"] and "77" in art and "78-87" in art
    assert "V-27-coverage" in art["27"]
    assert "no checkable requirement: a reporting duty" in art["76"]
    assert "no checkable requirement: purpose statement of Part V" in art["25"]
    assert "NOT COVERED" not in out
    assert lines[-1].endswith("0 not covered")


def test_rules_coverage_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "--coverage", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert {e["status"] for e in data} == {"covered", "no_checkable_requirement"}
    by_article = {e["article"]: e for e in data}
    assert by_article["69"] == {
        "article": "69",
        "part": "XIII",
        "status": "covered",
        "rules": ["XIII-69-suspension"],
        "reason": None,
    }
    assert by_article["78-87"]["part"] is None
