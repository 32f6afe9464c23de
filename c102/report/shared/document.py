"""The format-neutral document every view builds and every writer lays out.

A document is plain data (dicts, lists, strings) so Jinja templates only loop over it and the
DOCX writer reads the very same structure. Block kinds: ``paragraph``, ``bullets``, ``table``
and ``chart`` (a bar chart as data, drawn by the writer; Markdown shows its data table).
"""

from __future__ import annotations

from typing import Any

from c102.i18n import _, current_language

Block = dict[str, Any]
Section = dict[str, Any]
Document = dict[str, Any]


def paragraph(text: str, style: str = "normal") -> Block:
    """A paragraph; ``style`` is ``normal``, ``note`` or ``missing`` (a gap the drafters must fill)."""
    return {"kind": "paragraph", "text": text, "style": style}


def bullets(items: list[str]) -> Block:
    return {"kind": "bullets", "entries": list(items)}


def table(
    header: list[str], rows: list[list[str]], caption: str = "", tones: list[str] | None = None
) -> Block:
    """A table with a header row; ``tones`` (a verdict per row, or "") styles HTML rows."""
    width = len(header)
    for row in rows:
        if len(row) != width:
            raise ValueError(f"table row has {len(row)} cells, header has {width}: {row!r}")
    return {
        "kind": "table",
        "caption": caption,
        "header": list(header),
        "rows": [list(r) for r in rows],
        "tones": list(tones) if tones is not None else [""] * len(rows),
    }


def chart(spec: dict[str, Any], caption: str, data: Block) -> Block:
    """A chart (``c102.report.shared.charts.chart_spec``) drawn by the writer: SVG in HTML and PDF, PNG in DOCX.

    ``data`` is the table of the figures drawn: shown in Markdown, folded away in HTML.
    """
    if not data["caption"]:
        data = {**data, "caption": _("Figures of the chart: {caption}", caption=caption)}
    return {"kind": "chart", "spec": spec, "caption": caption, "data": data}


def section(heading: str, blocks: list[Block], level: int = 2, anchor: str = "") -> Section:
    return {"heading": heading, "level": level, "blocks": blocks, "anchor": anchor}


def document(
    title: str, subtitle: str, sections: list[Section], footer: list[str], kind: str, lang: str | None = None
) -> Document:
    for number, part in enumerate(sections, 1):
        if not part["anchor"]:
            part["anchor"] = f"s{number}"
    return {
        "title": title,
        "subtitle": subtitle,
        "sections": sections,
        "footer": footer,
        "kind": kind,
        "lang": lang or current_language(),
    }
