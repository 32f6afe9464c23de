"""Gap and options reports, `assess` and `compare` list the smallest changes by default, computed
once per assessment; a count of persons that closes a coverage gap is the smallest whole number."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from c102.cli.main import main
from c102.evaluate.engine import assess
from c102.language.load import load_description
from c102.reform import closing
from c102.reform.paths import resolve, with_fact
from c102.reform.workbench import Workbench
from c102.report.output import comparative_outputs, render_report
from c102.resources import data_path

CEILING_FAIL = str(data_path("countries") / "examples" / "ceiling-fail.c102")
# Togo's coverage now lacks the employees among its economically active insured (insufficient_data):
# Honduras' insured employees fall short of 27(a) on stated figures.
HONDURAS = str(data_path("countries") / "honduras.c102")
RATE_CHANGE = "raise the rate (Old-age insurance, old age benefit) from 45% to 50%"


def test_assess_lists_the_smallest_changes_unless_told_not_to(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["assess", CEILING_FAIL]) == 0
    assert f"smallest change: {RATE_CHANGE}" in capsys.readouterr().out
    assert main(["assess", CEILING_FAIL, "--no-smallest-changes"]) == 0
    assert "smallest change" not in capsys.readouterr().out
    assert main(["assess", CEILING_FAIL, "--no-smallest-changes", "--format", "json"]) == 0
    assert all("smallest_changes" not in r for r in json.loads(capsys.readouterr().out)["rules"])


@pytest.mark.parametrize("kind", ["gap", "options"])
def test_the_gap_and_options_reports_give_the_smallest_changes(kind: str) -> None:
    text = render_report(assess(load_description(CEILING_FAIL)), kind, "md").decode("utf-8")
    assert RATE_CHANGE in text


def test_the_smallest_changes_are_computed_once_per_assessment(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[object] = []
    real = closing.smallest_changes
    monkeypatch.setattr(closing, "smallest_changes", lambda bench: calls.append(bench) or real(bench))
    assessment = assess(load_description(CEILING_FAIL))
    for kind in ("gap", "options", "gap"):
        render_report(assessment, kind, "md")
    comparative_outputs([assessment], ["md"])["comparative.md"]()
    assert len(calls) == 1
    rule = assessment.rule("V-28-benefit-level")
    assert rule.closings and any(c["text"] == RATE_CHANGE for c in rule.closings)


def test_compare_writes_the_smallest_changes_into_the_workbook_and_json(tmp_path: Path) -> None:
    assert main(["compare", CEILING_FAIL, "-o", str(tmp_path), "--format", "json"]) == 0
    data = json.loads((tmp_path / "comparative.json").read_text(encoding="utf-8"))
    rule = next(r for r in data["rules"][0]["results"] if r["id"] == "V-28-benefit-level")
    assert RATE_CHANGE in [c["text"] for c in rule["smallest_changes"]]


def test_a_coverage_gap_closes_at_the_smallest_whole_number_of_persons() -> None:
    bench = Workbench(load_description(HONDURAS))
    found = closing.smallest_changes(bench)["V-27-coverage"][0]
    assert found.path.endswith(".persons") and found.raise_
    persons = int(found.after.replace(" ", "").replace(",", ""))
    path = resolve(bench.original, found.path)

    def verdict(count: int) -> str:
        fact = bench.fact_for(path, f"{count}")
        changed, _, _ = with_fact(bench.original, path, fact)
        return assess(changed).rule("V-27-coverage").verdict

    assert verdict(persons) == "compliant"
    assert verdict(persons - 1) == "not_compliant"
