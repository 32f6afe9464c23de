"""DOCX from the same document the templates render, written byte-for-byte reproducibly.

The package is ``templates/reference.docx`` (page setup, styles, a header with the title and a
footer with "Page n of N" as Word fields), so staff restyle reports in Word, not in code; it is
read once per process. The writer adds a cover with a table of contents field (Word fills it on
opening), tables with column widths fitted to their content and verdict cells shaded, and charts
as PNG pictures. The
body is written as WordprocessingML text from the document blocks and put in place of a
placeholder paragraph when the package is rewritten, since building thousands of table cells
through python-docx's object API (or even moving parsed elements into its tree) is slow. python-docx stamps the core properties
with the current time and zip entries carry file times: both are fixed here (to the report's
date, else 2000-01-01) so the same inputs give the same bytes.
"""

from __future__ import annotations

import io
import re
from functools import cache
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from c102.i18n import _
from c102.report.shared.display import VERDICT_FILL, cell_tone
from c102.report.shared.document import Block, Document
from c102.report.writers.zipfixed import fixed_datetime, rezip

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

_PLACEHOLDER = "c102-report-body-placeholder"
_TEXT_WIDTH = 15120  # 26.7 cm of A4 landscape inside 1.5 cm margins, in twentieths of a point
_HEADER_FILL = "E8EAF2"

_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


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


def _para(text: str, style: str | None = None, keep_next: bool = False, **run: bool | int | None) -> str:
    """A paragraph; ``keep_next`` keeps it on the page of what follows (a caption with its table or chart)."""
    inner = (f'<w:pStyle w:val="{style}"/>' if style else "") + ("<w:keepNext/>" if keep_next else "")
    props = f"<w:pPr>{inner}</w:pPr>" if inner else ""
    return f"<w:p>{props}{_run(text, **run) if text else ''}</w:p>"  # type: ignore[arg-type]


def _cell(text: str, width: int, bold: bool = False, fill: str = "") -> str:
    shade = f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>' if fill else ""
    props = f'<w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{shade}</w:tcPr>'
    return f"<w:tc>{props}{_para(text, bold=bold)}</w:tc>"


_CHAR = 120  # an average character of the body font, in twentieths of a point
_PADDING = 230  # the cell's left and right margins
_NO_WRAP = 20  # a column whose cells are all this short is never wrapped ("Part VIII", "✘ not compliant")


def column_widths(header: list[str], rows: list[list[str]], total: int = _TEXT_WIDTH) -> list[int]:
    """Widths in twentieths of a point: each column first gets room for its longest word (its whole
    text when every cell is short, so "Part VIII" and the header never break inside a word), then
    the rest of the line goes to the columns with long texts in proportion to their typical length."""
    floors: list[float] = []
    wants: list[float] = []
    for index, name in enumerate(header):
        cells = [name, *(row[index] for row in rows)]
        longest_cell = max(len(c) for c in cells)
        longest_word = max((len(w) for c in cells for w in c.split()), default=4)
        floor = longest_cell if longest_cell <= _NO_WRAP else min(longest_word, 30)
        typical = sum(min(len(c), 120) for c in cells) / len(cells)
        floors.append(floor * _CHAR + _PADDING)
        wants.append(max(typical * 1.3, floor) * _CHAR + _PADDING)
    if sum(floors) >= total:  # too many columns: shrink the floors alike
        return [int(f * total / sum(floors)) for f in floors]
    room = total - sum(floors)
    extra = [w - f for w, f in zip(wants, floors, strict=True)]
    if sum(extra) <= room:  # everything fits: give the spare room by the wanted widths
        scale = total / sum(wants)
        return [int(w * scale) for w in wants]
    return [int(f + room * e / sum(extra)) for f, e in zip(floors, extra, strict=True)]


def _table(block: Block) -> list[str]:
    """A table with a repeated, bold header row, fitted column widths and shaded verdict cells."""
    out = [_para(block["caption"], "Caption", keep_next=True)] if block["caption"] else []
    header: list[str] = block["header"]
    widths = column_widths(header, block["rows"])
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    head = "".join(_cell(h, w, True, _HEADER_FILL) for h, w in zip(header, widths, strict=True))
    rows = [f"<w:tr><w:trPr><w:tblHeader/></w:trPr>{head}</w:tr>"]
    for row in block["rows"]:
        cells = "".join(_cell(c, w, fill=VERDICT_FILL.get(cell_tone(c), "")) for c, w in zip(row, widths, strict=True))
        rows.append(f"<w:tr><w:trPr><w:cantSplit/></w:trPr>{cells}</w:tr>")
    out.append(
        '<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/>'
        f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
        '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0"'
        ' w:noHBand="0" w:noVBand="1"/></w:tblPr>'
        f"<w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"
    )
    out.append(_para(""))
    return out


_TOC = 'TOC \\o "1-2" \\h \\z \\u'


