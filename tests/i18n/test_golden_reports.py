"""Golden French and Spanish reports: Togo in French, Honduras in Spanish, byte for byte as a fresh
run writes them. Regenerate with ``python -m tools.i18n_golden`` (docs/languages.md) and review
the diff."""

from __future__ import annotations

from pathlib import Path

import pytest

from tools.i18n_golden import CASES, GOLDEN, golden_name, write


@pytest.mark.parametrize("case", CASES, ids=lambda c: golden_name(c[0], c[1], c[2]))
def test_a_report_matches_its_golden_file(case: tuple[str, str, str, tuple[str, ...]], tmp_path: Path) -> None:
    fresh = write(case, tmp_path).read_text(encoding="utf-8")
    golden = (GOLDEN / golden_name(case[0], case[1], case[2])).read_text(encoding="utf-8")
    assert fresh == golden, "stale golden report; regenerate with: python -m tools.i18n_golden"
