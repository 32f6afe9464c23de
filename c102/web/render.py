"""HTML of the workbench pages, through the Jinja templates in ``templates/web/`` (autoescaped:
every text that comes from a description is escaped in every page)."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

from starlette.responses import HTMLResponse

from c102.web import views
from c102.web.library import Country, Library, Outcome

if TYPE_CHECKING:
    import jinja2

    from c102.errors import Diagnostic


@cache
def environment() -> jinja2.Environment:
    import jinja2

    from c102.i18n.jinja import install
    from c102.resources import data_path

    return install(
        jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(data_path("templates") / "web")),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            auto_reload=False,
        )
    )


def html(template: str, status: int = 200, **context: Any) -> HTMLResponse:
    return HTMLResponse(environment().get_template(template).render(**context), status)


def message(title: str, text: str, status: int, detail: str = "") -> HTMLResponse:
    return html("message.html.j2", status, page="message", title=title, message=text, detail=detail)


def fragment(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)


def diagnostics_context(outcome: Outcome) -> dict[str, Any]:
    """The check's messages for the page: where, what, the line with a caret, and per-line marks."""
    shown = [_diagnostic(d) for d in outcome.diagnostics]
    marks: dict[int, dict[str, str]] = {}
    for d in shown:
        line = int(d["line"])
        if line and (line not in marks or d["severity"] == "error"):
            marks[line] = {"severity": str(d["severity"]), "message": str(d["message"])}
    errors = sum(1 for d in outcome.diagnostics if d.severity == "error")
    return {
        "diagnostics": shown,
        "errors": errors,
        "warnings": len(outcome.diagnostics) - errors,
        "marks": marks,
        "failure": outcome.failure,
    }


def _diagnostic(d: Diagnostic) -> dict[str, Any]:
    excerpt = ""
    if d.source_line is not None and d.position.column:
        text = d.source_line.rstrip("\n")
        caret = "".join(ch if ch == "\t" else " " for ch in text[: min(d.position.column - 1, len(text))])
        excerpt = f"{text}\n{caret}^"
    return {
        "line": d.position.line,
        "column": d.position.column,
        "severity": d.severity,
        "message": d.message,
        "hint": d.hint,
        "excerpt": excerpt,
    }


def results_context(library: Library, country: Country, server_ms: float | None) -> dict[str, Any]:
    """Baseline against the edited state (or the file against itself when nothing is edited)."""
    base = library.baseline(country)
    draft = library.draft(country)
    current = draft or base
    table = views.rows(base.assessment, current.assessment) if current.assessment is not None else []
    return {
        "slug": country.slug,
        "edited": draft is not None,
        "table": table,
        "changed_count": sum(1 for row in table if row.changed),
        "server_ms": server_ms,
        "walk_parts": views.BRANCH_PARTS,
    }


def display_name(library: Library, country: Country) -> str:
    current = library.current(country)
    return current.name or library.baseline(country).name or country.path.stem
