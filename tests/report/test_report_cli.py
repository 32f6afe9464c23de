"""`c102 report` and `c102 compare` end to end, with the evaluator replaced by the hand-built fixture."""

from __future__ import annotations

from pathlib import Path

import pytest
from report_checks import check_html, check_markdown, docx_tables
from report_fixture import make_assessment

import c102.report.pipeline as pipeline
from c102.cli.main import main
from c102.evaluate.assessment import Assessment


@pytest.fixture(autouse=True)
def fake_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    def assess_file(path: str, keep_graph: bool = True) -> Assessment:
        name = Path(path).stem.capitalize()
        a = make_assessment(name, 10 if name != "Poorland" else 3)
        a.receipt.description_path = path
        if name == "Compliantia":
            for part in a.parts.values():
                part.accepted = part.verdict == "compliant"
            a.ratification.accepted_parts = [p for p, r in a.parts.items() if r.accepted]
            a.ratification.accepted_but_failing = []
        return a

    monkeypatch.setattr(pipeline, "assess_file", assess_file)


def test_report_markdown_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "x.c102"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("# X: gap analysis")
    check_markdown(out)
    assert err == ""


def test_report_formats_to_files(tmp_path: Path) -> None:
    assert main(["report", "x.c102", "-o", str(tmp_path / "gap.html")]) == 0
    check_html((tmp_path / "gap.html").read_text())
    assert (
        main(["report", "x.c102", "--kind", "article22", "--parts", "II,V", "-o", str(tmp_path / "a22.docx")])
        == 0
    )
    assert docx_tables((tmp_path / "a22.docx").read_bytes())
    assert (
        main(
            [
                "report",
                "x.c102",
                "--kind",
                "walkthrough",
                "--part",
                "v",
                "--format",
                "md",
                "-o",
                str(tmp_path / "w.md"),
            ]
        )
        == 0
    )
    assert "Step 6" in (tmp_path / "w.md").read_text()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a22.docx", "gap.html", "w.md"]


@pytest.mark.parametrize(
    "argv",
    [
        ["report", "x.c102", "--format", "html"],
        ["report", "x.c102", "--kind", "walkthrough"],
        ["report", "x.c102", "--kind", "walkthrough", "--part", "XIII"],
        ["report", "x.c102", "--date", "1 March"],
        ["report", "x.c102", "--kind", "article22", "--parts", "II,Q"],
        ["compare", "x.c102", "-o", "out", "--format", "txt"],
        ["report", "x.c102", "-o", "x.txt"],
        ["report", "x.c102", "--kind", "article22", "-o", "x.xlsx"],
    ],
)
def test_usage_mistakes_exit_2_with_a_message(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "error" in err and "Traceback" not in err


def test_compare_writes_exactly_the_asked_files_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = [f"{n}.c102" for n in ("alpha", "beta", "gamma", "delta", "epsilon")]
    assert main(["compare", *files, "-o", str(tmp_path), "--format", "html,md,docx,json,xlsx"]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "comparative.docx",
        "comparative.html",
        "comparative.json",
        "comparative.md",
        "comparative.xlsx",
    ]
    out, err = capsys.readouterr()
    assert err == ""  # no progress bar when stderr is not a terminal
    assert out.count("wrote ") == 5 and "comparative.xlsx" in out
    assert "5 countries, Parts by verdict: " in out
    check_html((tmp_path / "comparative.html").read_text())
    check_markdown((tmp_path / "comparative.md").read_text())


def test_compare_format_subset_and_date(tmp_path: Path) -> None:
    assert main(["compare", "a.c102", "-o", str(tmp_path), "--format", "md", "--date", "2026-01-31"]) == 0
    assert [p.name for p in tmp_path.iterdir()] == ["comparative.md"]
    assert "report date 2026-01-31" in (tmp_path / "comparative.md").read_text()


def test_fail_on_gap(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", "compliantia.c102", "-o", str(tmp_path), "--fail-on-gap"]) == 0
    assert main(["compare", "compliantia.c102", "examplia.c102", "-o", str(tmp_path), "--fail-on-gap"]) == 1
    assert "Examplia: accepted Part V is not compliant" in capsys.readouterr().err
    assert main(["compare", "examplia.c102", "-o", str(tmp_path)]) == 0


def test_progress_bar_only_on_a_terminal_with_enough_files(monkeypatch: pytest.MonkeyPatch) -> None:
    with pipeline.progress(10, "assessing") as tick:
        assert tick is None  # stderr is captured, not a terminal
    monkeypatch.setattr("sys.stderr.isatty", lambda: True)
    with pipeline.progress(3, "assessing") as tick:
        assert tick is None  # too few files to bother
    with pipeline.progress(10, "assessing") as tick:
        assert tick is not None
        tick.advance()  # type: ignore[attr-defined]
