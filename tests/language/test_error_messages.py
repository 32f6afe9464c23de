"""Error messages as a reader sees them: exact text with line, column, caret, expectation, hint.

Each ``fixtures/errors/NAME.ext`` has a ``NAME.expected`` holding the rendered diagnostics. To
review a change of wording, print the new text with ``render(path)`` and compare by eye.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from c102.language.load import diagnose_file

ERRORS = Path(__file__).parent / "fixtures" / "errors"
CASES = sorted(p for p in ERRORS.iterdir() if p.suffix in (".c102", ".yaml", ".json"))


def render(path: Path) -> str:
    cwd = os.getcwd()
    os.chdir(path.parent)  # diagnostics name the file as given: keep the expected files portable
    try:
        description, diagnostics = diagnose_file(path.name)
    finally:
        os.chdir(cwd)
    assert description is None, "an error fixture must not load"
    return "\n".join(d.render() for d in diagnostics) + "\n"


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.name)
def test_error_text(path: Path) -> None:
    expected = path.with_suffix(".expected").read_text(encoding="utf-8")
    assert render(path) == expected


def test_every_fixture_has_its_expected_text() -> None:
    assert len(CASES) >= 15
    assert all(p.with_suffix(".expected").exists() for p in CASES)
