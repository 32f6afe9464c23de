"""DOCX from the same document the templates render, written byte-for-byte reproducibly.

python-docx provides the package (default template, styles, page setup, core properties); the
body is written as WordprocessingML text from the document blocks and put in place of a
placeholder paragraph when the package is rewritten, since building thousands of table cells
through python-docx's object API (or even moving parsed elements into its tree) is slow. python-docx stamps the core properties
with the current time and zip entries carry file times: both are fixed here (to the report's
date, else 2000-01-01) so the same inputs give the same bytes.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from c102.report.document import Block, Document

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_DEFAULT_DATE = date(2000, 1, 1)
_PLACEHOLDER = "c102-report-body-placeholder"
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _fixed_datetime(when: str | None) -> datetime:
    try:
        day = date.fromisoformat(when) if when else _DEFAULT_DATE
    except ValueError:
        day = _DEFAULT_DATE
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


def _text(value: str) -> str:
    """Body text: characters XML cannot hold are dropped, markup characters escaped."""
    return escape(_XML_INVALID.sub("", value))


_PROPERTY_LIMIT = 255  # python-docx refuses longer core properties


def _property(value: str) -> str:
    """A core property (title, subject): XML-legal and within the 255-character limit."""
    text = " ".join(_XML_INVALID.sub("", value).split())
    return text if len(text) <= _PROPERTY_LIMIT else text[: _PROPERTY_LIMIT - 1] + "…"


def _run(text: str, bold: bool = False, italic: bool = False, size: int | None = None) -> str:
    props = ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "")
    if size:
        props += f'<w:sz w:val="{size}"/>'
    head = f"<w:rPr>{props}</w:rPr>" if props else ""
    lines = _text(text).split("\n")
    body = "<w:br/>".join(f'<w:t xml:space="preserve">{line}</w:t>' for line in lines)
    return f"<w:r>{head}{body}</w:r>"


def _para(text: str, style: str | None = None, **run: bool | int | None) -> str:
    props = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f"<w:p>{props}{_run(text, **run) if text else ''}</w:p>"  # type: ignore[arg-type]


def _cell(text: str, bold: bool = False) -> str:
    return f'<w:tc><w:tcPr><w:tcW w:w="0" w:type="auto"/></w:tcPr>{_para(text, bold=bold)}</w:tc>'


def _table(block: Block) -> list[str]:
    """A table with a repeated, bold header row (Word's "Table Grid" style)."""
    out = [_para(block["caption"], "Caption")] if block["caption"] else []
    header: list[str] = block["header"]
    grid = "".join("<w:gridCol/>" for _ in header)
    rows = ["<w:tr><w:trPr><w:tblHeader/></w:trPr>" + "".join(_cell(h, True) for h in header) + "</w:tr>"]
    rows += ["<w:tr>" + "".join(_cell(c) for c in row) + "</w:tr>" for row in block["rows"]]
    out.append(
        '<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="5000" w:type="pct"/>'
        '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0"'
        ' w:noHBand="0" w:noVBand="1"/></w:tblPr>'
        f"<w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"
    )
    out.append(_para(""))
    return out


def _block(block: Block) -> list[str]:
    kind = block["kind"]
    if kind == "paragraph":
        style = block["style"]
        return [_para(block["text"], italic=style in ("note", "placeholder"), bold=style in ("missing", "warning"))]
    if kind == "bullets":
        return [_para(entry, "ListBullet") for entry in block["entries"]]
    if kind == "table":
        return _table(block)
    if kind == "chart":
        return [_para(block["caption"], "Caption"), *_table(block["data"])]
    raise ValueError(f"unknown block kind {kind!r}")


def body_content(doc: Document) -> str:
    """The document body as WordprocessingML paragraphs and tables (the ``w`` prefix undeclared)."""
    parts = [_para(doc["title"], "Title"), _para(doc["subtitle"])]
    for section in doc["sections"]:
        level = min(max(int(section["level"]) - 1, 1), 9)
        parts.append(_para(section["heading"], f"Heading{level}"))
        for block in section["blocks"]:
            parts += _block(block)
    parts += [_para(line, size=14) for line in doc["footer"]]
    return "".join(parts)


def _landscape(out: DocxDocument) -> None:
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm

    section = out.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.5))


def package(doc: Document, when: str | None = None) -> DocxDocument:
    """python-docx's default package, landscape, with fixed core properties and a placeholder body."""
    import docx
    from docx.shared import Pt

    out = docx.Document()
    _landscape(out)
    out.styles["Normal"].font.size = Pt(9)
    out.add_paragraph(_PLACEHOLDER)
    properties = out.core_properties
    stamp = _fixed_datetime(when)
    properties.title = _property(doc["title"])
    properties.subject = _property(doc["subtitle"])
    properties.author = "c102"
    properties.last_modified_by = "c102"
    properties.comments = "Generated by c102"
    properties.revision = 1
    properties.created = stamp
    properties.modified = stamp
    properties.last_printed = stamp
    return out


def _with_body(document_xml: bytes, body: str) -> bytes:
    """Put the body where the placeholder paragraph is (the body XML is written as text, once)."""
    text = document_xml.decode("utf-8")
    marker = text.index(_PLACEHOLDER)
    start = text.rindex("<w:p>", 0, marker) if "<w:p>" in text[:marker] else text.rindex("<w:p ", 0, marker)
    end = text.index("</w:p>", marker) + len("</w:p>")
    return (text[:start] + body + text[end:]).encode("utf-8")


def write_package(data: bytes, body: str) -> bytes:
    """Rewrite the saved package with the body in place, fixed entry times and attributes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            entry.create_system = 3
            content = source.read(info.filename)
            if info.filename == "word/document.xml":
                content = _with_body(content, body)
            target.writestr(entry, content)
    return buffer.getvalue()


def render_docx(doc: Document, when: str | None = None) -> bytes:
    """DOCX bytes, deterministic for a given document and date."""
    buffer = io.BytesIO()
    package(doc, when).save(buffer)
    return write_package(buffer.getvalue(), body_content(doc))
