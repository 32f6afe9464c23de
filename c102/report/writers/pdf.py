"""PDF from the report's HTML, laid out by WeasyPrint (paged CSS: page numbers, contents with pages).

WeasyPrint needs Pango from the system (Debian: libpango-1.0-0, libpangoft2-1.0-0); it writes no
creation date unless the HTML asks for one, so the same document gives the same bytes.
"""

from __future__ import annotations

from c102.report.shared.document import Document

PANGO_HINT = (
    "PDF output needs WeasyPrint and the Pango library: on Debian or Ubuntu, "
    "apt-get install libpango-1.0-0 libpangoft2-1.0-0"
)


def pdf_available() -> bool:
    """Whether WeasyPrint loads here (it needs Pango from the system)."""
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError):
        return False
    return True


def render_pdf(doc: Document) -> bytes:
    """The document as PDF pages: A4 landscape, running header, "Page n of N", bookmarks by heading."""
    from c102.errors import UsageError

    if not pdf_available():
        raise UsageError(PANGO_HINT)
    import weasyprint

    from c102.report.writers.markup import render_html

    html = render_html(doc, medium="pdf").replace("</head>", f"<style>{page_numbers_css()}</style></head>", 1)
    return weasyprint.HTML(string=html).write_pdf()  # type: ignore[no-any-return]


def page_numbers_css() -> str:
    """The running "Page n of N" in the active language (it overrides templates/pdf.css): CSS
    generated content, so the words of the message are quoted and the numbers are counters."""
    from c102.i18n import _

    words = _("Page {page} of {pages}").replace("\\", "").replace('"', "")
    content = '"' + words.replace("{page}", '" counter(page) "').replace("{pages}", '" counter(pages) "') + '"'
    return "@page { @bottom-right { content: " + content.replace(' ""', "").replace('"" ', "") + "; } }"
