"""Broken rule files fail with a message naming file:line:column, the rule id and the field."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from c102.errors import RulebookError
from c102.rules.load import load_rulebook
from c102.rules.yaml_source import display_path

BROKEN = Path(__file__).parent / "fixtures" / "broken"


def _position(fixture: str, needle: str, offset: int = 0) -> tuple[int, int]:
    """1-based line and column where ``needle`` starts in a fixture (plus ``offset`` columns)."""
    for number, line in enumerate((BROKEN / fixture).read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return number, line.index(needle) + 1 + offset
    raise AssertionError(f"{needle!r} not in {fixture}")


def _error(root: Path) -> str:
    with pytest.raises(RulebookError) as caught:
        load_rulebook("mini", root=root)
    return caught.value.render()


CASES = [
    # fixture, rule id, field, text in the message, (needle, column offset) locating the error
    ("missing-citation.yaml", "II-3-coverage", "articles", "missing", ("- id: II-3-coverage", 2)),
    ("unknown-kind.yaml", "II-3-coverage", "kind", "'coverge' is not allowed", ("coverge", 0)),
    (
        "threshold-out-of-range.yaml",
        "II-3-coverage",
        "params.alternatives[0].threshold",
        "150 is out of range (it must be between 0 and 100)",
        ("150", 0),
    ),
    ("bad-citation.yaml", "II-4-benefit-level", "articles[0]", "'4 b' is not well formed", ('"4 b"', 0)),
    ("unknown-param.yaml", "II-4-benefit-level", "params.yeers", "unknown field", ("yeers", 0)),
    ("missing-question.yaml", "II-5-qualifying-period", "question", "missing", ("- id: II-5-qualifying", 2)),
    (
        "unknown-schedule-row.yaml",
        "II-4-benefit-level",
        "params.rows[0]",
        "Schedule row 'old_age_pension' does not exist",
        ("old_age_pension", 0),
    ),
]


@pytest.mark.parametrize(("fixture", "rule_id", "field", "text", "where"), CASES, ids=[c[0] for c in CASES])
def test_broken_rule_file_names_file_line_column_rule_and_field(
    mini_root: Callable[..., Path],
    fixture: str,
    rule_id: str,
    field: str,
    text: str,
    where: tuple[str, int],
) -> None:
    root = mini_root({"part-02.yaml": fixture})
    message = _error(root)
    line, column = _position(fixture, *where)
    first = message.splitlines()[0]
    assert first.endswith(
        f"rules/mini/part-02.yaml:{line}:{column}: error: rule {rule_id}: field '{field}': {text}"
    ) or (f"part-02.yaml:{line}:{column}: error: rule {rule_id}: field '{field}': {text}" in first), message
    assert "^" in message  # the offending line is shown with a caret
    assert "Traceback" not in message


def test_duplicate_id_across_files_names_both_places(mini_root: Callable[..., Path]) -> None:
    root = mini_root({"part-02-more.yaml": "duplicate-id.yaml"})
    message = _error(root)
    # Files are read in name order: part-02-more.yaml first, so the repeat is the one in part-02.yaml.
    more_line, more_column = _position("duplicate-id.yaml", "II-5-qualifying-period")
    original = (root / "mini" / "part-02.yaml").read_text(encoding="utf-8").splitlines()
    line = next(i for i, text in enumerate(original, 1) if "id: II-5-qualifying-period" in text)
    column = original[line - 1].index("II-5") + 1
    assert (
        f"part-02.yaml:{line}:{column}: error: rule II-5-qualifying-period: field 'id' is a duplicate; "
        f"first defined at {display_path(root / 'mini' / 'part-02-more.yaml')}:{more_line}:{more_column}"
    ) in message
    assert message.count("is a duplicate") == 1


def test_yaml_syntax_error_is_located(mini_root: Callable[..., Path]) -> None:
    root = mini_root({"part-02.yaml": "syntax-error.yaml"})
    message = _error(root)
    assert "part-02.yaml:" in message and "YAML syntax" in message
    assert "Traceback" not in message


def test_every_error_of_a_file_is_reported(mini_root: Callable[..., Path], tmp_path: Path) -> None:
    root = mini_root()
    path = root / "mini" / "part-02.yaml"
    text = path.read_text(encoding="utf-8").replace("threshold: 50", "threshold: 150")
    path.write_text(text.replace("kind: judgment", "kind: judgement"), encoding="utf-8")
    message = _error(root)
    assert "150 is out of range" in message and "'judgement' is not allowed" in message


def test_header_must_agree_with_instrument_yaml(mini_root: Callable[..., Path]) -> None:
    root = mini_root()
    path = root / "mini" / "part-02.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("title: Old age", "title: Old-age"), encoding="utf-8"
    )
    message = _error(root)
    assert (
        "part-02.yaml:4:8: error: field 'title': 'Old-age' differs from instrument.yaml ('Old age')"
        in message
    )


def test_rule_id_must_start_with_its_part(mini_root: Callable[..., Path]) -> None:
    root = mini_root()
    path = root / "mini" / "part-02.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("id: II-3-coverage", "id: III-3-coverage"), encoding="utf-8"
    )
    message = _error(root)
    assert "rule III-3-coverage: field 'id' must start with the Part, 'II-'" in message
