"""The terminal summary: aligned whatever the verdict word, the article the verdict rests on,
colour on a terminal only."""

from __future__ import annotations

import io

from rich.console import Console

from c102.cli.summary import print_summary, summary_renderables, summary_text
from c102.evaluate.assessment import Assessment


def test_part_rows_align_whatever_the_verdict_word(assessment: Assessment) -> None:
    text = summary_text(assessment)
    rows = [line for line in text.splitlines() if line.split()[:1] and line.split()[0] in assessment.parts]
    assert len(rows) == len(assessment.parts)
    starts = {len(line) - len(line[5:].lstrip()) for line in rows}
    assert len(starts) == 1  # the verdict column starts at the same place on every row
    assert "insufficient data" in text or "not compliant" in text


def test_gap_cites_the_alternative_it_is_measured_under(assessment: Assessment) -> None:
    rule = next(r for r in assessment.rules if r.verdict == "not_compliant")
    rule.alternative = None
    rule.gap = "13.0% against 20%: 7.0 points short under 27(b)"
    rule.articles = ["27(a)", "27(b)", "27(c)"]
    line = next(line for line in summary_text(assessment, show_all=True).splitlines() if rule.id in line)
    assert "Art 27(b)" in line and "Art 27(a)" not in line


def test_colour_on_a_terminal_and_none_when_asked(assessment: Assessment) -> None:
    coloured = Console(file=io.StringIO(), force_terminal=True, color_system="standard", width=160)
    print_summary(coloured, summary_renderables(assessment))
    assert "\x1b[" in coloured.file.getvalue()  # type: ignore[attr-defined]
    plain = Console(file=io.StringIO(), force_terminal=True, no_color=True, width=160)
    print_summary(plain, summary_renderables(assessment))
    assert "\x1b[3" not in plain.file.getvalue()  # type: ignore[attr-defined]
