"""Pages and downloads built from one assessment: the explanation tree, the walk-through, the
reports in every format the report pipeline offers, and the comparison of all served files.

Reports come from the report pipeline (``c102.report.output.render_report``) with the kinds and
formats ``c102 report`` offers, so a new format there is a new download here.
"""

from __future__ import annotations

import mimetypes
import re
from typing import TYPE_CHECKING, Any

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from c102.errors import C102Error
from c102.i18n import _
from c102.web import views
from c102.web.guard import Refused, run_work
from c102.web.library import Country, Library, Outcome
from c102.web.pages import country_of, library_of
from c102.web.render import display_name, html

if TYPE_CHECKING:
    from c102.evaluate.assessment import Assessment

MEDIA = {"md": "text/markdown; charset=utf-8", "json": "application/json", "html": "text/html; charset=utf-8"}
NAV = (
    '<nav style="display:flex;gap:1.2rem;padding:.5rem 1rem;background:#1e2d5a;font-family:sans-serif">'
    '<a href="/" style="color:#fff;font-weight:600">{home}</a>{extra}</nav>'
)


def chosen(request: Request, library: Library, country: Country) -> tuple[Outcome, bool]:
    """The edited state if there is one (``?state=file`` asks for the file), and whether it is."""
    draft = library.draft(country)
    if draft is not None and request.query_params.get("state") != "file":
        return draft, True
    return library.baseline(country), False


def _assessment(outcome: Outcome, country: Country) -> Assessment:
    if outcome.assessment is None:
        raise Refused(422, _('{name} does not pass c102 check: open its page to see where', name=country.path.name))
    return outcome.assessment


def _state_note(edited: bool, has_draft: bool) -> dict[str, Any]:
    if edited:
        return {
            "state_note": _("Showing the edited description (not saved)."),
            "other_state": "file",
            "other_label": _("Show the file instead"),
        }
    if has_draft:
        return {
            "state_note": _("Showing the file as saved."),
            "other_state": "edited",
            "other_label": _("Show the edited description"),
        }
    return {"state_note": _("Showing the file as saved."), "other_state": "file", "other_label": ""}


async def explain(request: Request) -> Response:
    library, country = country_of(request)
    target = str(request.path_params["target"])
    return await run_work(request, _explain_page, request, library, country, target)


def _explain_page(request: Request, library: Library, country: Country, target: str) -> Response:
    from c102.evaluate.explain_tree import explain_tree

    outcome, edited = chosen(request, library, country)
    try:
        tree = explain_tree(_assessment(outcome, country), target)
    except C102Error as error:
        raise Refused(404, str(error)) from None
    _mark_lines(tree, str(country.path))
    name = display_name(library, country)
    return html(
        "explain.html.j2",
        page="explain",
        title=f"{name}: {target}",
        name=name,
        slug=country.slug,
        target=target,
        tree=tree,
        **_state_note(edited, library.draft(country) is not None),
    )


def _mark_lines(node: dict[str, Any], path: str) -> None:
    """Give each fact the line it stands on in this country's description, for a link to the editor."""
    position = node.get("position") or ""
    match = re.fullmatch(rf"{re.escape(path)}:(\d+):\d+", position)
    node["line"] = int(match.group(1)) if match else 0
    node["position"] = f"line {node['line']}" if match else (position or None)
    for child in node.get("children", []):
        _mark_lines(child, path)


async def walkthrough(request: Request) -> Response:
    library, country = country_of(request)
    part = str(request.path_params["part"])
    if part not in views.BRANCH_PARTS:
        raise Refused(404, _('there is no walk-through for Part {part}', part=part))
    return await run_work(request, _walkthrough_page, request, library, country, part)


def _walkthrough_page(request: Request, library: Library, country: Country, part: str) -> Response:
    from c102.report.output import render_report

    outcome, edited = chosen(request, library, country)
    page = render_report(_assessment(outcome, country), "walkthrough", "html", part=part).decode("utf-8")
    if edited:
        state = _("Part {part} step by step, computed from the edited description (not saved)", part=part)
    else:
        state = _("Part {part} step by step, computed from the file as saved", part=part)
    back = _("Back to the workbench")
    extra = (
        f'<a href="/country/{country.slug}" style="color:#fff">{_escape(back)}</a>'
        f'<span style="color:#fff;opacity:.85">{_escape(state)}</span>'
    )
    return HTMLResponse(with_nav(page, extra))


def with_nav(page: str, extra: str = "") -> str:
    """A report's own HTML with the workbench's link back to the index at the top."""
    nav = NAV.format(home=_escape(_("← All countries")), extra=extra)
    return re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + nav, page, count=1)


def formats_for(kind: str) -> list[str]:
    """The formats ``c102 report`` offers for a kind (a workbook only for the kinds that have one)."""
    from c102.cli.report import FORMATS
    from c102.report import output

    workbook_kinds = getattr(output, "WORKBOOK_KINDS", None)
    return [f for f in FORMATS if f != "xlsx" or workbook_kinds is None or kind in workbook_kinds]


async def report(request: Request) -> Response:
    """One report of the current (edited) state, as a download in any format the pipeline makes."""
    from c102.cli.report import KINDS

    library, country = country_of(request)
    kind = request.query_params.get("kind", "gap")
    fmt = request.query_params.get("format", "html")
    part = request.query_params.get("part")
    if kind not in KINDS or fmt not in formats_for(kind):
        raise Refused(400, _("kind is one of {kinds}; format one of {formats}", kinds=", ".join(KINDS), formats=", ".join(formats_for(kind))))
    if kind == "walkthrough" and part not in views.BRANCH_PARTS:
        raise Refused(400, _("a walk-through needs a Part, II to X"))
    data, edited = await run_work(request, _report_bytes, request, library, country, kind, fmt, part)
    name = "-".join(x for x in (country.slug, kind, part if kind == "walkthrough" else None, "edited" if edited else None) if x)
    filename = f"{name}.{fmt}"
    media = MEDIA.get(fmt) or mimetypes.guess_type(filename)[0] or "application/octet-stream"
    return Response(data, media_type=media, headers={"Content-Disposition": f'attachment; filename="{filename}"'})


def _report_bytes(
    request: Request, library: Library, country: Country, kind: str, fmt: str, part: str | None
) -> tuple[bytes, bool]:
    from c102.report.output import render_report

    outcome, edited = chosen(request, library, country)
    try:
        return render_report(_assessment(outcome, country), kind, fmt, part=part), edited
    except ValueError as error:  # the pipeline has no such report (e.g. no workbook for this kind)
        raise Refused(400, str(error)) from None


async def compare(request: Request) -> Response:
    library = library_of(request)
    return await run_work(request, _compare_page, library)


def _compare_page(library: Library) -> Response:
    from c102.report.output import comparative_outputs

    outcomes = [(c, library.baseline(c)) for c in list(library.countries)]
    assessments = [o.assessment for _, o in outcomes if o.assessment is not None]
    broken = [c.path.name for c, o in outcomes if o.assessment is None]
    if not assessments:
        raise Refused(422, _("no served file passes c102 check"))
    page = comparative_outputs(assessments, ["html"], smallest_changes=False)["comparative.html"]().decode("utf-8")
    extra = ""
    if broken:
        left_out = _("Left out (does not pass c102 check): {files}", files=", ".join(broken))
        extra = f'<span style="color:#fff">{_escape(left_out)}</span>'
    return HTMLResponse(with_nav(page, extra))


def _escape(text: str) -> str:
    import html as _html

    return _html.escape(text)
