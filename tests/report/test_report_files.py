"""PDF, Excel and chart output: pages with numbers and contents, sheets with frozen headers and
filters, charts that are the same bytes every time and load matplotlib only when drawn."""

from __future__ import annotations

import subprocess
import sys
from fractions import Fraction

import pytest
from report_checks import pdf_text, xlsx_values
from report_fixture import EVIL

from c102.evaluate.assessment import Assessment
from c102.report.output import format_for, render_report
from c102.report.shared.charts import Bar, chart_spec, missing_note, png, svg
from c102.report.writers.workbook import render_xlsx


def test_pdf_has_numbered_pages_and_a_contents_with_page_numbers(assessment: Assessment) -> None:
    pages = pdf_text(render_report(assessment, "gap", "pdf"))
    assert len(pages) >= 3
    assert "Contents" in pages[0] and "Executive summary" in pages[0]
    assert f"Page 2 of {len(pages)}" in pages[1]
    assert EVIL.split("<")[0].strip() in pages[0]  # the country name is text, not markup


def test_pdf_is_the_same_bytes_every_time(assessment: Assessment) -> None:
    first = render_report(assessment, "walkthrough", "pdf", part="V")
    assert first.startswith(b"%PDF-")
    assert first == render_report(assessment, "walkthrough", "pdf", part="V")


def test_workbook_sheets_have_frozen_headers_filters_and_formats(assessment: Assessment) -> None:
    import io

    from openpyxl import load_workbook

    data = render_xlsx([assessment], "2026-01-31")
    assert data == render_xlsx([assessment], "2026-01-31")
    book = load_workbook(io.BytesIO(data))
    assert book.sheetnames == [
        "Verdicts",
        "Rules",
        "Benefit levels",
        "Coverage",
        "Social Security Inquiry",
        "Statistics (Art 76)",
    ]
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "B2"
        assert sheet.auto_filter.ref and sheet.auto_filter.ref.startswith("A1:")
    rules = book["Rules"]
    assert rules.max_row == len(assessment.rules) + 1
    percent_rows = [r for r in rules.iter_rows(min_row=2) if r[8].value == "percent" and r[6].value is not None]
    assert percent_rows and all(r[6].number_format == "0.0%" for r in percent_rows)
    verdicts = xlsx_values(data)["Verdicts"]
    assert verdicts[1][0] == "Examplia " + EVIL  # text, as is: a spreadsheet cell is not markup
    assert book["Verdicts"]["B2"].fill.fgColor.rgb.endswith(("D9EED9", "F6D5D5", "FDF0C8", "E6E6E6", "FFFFFF"))


def test_social_security_inquiry_lists_ten_categories(assessment: Assessment) -> None:
    sheet = xlsx_values(render_xlsx([assessment]))["Social Security Inquiry"]
    assert [row[1] for row in sheet[1:]][-1] == "General social assistance"
    assert len(sheet) == 11


def test_extension_names_the_format_and_unknown_ones_are_refused() -> None:
    from c102.errors import UsageError

    assert format_for("a/b.PDF", None) == "pdf"
    assert format_for("b.xlsx", None) == "xlsx"
    assert format_for("b.txt", "md") == "md"
    assert format_for(None, None) == "md"
    with pytest.raises(UsageError, match=r"\.pdf, \.xlsx"):
        format_for("x.txt", None)


def test_chart_keeps_only_bars_with_a_figure_and_names_the_rest() -> None:
    bars = [Bar("A", Fraction(45), Fraction(40)), Bar("B", None, Fraction(40)), Bar("C", Fraction(20), Fraction(40))]
    spec = chart_spec("Rates", bars, missing_note(["B"], "country", "countries"))
    assert [b["label"] for b in spec["bars"]] == ["A", "C"]
    assert [b["meets"] for b in spec["bars"]] == [True, False]
    assert spec["note"] == "1 country has no figure: B."
    assert missing_note(["B", "D"], "country", "countries").startswith("2 countries have")


def test_charts_are_deterministic_escaped_and_without_external_references() -> None:
    spec = chart_spec("T <script>", [Bar("A & B", Fraction(45), Fraction(40))])
    drawing = svg(spec)
    assert drawing.startswith("<svg") and "<script>" not in drawing and "A &amp; B" in drawing
    assert "http" not in drawing and "<metadata>" not in drawing
    assert png(spec) == png(spec) and png(spec).startswith(b"\x89PNG")


def test_markdown_and_json_reports_do_not_load_matplotlib_or_weasyprint() -> None:
    code = (
        "import sys; from c102.report.output import render_document; "
        "from c102.report.shared.document import document, section, chart, table; "
        "from c102.report.shared.charts import chart_spec; "
        "doc = document('t', 's', [section('h', [chart(chart_spec('c', []), 'c', table(['a'], []))])], [], 'gap'); "
        "render_document(doc, 'md'); "
        "print([m for m in ('matplotlib', 'weasyprint', 'openpyxl') if m in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
