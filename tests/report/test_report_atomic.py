"""Output files appear whole or not at all, and leave no temporary files behind."""

from __future__ import annotations

from pathlib import Path

import pytest

from c102.report.atomic import write_atomic


def test_writes_and_replaces_without_leftovers(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "report.md"
    write_atomic(target, "first\n")
    write_atomic(target, b"second\n")
    assert target.read_bytes() == b"second\n"
    assert [p.name for p in target.parent.iterdir()] == ["report.md"]


def test_a_failed_write_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    target.write_text("old\n")
    with pytest.raises(TypeError):
        write_atomic(target, 42)  # type: ignore[arg-type]
    assert target.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]
