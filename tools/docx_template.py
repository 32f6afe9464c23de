"""Build templates/reference.docx, the Word template every DOCX report is written into.

Staff may restyle the template in Word (fonts, colours, heading styles, header and footer) and
commit it; reports pick the change up. This script only makes the first version, reproducibly:
A4 landscape, the styles the writer uses, a header with the document's title and a footer with
"Page n of N" as Word fields. Run: python -m tools.docx_template
"""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml import parse_xml
from docx.shared import Cm, Pt, RGBColor

from c102.report.writers.zipfixed import rezip

TARGET = Path(__file__).resolve().parents[1] / "templates" / "reference.docx"
_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _field(instruction: str, shown: str) -> str:
    return (
        f'<w:r {_W}><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r {_W}><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>'
        f'<w:r {_W}><w:fldChar w:fldCharType="separate"/></w:r>'
        f"<w:r {_W}><w:t>{shown}</w:t></w:r>"
        f'<w:r {_W}><w:fldChar w:fldCharType="end"/></w:r>'
    )


def _add_runs(paragraph, xml: str) -> None:  # type: ignore[no-untyped-def]
    for run in parse_xml(f"<w:wrap {_W}>{xml}</w:wrap>"):
        paragraph._p.append(run)


def build() -> bytes:
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.5))
    styles = doc.styles
    styles["Normal"].font.name = "Calibri"
    styles["Normal"].font.size = Pt(9)
    for name, size in (("Title", 24), ("Heading 1", 15), ("Heading 2", 12), ("Heading 3", 10.5)):
        styles[name].font.size = Pt(size)
        styles[name].font.color.rgb = RGBColor(0x1E, 0x2D, 0x5A)
    styles["Caption"].font.size = Pt(8.5)
    header = section.header.paragraphs[0]
    header.style = styles["Header"]
    _add_runs(header, _field("TITLE", "Title"))
    footer = section.footer.paragraphs[0]
    footer.style = styles["Footer"]
    footer.add_run("Page ")
    _add_runs(footer, _field("PAGE", "1"))
    footer.add_run(" of ")
    _add_runs(footer, _field("NUMPAGES", "1"))
    for run in [*header.runs, *footer.runs]:
        run.font.size = Pt(7.5)
    doc.core_properties.author = "c102"
    buffer = io.BytesIO()
    doc.save(buffer)
    return rezip(buffer.getvalue())


if __name__ == "__main__":
    TARGET.write_bytes(build())
    print(f"wrote {TARGET}")
