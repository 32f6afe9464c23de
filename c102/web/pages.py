"""The workbench pages: the index of countries and one country's editor with its results.

A country page edits the description in place: the text is sent on "Re-assess" (or as you type),
checked and assessed, and kept as the country's draft, so the explanation, walk-through and
download pages show the edited state until it is discarded or saved as a new file.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs

from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response

from c102.i18n import _, ngettext
from c102.web import views
from c102.web.guard import Refused, json_object, read_body, run_work
from c102.web.library import Country, Library, SaveRefused
from c102.web.render import diagnostics_context, display_name, fragment, html, results_context


def library_of(request: Request) -> Library:
    library: Library = request.app.state.library
    return library


def country_of(request: Request) -> tuple[Library, Country]:
    library = library_of(request)
    country = library.find(str(request.path_params.get("slug", "")))
    if country is None:
        raise Refused(404, _("no country of that name is served here"))
    return library, country


async def index(request: Request) -> Response:
    library = library_of(request)
    rows = await run_work(request, _index_rows, library)
    return html("index.html.j2", page="index", title=_("Countries"), parts=views.BRANCH_PARTS, rows=rows)


def _index_rows(library: Library) -> list[dict[str, Any]]:
    rows = []
    for country in list(library.countries):
        outcome = library.baseline(country)
        row: dict[str, Any] = {
            "slug": country.slug,
            "name": outcome.name or country.path.stem,
            "file": country.path.name,
            "edited": library.draft(country) is not None,
            "problem": None,
        }
        if outcome.assessment is None:
            errors = len(outcome.errors)
            row["problem"] = outcome.failure or ngettext(
                "the file does not pass c102 check ({n} error)", "the file does not pass c102 check ({n} errors)", errors
            )
        else:
            row["glance"] = views.glance(outcome.assessment)
            row["article2"] = views.article2(outcome.assessment)
        rows.append(row)
    return rows


async def country_page(request: Request) -> Response:
    library, country = country_of(request)
    context = await run_work(request, _bench_context, library, country)
    return html("country.html.j2", page="country", **context)


def _bench_context(library: Library, country: Country) -> dict[str, Any]:
    from c102.cli.report import KINDS
    from c102.web.documents import formats_for
    from c102.web.parameters import key_parameters

    current = library.current(country)
    labels = {"gap": _("Gap analysis"), "article22": _("Article 22 report draft"), "walkthrough": _("Walk-through")}
    editable = current.assessment is not None and country.path.suffix == ".c102"
    return {
        "title": display_name(library, country),
        "name": display_name(library, country),
        "slug": country.slug,
        "file": str(country.path),
        "file_name": country.path.name,
        "save_hint": f"{country.path.stem}-reform{country.path.suffix}",
        "text": current.text,
        "line_count": max(1, current.text.count("\n") + 1),
        "server_ms": current.milliseconds if library.draft(country) is not None else None,
        "kinds": [(k, labels.get(k, k), formats_for(k)) for k in KINDS],
        "walkthrough_formats": formats_for("walkthrough"),
        "parts": views.BRANCH_PARTS,
        # Quick what-if: a .c102 text is edited in place at the value (YAML and JSON: in the text only).
        "parameters": key_parameters(current.assessment.description, current.text)
        if editable and current.assessment is not None
        else [],
        **diagnostics_context(current),
        **results_context(library, country, current.milliseconds if library.draft(country) else None),
    }


async def edit(request: Request) -> Response:
    """Check and assess the edited text; JSON fragments for the page's script, else the whole page."""
    library, country = country_of(request)
    wants_json, fields = await _fields(request)
    text = fields.get("text")
    if not isinstance(text, str):
        raise Refused(400, _("send the description as 'text'"))
    outcome = await run_work(request, library.edit, country, text)
    timing = {"Server-Timing": f"assess;dur={outcome.milliseconds:.1f}"}
    if not wants_json:
        return await country_page(request)
    parts = await run_work(request, _fragments, library, country, outcome.milliseconds)
    return JSONResponse({**parts, "server_ms": round(outcome.milliseconds, 3)}, headers=timing)


def _fragments(library: Library, country: Country, server_ms: float) -> dict[str, Any]:
    diagnostics = diagnostics_context(library.current(country))
    return {
        "results": fragment("_results.html.j2", **results_context(library, country, server_ms)),
        "diagnostics": fragment("_diagnostics.html.j2", **diagnostics),
        "marks": diagnostics["marks"],
        "errors": diagnostics["errors"],
    }


async def reset(request: Request) -> Response:
    library, country = country_of(request)
    library.discard(country)
    return RedirectResponse(f"/country/{country.slug}", status_code=303)


async def save(request: Request) -> Response:
    """Save the edited text as a new file beside the original; an existing file is never replaced."""
    library, country = country_of(request)
    wants_json, fields = await _fields(request)
    name = fields.get("name")
    text = fields.get("text")
    if not isinstance(text, str):
        draft = library.draft(country)
        text = draft.text if draft is not None else library.baseline(country).text
    if not isinstance(name, str):
        raise Refused(400, _("send the new file's name as 'name'"))
    try:
        saved = await run_work(request, library.save_as, country, name.strip(), text)
    except SaveRefused as error:
        raise Refused(error.status, str(error)) from None
    url = f"/country/{saved.slug}"
    if wants_json:
        return JSONResponse({"file": saved.path.name, "slug": saved.slug, "url": url}, status_code=201)
    return RedirectResponse(url, status_code=303)


async def _fields(request: Request) -> tuple[bool, dict[str, Any]]:
    """A JSON object or a form, whichever the client sent; and whether it wants JSON back."""
    body = await read_body(request)
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind == "application/json":
        return True, json_object(body)
    if kind in ("application/x-www-form-urlencoded", ""):
        try:
            form = parse_qs(body.decode("utf-8"), keep_blank_values=True, max_num_fields=20)
        except (UnicodeDecodeError, ValueError) as error:
            raise Refused(400, _('the form cannot be read: {error}', error=error)) from None
        return "application/json" in request.headers.get("accept", ""), {k: v[0] for k, v in form.items()}
    raise Refused(415, _("send JSON or a form"))
