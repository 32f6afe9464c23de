"""The project's legal cases (tests/legal/*.yaml) hold: `c102 test tests/legal` exits 0."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LEGAL = ROOT / "tests" / "legal"


def test_every_legal_case_holds() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "c102", "test", str(LEGAL)], capture_output=True, text=True, cwd=ROOT
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert " 0 failed" in result.stdout.splitlines()[-1]


def test_every_legal_case_cites_an_article_and_pairs_with_a_fictional_description() -> None:
    import yaml

    files = sorted(LEGAL.glob("art-*.yaml"))
    assert files, "tests/legal holds no cases"
    for path in files:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        cases = data.get("cases", [data])
        for case in cases:
            assert case["article"].startswith("Art "), path
            assert case.get("fictional", data.get("fictional")) is True, path
            described = LEGAL / case.get("description", data.get("description"))
            assert "fictional: yes" in described.read_text(encoding="utf-8"), path
