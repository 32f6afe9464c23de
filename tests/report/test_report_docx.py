"""DOCX reports come from the reference template: header and footer fields, a cover with a
contents field, fitted column widths, shaded verdict cells, charts as pictures, same bytes each time."""

from __future__ import annotations

import io

from c102.evaluate.assessment import Assessment
from c102.report.output import render_report
from c102.report.writers.docx import column_widths


def _open(data: bytes):  # type: ignore[no-untyped-def]
    import docx

    return docx.Document(io.BytesIO(data))


def test_header_and_footer_carry_title_and_page_number_fields(assessment: Assessment) -> None:
    doc = _open(render_report(assessment, "gap", "docx"))
    header = doc.sections[0].header.paragraphs[0]._p.xml
    footer = doc.sections[0].footer.paragraphs[0]._p.xml
    assert "TITLE" in header
    assert " PAGE " in footer and " NUMPAGES " in footer
    assert doc.sections[0].page_width > doc.sections[0].page_height  # landscape


def test_cover_has_title_subtitle_and_a_contents_field(assessment: Assessment) -> None:
    doc = _open(render_report(assessment, "article22", "docx"))
    styles = [p.style.name for p in doc.paragraphs[:4]]
    assert styles[:3] == ["Title", "Subtitle", "TOC Heading"]
    assert "TOC \\o" in doc.paragraphs[3]._p.xml
    assert {"Heading 1", "Heading 2", "Caption"} <= {p.style.name for p in doc.paragraphs}


def test_columns_are_fitted_to_their_content() -> None:
    widths = column_widths(["Article", "Gap"], [["Art 27(a)", "a long explanation of the gap " * 5]])
    assert widths[1] > 3 * widths[0]


def test_verdict_cells_are_shaded_and_charts_are_pictures(assessment: Assessment) -> None:
    data = render_report(assessment, "gap", "docx")
    xml = _open(data).element.xml
    assert 'w:fill="F6D5D5"' in xml or 'w:fill="D9EED9"' in xml
    assert "<pic:pic" in xml
    assert data == render_report(assessment, "gap", "docx")


def test_contents_field_already_lists_the_headings_before_word_updates_it(assessment: Assessment) -> None:
    doc = _open(render_report(assessment, "gap", "docx"))
    first = next(i for i, p in enumerate(doc.paragraphs) if "TOC \\o" in p._p.xml)
    last = next(i for i, p in enumerate(doc.paragraphs) if 'fldCharType="end"' in p._p.xml and i >= first)
    listed = [p.text for p in doc.paragraphs[first : last + 1]]
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert listed[: len(headings)] == headings and headings[0] == "Executive summary"


def test_a_caption_stays_on_the_page_of_its_table_or_chart(assessment: Assessment) -> None:
    doc = _open(render_report(assessment, "gap", "docx"))
    captions = [p for p in doc.paragraphs if p.style.name == "Caption" and p.text and "have no figure" not in p.text]
    assert captions and all(p.paragraph_format.keep_with_next for p in captions)
