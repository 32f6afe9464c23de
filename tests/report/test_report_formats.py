"""Every report kind in every format: well formed, self-contained, escaped, with its tables."""

from __future__ import annotations

import json

import pytest
from report_checks import check_html, check_markdown, docx_tables, docx_text
from report_fixture import EVIL

from c102.evaluate.assessment import Assessment
from c102.report.kinds.comparative import comparative_document, comparative_json
from c102.report.kinds.gap_parts import DETAIL_HEADER, SETTLED_HEADER
from c102.report.output import render_document, render_report

KINDS = [
    ("gap", {}),
    ("article22", {}),
    ("article22", {"parts": ["IV", "IX"]}),
    ("walkthrough", {"part": "V"}),
]


@pytest.mark.parametrize(("kind", "options"), KINDS)
def test_html_is_self_contained_and_escaped(assessment: Assessment, kind: str, options: dict) -> None:
    text = render_report(assessment, kind, "html", **options).decode()
    parsed = check_html(text)
    assert EVIL not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "@media print" in text
    assert EVIL in "".join(parsed.text)  # the name is shown, as text


@pytest.mark.parametrize(("kind", "options"), KINDS)
def test_markdown_tables_are_well_formed(assessment: Assessment, kind: str, options: dict) -> None:
    text = render_report(assessment, kind, "md", **options).decode()
    assert check_markdown(text) >= 3
    assert "\\<script\\>" in text


@pytest.mark.parametrize(("kind", "options"), KINDS)
def test_docx_opens_with_tables(assessment: Assessment, kind: str, options: dict) -> None:
    data = render_report(assessment, kind, "docx", **options)
    tables = docx_tables(data)
    assert tables
    assert all(len(set(map(len, t))) == 1 for t in tables)  # rectangular
    assert EVIL in docx_text(data)  # literal text, harmless in Word


def test_gap_docx_details_open_rules_per_part_and_condenses_the_rest(assessment: Assessment) -> None:
    tables = docx_tables(render_report(assessment, "gap", "docx"))
    detail_tables = [t for t in tables if t[0] == DETAIL_HEADER]
    open_rules = [r for r in assessment.rules if r.verdict not in ("compliant", "not_applicable")]
    assert len(detail_tables) == len({r.part for r in open_rules})
    assert sum(len(t) - 1 for t in detail_tables) == len(open_rules)
    settled = next(t for t in tables if t[0] == SETTLED_HEADER)
    assert len(settled) - 1 == len(assessment.rules) - len(open_rules)
    headers = [t[0] for t in tables]
    assert ["Choice", "Value", "Source", "Note"] in headers


def test_json_is_the_assessment_with_the_social_security_inquiry_table(assessment: Assessment) -> None:
    text = render_report(assessment, "gap", "json").decode()
    assert text.endswith("}\n")
    data = json.loads(text)
    inquiry = data.pop("social_security_inquiry")
    assert data == json.loads(json.dumps(assessment.to_json()))
    assert [c["category"] for c in inquiry][-1] == "social_assistance" and len(inquiry) == 10


def test_comparative_in_every_format(assessment_factory) -> None:  # type: ignore[no-untyped-def]
    assessments = [assessment_factory(), assessment_factory("Otherland", 3)]
    doc = comparative_document(assessments)
    html = render_document(doc, "html").decode()
    parsed = check_html(html)
    assert html.count("<svg") == html.count("<figure class=\"chart\">") >= 2  # one chart per Part with figures
    assert EVIL not in html
    assert "Otherland" in "".join(parsed.text)
    md = render_document(doc, "md").decode()
    assert check_markdown(md) >= 6
    tables = docx_tables(render_document(doc, "docx"))
    matrix = next(t for t in tables if t[0][0] == "Country" and "Art 2 set" in t[0])
    assert [row[0] for row in matrix[1:]] == [EVIL.join(["Examplia ", ""]), "Otherland"]
    data = comparative_json(assessments)
    assert [s["country"] for s in data["summary"]] == ["Examplia " + EVIL, "Otherland"]
    assert [r["country"] for r in data["rules"]] == ["Examplia " + EVIL, "Otherland"]
    assert "assessments" not in data and "explanation" not in data["rules"][0]["results"][0]
    assert len(comparative_json(assessments, full=True)["assessments"]) == 2


def test_every_report_shows_every_choice_with_its_source(assessment_factory) -> None:  # type: ignore[no-untyped-def]
    a = assessment_factory("Plainland")
    a.choices[0]["source"] = "Cabinet decision 12/2024"
    outputs = [render_report(a, k, "md", **o).decode() for k, o in KINDS]
    outputs.append(render_document(comparative_document([a]), "md").decode())
    for text in outputs:
        assert "Family allowances in Part XI" in text  # the choice by its human label, no raw key
        assert "Cabinet decision 12/2024" in text


def test_no_timestamp_unless_a_date_is_given(assessment: Assessment) -> None:
    plain = render_report(assessment, "gap", "md").decode()
    dated = render_report(assessment, "gap", "md", date="2026-03-01").decode()
    assert "Report date" not in plain
    assert "Report date: 2026-03-01" in dated


def test_markdown_cells_keep_pipes_and_line_breaks_inside(assessment: Assessment) -> None:
    text = render_report(assessment, "gap", "md").decode()
    check_markdown(text)
    assert "The benefit depends on a supplement.<br>A specialist \\| must answer." in text
    assert "Unemployment \\| insurance" in text
