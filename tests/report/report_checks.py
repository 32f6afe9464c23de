"""Structural checks every generated report must pass, shared by the report tests."""

from __future__ import annotations

import io
import re
from html.parser import HTMLParser
from pathlib import Path

_URL = re.compile(r"https?://|//[a-z0-9.-]+\.[a-z]{2,}/", re.IGNORECASE)


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.links: list[str] = []
        self.open: list[str] = []
        self.text: list[str] = []
        self.markup: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.open.append(tag)
        for name, value in attrs:
            if value is not None:
                self.markup.append(value)
            if name in ("src", "href", "xlink:href", "action") and value is not None:
                self.links.append(value)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.open:
            del self.open[len(self.open) - 1 - self.open[::-1].index(tag)]

    def handle_data(self, data: str) -> None:
        # Style sheets are markup, not text: a URL there would load something.
        (self.markup if self.open and self.open[-1] == "style" else self.text).append(data)


def check_html(text: str) -> _Collector:
    """Parses; no script, no external reference of any kind; links stay inside the page."""
    collector = _Collector()
    collector.feed(text)
    collector.close()
    assert text.startswith("<!DOCTYPE html>")
    assert "script" not in collector.tags, "a <script> element reached the HTML"
    # A source's URL may be shown as text (country files cite their documents); nothing may load it.
    assert not any(_URL.search(value) for value in collector.markup), "an external URL is in the HTML"
    assert not re.search(r"url\((?!#)", text), "a url() that is not a reference inside the page"
    assert all(link.startswith("#") for link in collector.links), collector.links
    return collector


def md_cells(line: str) -> list[str]:
    """Cells of a Markdown table row, splitting on pipes that are not backslash-escaped."""
    inner = line.strip()
    assert inner.startswith("|") and inner.endswith("|"), line
    return re.split(r"(?<!\\)\|", inner[1:-1])


def check_markdown(text: str) -> int:
    """Every table has a separator row and as many cells per row as its header; returns the count."""
    lines = text.split("\n")
    tables = 0
    i = 0
    while i < len(lines):
        if lines[i].startswith("|"):
            width = len(md_cells(lines[i]))
            assert set(lines[i + 1]) <= set("|-"), f"no separator under {lines[i]!r}"
            assert len(md_cells(lines[i + 1])) == width
            i += 2
            while i < len(lines) and lines[i].startswith("|"):
                assert len(md_cells(lines[i])) == width, f"ragged row {lines[i]!r}"
                i += 1
            tables += 1
        else:
            assert "|" not in lines[i] or "\\|" in lines[i], f"stray pipe outside a table: {lines[i]!r}"
            i += 1
    assert not re.search(r"(?<!\\)<script", text), "unescaped markup in Markdown"
    assert text.endswith("\n")
    return tables


def docx_tables(data: bytes) -> list[list[list[str]]]:
    """Open with python-docx and return every table's cell texts."""
    import docx

    document = docx.Document(io.BytesIO(data))
    return [[[cell.text for cell in row.cells] for row in table.rows] for table in document.tables]


def docx_text(data: bytes) -> str:
    import docx

    document = docx.Document(io.BytesIO(data))
    return "\n".join(p.text for p in document.paragraphs)


def pdf_text(path: Path | bytes) -> list[str]:
    """The text of each page of a PDF (pypdf)."""
    import io

    from pypdf import PdfReader

    data = path if isinstance(path, bytes) else path.read_bytes()
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def xlsx_values(path: Path | bytes) -> dict[str, list[tuple[object, ...]]]:
    """Sheet name -> rows of cell values (openpyxl)."""
    import io

    from openpyxl import load_workbook

    data = path if isinstance(path, bytes) else path.read_bytes()
    book = load_workbook(io.BytesIO(data))
    return {sheet.title: list(sheet.iter_rows(values_only=True)) for sheet in book.worksheets}
