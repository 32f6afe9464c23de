"""Markdown and HTML from a document, through the Jinja templates in ``templates/``."""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING, Any

from c102.report.shared.display import cell_tone
from c102.report.shared.document import Document

if TYPE_CHECKING:
    import jinja2
    from markupsafe import Markup

_MD_STYLE = {"normal": "", "note": "*", "missing": "**", "warning": "**", "placeholder": "*"}


def md_text(value: object) -> str:
    """Markdown text: backslash, angle brackets (HTML, autolinks), square brackets (links, images)
    and pipes (a table row) are backslash-escaped, so no markup written in a description passes
    through, in a table cell or in a paragraph."""
    return str(value).translate(_MD_ESCAPES)


_MD_ESCAPES = str.maketrans(
    {"\\": "\\\\", "<": "\\<", ">": "\\>", "[": "\\[", "]": "\\]", "|": "\\|"}
)


def md_cell(value: object) -> str:
    """A Markdown table cell: line breaks kept inside the cell (``md_text`` escapes the pipes)."""
    text = md_text(value)
    return "<br>".join(line.strip() for line in text.splitlines()) if "\n" in text else text


def md_caption(caption: str) -> str:
    return f"**{md_text(caption)}**\n\n" if caption else ""


@cache
def environment() -> jinja2.Environment:
    """One Environment per process: autoescape for HTML templates, undefined names are errors."""
    import jinja2

    from c102.resources import data_path

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(data_path("templates"))),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html", "html.j2"), default_for_string=True),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )
    env.filters["md"] = md_text
    env.filters["mdcell"] = md_cell
    env.filters["md_caption"] = md_caption
    env.filters["md_style"] = lambda style: _MD_STYLE.get(style, "")
    env.filters["md_style_end"] = lambda style: _MD_STYLE.get(style, "")
    env.filters["chart_svg"] = chart_svg
    env.filters["cell_tone"] = cell_tone
    env.filters["unbreakable"] = unbreakable
    from c102.i18n.jinja import install

    return install(env)


_UNBREAKABLE = re.compile(r"[^\s/\-.,;]{40,}")


def unbreakable(cell: str) -> bool:
    """Whether a cell holds a run of 40 characters with no place to break a line (a hash): such a
    cell may break anywhere, or its table would run off the page."""
    return _UNBREAKABLE.search(cell) is not None


def chart_svg(spec: dict[str, Any]) -> Markup:
    """A chart drawn as inline SVG; matplotlib escapes every text it writes into it."""
    from markupsafe import Markup

    from c102.report.shared.charts import svg

    return Markup(svg(spec))


def render_markdown(doc: Document) -> str:
    return environment().get_template("report.md.j2").render(doc=doc)


def render_html(doc: Document, medium: str = "screen") -> str:
    """HTML for a browser (``screen``) or for WeasyPrint (``pdf``: page numbers, contents with pages)."""
    return environment().get_template("report.html.j2").render(doc=doc, medium=medium)
