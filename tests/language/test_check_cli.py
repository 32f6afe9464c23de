"""``c102 check``: text and JSON output, exit codes, --strict."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from c102.cli.main import main
from c102.resources import data_path

EXAMPLIA = str(data_path("countries") / "examples" / "examplia.c102")


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_clean_file_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", EXAMPLIA]) == 0
    assert "1 file checked: 0 errors" in capsys.readouterr().err


def test_errors_exit_2_with_caret_and_hint(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "bad.c102", 'country "X" {\n  fictional: yess\n}\n')
    assert main(["check", path]) == 2
    out = capsys.readouterr().out
    assert f"{path}:2:14: error: expected yes or no, got yess\n    fictional: yess\n               ^" in out


def test_several_files_and_json_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = write(tmp_path, "bad.c102", 'country "X" {\n  iso:\n  as_of: 2025-13-01\n}\n')
    assert main(["check", "--message-format", "json", EXAMPLIA, bad]) == 2
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    errors = [d for d in lines if d["severity"] == "error"]
    assert [(d["file"], d["line"], d["column"], d["code"]) for d in errors] == [
        (bad, 2, 7, "syntax"),
        (bad, 3, 10, "value"),
    ]
    assert set(lines[0]) == {"file", "line", "column", "severity", "code", "message", "hint"}


def test_strict_turns_warnings_into_failure(tmp_path: Path) -> None:
    warned = write(
        tmp_path, "w.c102", 'country "X" {\n}\nstatistics 2023 {\n  employees: 10 (men 4, women 5)\n}\n'
    )
    assert main(["check", warned]) == 0
    assert main(["check", "--strict", warned]) == 2


def test_missing_file_is_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(tmp_path / "none.c102")]) == 2
    assert "none.c102: error: file not found" in capsys.readouterr().out
