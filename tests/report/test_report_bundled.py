"""The real pipeline over the bundled countries: every report well formed, and the committed
comparative report under reports/ identical to a fresh run."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from report_checks import check_html, check_markdown, docx_tables, docx_text, pdf_text, xlsx_values

from c102.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
COUNTRIES = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "countries").glob("*.c102"))
EXAMPLIA = "countries/examples/examplia.c102"
READY = all(importlib.util.find_spec(m) is not None for m in ("c102.evaluate.engine", "c102.language.load"))

pytestmark = pytest.mark.skipif(not READY, reason="the parser or the evaluator is not in this build")


@pytest.fixture(autouse=True)
def at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # receipts record the paths as given: keep them relative


def test_committed_comparative_report_is_current(tmp_path: Path) -> None:
    assert main(["compare", *COUNTRIES, "-o", str(tmp_path)]) == 0
    committed = ROOT / "reports"
    hint = "regenerate with: python3 -m c102 compare countries/*.c102 -o reports/"
    for name in ("comparative.html", "comparative.md", "comparative.json"):
        assert (tmp_path / name).read_bytes() == (committed / name).read_bytes(), f"{name} is stale; {hint}"
    fresh, old = (tmp_path / "comparative.docx").read_bytes(), (committed / "comparative.docx").read_bytes()
    assert docx_text(fresh) == docx_text(old), hint
    assert docx_tables(fresh) == docx_tables(old), hint
    assert pdf_text(tmp_path / "comparative.pdf") == pdf_text(committed / "comparative.pdf"), hint
    assert xlsx_values(tmp_path / "comparative.xlsx") == xlsx_values(committed / "comparative.xlsx"), hint
    assert sorted(p.name for p in committed.iterdir()) == sorted(p.name for p in tmp_path.iterdir())


@pytest.mark.parametrize("path", [*COUNTRIES, EXAMPLIA])
@pytest.mark.parametrize("kind", ["gap", "article22"])
def test_reports_of_every_bundled_country(path: str, kind: str, tmp_path: Path) -> None:
    for fmt in ("md", "html", "docx"):
        out = tmp_path / f"report.{fmt}"
        assert main(["report", path, "--kind", kind, "-o", str(out)]) == 0
    check_markdown((tmp_path / "report.md").read_text())
    check_html((tmp_path / "report.html").read_text())
    assert docx_tables((tmp_path / "report.docx").read_bytes())


@pytest.mark.parametrize("part", ["II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"])
def test_walkthrough_of_every_part(part: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", EXAMPLIA, "--kind", "walkthrough", "--part", part]) == 0
    text = capsys.readouterr().out
    check_markdown(text)
    assert f"Part {part} step by step" in text