def contents(doc: Document) -> list[str]:
    """The contents as a TOC field whose shown result already lists the headings (levels 2 and 3
    of the document, Heading 1 and 2 in Word), so the list reads right before Word updates the
    field (F9) with page numbers, and in viewers that never update fields."""
    entries = [(s["heading"], int(s["level"])) for s in doc["sections"] if int(s["level"]) <= 3]
    if not entries:
        entries = [(_("Contents: update the field (F9) to fill it."), 2)]
    out = []
    last = len(entries) - 1
    for index, (heading, level) in enumerate(entries):
        indent = '<w:ind w:left="360"/>' if level == 3 else ""
        runs = _run(heading)
        if index == 0:
            runs = (
                '<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r>'
                f'<w:r><w:instrText xml:space="preserve"> {_TOC} </w:instrText></w:r>'
                '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + runs
            )
        if index == last:
            runs += '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        out.append(f'<w:p><w:pPr><w:pStyle w:val="TOC{level - 1}"/>{indent}</w:pPr>{runs}</w:p>')
    return out


def cover(doc: Document) -> list[str]:
    """Title, subtitle, and the contents (a field Word refreshes with page numbers when opened)."""
    return [
        _para(doc["title"], "Title"),
        _para(doc["subtitle"], "Subtitle"),
        _para(_("Contents"), "TOCHeading"),
        *contents(doc),
        '<w:p><w:r><w:br w:type="page"/></w:r></w:p>',
    ]


def _block(block: Block, package: DocxDocument | None = None) -> list[str]:
    kind = block["kind"]
    if kind == "paragraph":
        style = block["style"]
        return [_para(block["text"], italic=style in ("note", "placeholder"), bold=style in ("missing", "warning"))]
    if kind == "bullets":
        return [_para(entry, "ListBullet") for entry in block["entries"]]
    if kind == "table":
        return _table(block)
    if kind == "chart":
        caption = _para(block["caption"], "Caption", keep_next=True)
        return [caption, picture(block, package), _para(block["spec"]["note"], "Caption")]
    raise ValueError(f"unknown block kind {kind!r}")


def picture(block: Block, package: DocxDocument | None) -> str:
    """A chart as a PNG picture inline in its own paragraph, sized to the drawing."""
    if package is None:
        return ""
    from docx.shared import Inches
    from lxml import etree

    from c102.report.shared.charts import png, size_inches

    width, height = size_inches(block["spec"])
    inline = package.part.new_pic_inline(io.BytesIO(png(block["spec"])), Inches(width), Inches(height))
    drawing = etree.tostring(inline, encoding="unicode")
    return f"<w:p><w:pPr><w:keepNext/></w:pPr><w:r><w:drawing>{drawing}</w:drawing></w:r></w:p>"  # with its note


def body_content(doc: Document, package: DocxDocument | None = None) -> str:
    """The document body as WordprocessingML paragraphs and tables (the ``w`` prefix undeclared).

    Charts need the package to hold their pictures; without one they are left out.
    """
    parts = cover(doc)
    for section in doc["sections"]:
        level = min(max(int(section["level"]) - 1, 1), 9)
        parts.append(_para(section["heading"], f"Heading{level}"))
        for block in section["blocks"]:
            parts += _block(block, package)
    parts += [_para(line, size=14) for line in doc["footer"]]
    return "".join(parts)


@cache
def _template() -> bytes:
    """The reference template's bytes, read once per process."""
    from c102.resources import data_path

    return (data_path("templates") / "reference.docx").read_bytes()


def package(doc: Document, when: str | None = None) -> DocxDocument:
    """The reference template, with fixed core properties and a placeholder body."""
    import docx

    out = docx.Document(io.BytesIO(_template()))
    out.add_paragraph(_PLACEHOLDER)
    properties = out.core_properties
    stamp = fixed_datetime(when)
    properties.title = _property(doc["title"])
    properties.subject = _property(doc["subtitle"])
    properties.author = "c102"
    properties.last_modified_by = "c102"
    properties.comments = _("Generated by c102")
    if doc.get("lang", "en") != "en":
        properties.language = str(doc["lang"])
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


def _fix_entry(name: str, content: bytes, body: str) -> bytes:
    if name == "word/document.xml":
        return _with_body(content, body)
    if name.startswith("word/footer"):
        return _page_words(content)
    if name == "word/settings.xml" and b"updateFields" not in content:
        # Word refreshes the fields (contents, page numbers) when it opens the file.
        return content.replace(b"</w:settings>", b'<w:updateFields w:val="true"/></w:settings>')
    return content


def _page_words(footer_xml: bytes) -> bytes:
    """The reference template's footer says "Page n of N" around its two fields: the words in the
    active language ("Page n sur N", "Página n de N"); the fields stay as they are."""
    from xml.sax.saxutils import escape

    before, _page, rest = _("Page {page} of {pages}").partition("{page}")
    between = rest.partition("{pages}")[0]
    text = footer_xml.decode("utf-8")
    text = text.replace('<w:t xml:space="preserve">Page </w:t>', f'<w:t xml:space="preserve">{escape(before)}</w:t>', 1)
    text = text.replace('<w:t xml:space="preserve"> of </w:t>', f'<w:t xml:space="preserve">{escape(between)}</w:t>', 1)
    return text.encode("utf-8")


def write_package(data: bytes, body: str) -> bytes:
    """Rewrite the saved package with the body in place, fixed entry times and attributes."""
    return rezip(data, lambda name, content: _fix_entry(name, content, body))


def render_docx(doc: Document, when: str | None = None) -> bytes:
    """DOCX bytes, deterministic for a given document and date."""
    out = package(doc, when)
    body = body_content(doc, out)
    buffer = io.BytesIO()
    out.save(buffer)
    return write_package(buffer.getvalue(), body)
