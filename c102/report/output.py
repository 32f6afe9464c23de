"""From a document or an assessment to the bytes of one output format, and onto disk."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from c102.evaluate.assessment import Assessment
from c102.report.shared.document import Document

FORMATS = ("md", "html", "docx", "pdf", "xlsx", "json")
DOCUMENT_FORMATS = ("md", "html", "docx", "pdf")
KINDS = ("gap", "article22", "walkthrough", "options")
CLOSING_KINDS = ("gap", "options")  # the reports that list the smallest changes
WORKBOOK_KINDS = ("gap",)  # and the comparative assessment
BINARY_FORMATS = ("docx", "pdf", "xlsx")
# File extensions and the format each names; anything else is refused (no silent fallback).
EXTENSIONS = {
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
    ".pdf": "pdf",
    ".xlsx": "xlsx",
    ".json": "json",
}


def format_for(output: str | None, given: str | None) -> str:
    """The format asked with ``--format``, else the one the extension of ``-o`` names, else Markdown."""
    from c102.errors import UsageError

    if given:
        return given
    if not output:
        return "md"
    suffix = Path(output).suffix.lower()
    if suffix not in EXTENSIONS:
        known = ", ".join(EXTENSIONS)
        raise UsageError(
            f"-o {output}: the extension {suffix or '(none)'!r} names no output format; use one of "
            f"{known}, or give --format ({', '.join(FORMATS)})"
        )
    return EXTENSIONS[suffix]


def json_text(data: Any) -> str:
    """The project's JSON layout: indented, UTF-8 as is, keys in their given order, final newline."""
    from c102.report.writers.jsonout import dumps

    return dumps(data) + "\n"


def render_document(doc: Document, fmt: str, date: str | None = None) -> bytes:
    """Markdown, HTML or DOCX bytes of a document."""
    if fmt == "md":
        from c102.report.writers.markup import render_markdown

        return render_markdown(doc).encode("utf-8")
    if fmt == "html":
        from c102.report.writers.markup import render_html

        return render_html(doc).encode("utf-8")
    if fmt == "docx":
        from c102.report.writers.docx import render_docx

        return render_docx(doc, date)
    if fmt == "pdf":
        from c102.report.writers.pdf import render_pdf

        return render_pdf(doc)
    raise ValueError(f"no document renderer for {fmt!r}")


def report_document(
    assessment: Assessment,
    kind: str,
    *,
    date: str | None = None,
    part: str | None = None,
    parts: list[str] | None = None,
) -> Document:
    """The document of one report kind for one assessment."""
    if kind == "gap":
        from c102.report.kinds.gap import gap_document

        return gap_document(assessment, date)
    if kind == "article22":
        from c102.report.kinds.article22 import article22_document

        return article22_document(assessment, parts=parts, date=date)
    if kind == "options":
        from c102.report.kinds.options import options_document

        return options_document(assessment, date)
    if kind == "walkthrough":
        from c102.report.kinds.walkthrough import walkthrough_document

        if part is None:
            raise ValueError("the walk-through needs a Part")
        return walkthrough_document(assessment, part, date)
    raise ValueError(f"unknown report kind {kind!r}")


def render_report(
    assessment: Assessment,
    kind: str,
    fmt: str,
    *,
    date: str | None = None,
    part: str | None = None,
    parts: list[str] | None = None,
) -> bytes:
    """One report as bytes; ``json`` is the assessment itself whatever the kind. The gap and options
    reports list the smallest changes that close each gap (computed once per assessment)."""
    if kind in CLOSING_KINDS:
        from c102.reform.closing import with_smallest_changes

        with_smallest_changes(assessment)
    if fmt == "json":
        return json_text(assessment_json(assessment)).encode("utf-8")
    if fmt == "xlsx":
        if kind not in WORKBOOK_KINDS:
            raise ValueError(f"no workbook for the {kind} report")
        from c102.report.writers.workbook import render_xlsx

        return render_xlsx([assessment], date or _as_of(assessment))
    doc = report_document(assessment, kind, date=date, part=part, parts=parts)
    return render_document(doc, fmt, date or _as_of(assessment))


def assessment_json(assessment: Assessment) -> dict[str, Any]:
    """The assessment's documented JSON, with the Social Security Inquiry table added."""
    from c102.report.shared.ssi import ssi_json

    return {**assessment.to_json(), "social_security_inquiry": ssi_json(assessment)}


def _as_of(assessment: Assessment) -> str | None:
    from c102.report.shared.country import as_of

    value = as_of(assessment)
    return value if value[:1].isdigit() else None


def comparative_outputs(
    assessments: list[Assessment],
    formats: list[str],
    date: str | None = None,
    json_full: bool = False,
    smallest_changes: bool = True,
) -> dict[str, Callable[[], bytes]]:
    """File name -> producer of its bytes, for the formats asked; the document is built once. The
    workbook and the country notes give the smallest changes that close each gap (the browser's
    quick comparison page leaves them out: ``smallest_changes=False``)."""
    from c102.reform.closing import with_smallest_changes
    from c102.report.kinds.comparative import comparative_document, comparative_json

    for assessment in assessments if smallest_changes else ():
        with_smallest_changes(assessment)

    producers: dict[str, Callable[[], bytes]] = {}
    doc: Document | None = None

    def document() -> Document:
        nonlocal doc
        if doc is None:
            doc = comparative_document(assessments, date)
        return doc

    stamp = date or max((d for d in (_as_of(a) for a in assessments) if d), default=None)
    for fmt in formats:
        if fmt == "json":
            producers["comparative.json"] = lambda: json_text(comparative_json(assessments, json_full)).encode("utf-8")
        elif fmt == "xlsx":
            producers["comparative.xlsx"] = lambda: _workbook(assessments, stamp)
        else:
            producers[f"comparative.{fmt}"] = lambda fmt=fmt: render_document(document(), fmt, stamp)  # type: ignore[misc]
    return producers


def _workbook(assessments: list[Assessment], stamp: str | None) -> bytes:
    from c102.report.writers.workbook import render_xlsx

    return render_xlsx(assessments, stamp)


def write_outputs(folder: Path, producers: dict[str, Callable[[], bytes]]) -> list[Path]:
    """Every file produced first, then all put in place as one set (``output_set.write_set``)."""
    from c102.report.output_set import write_set

    return write_set(folder, producers)
