"""The JSON HTTP API: check, assess, explain, what-if and diff over descriptions sent as text or
named among the served countries. Described by ``/openapi.json`` (``c102/schemas/workbench-api.openapi.json``)."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from c102.errors import C102Error
from c102.i18n import _
from c102.web import views
from c102.web.guard import Refused, json_object, read_body, run_work
from c102.web.library import Library, Outcome, evaluate
from c102.web.pages import library_of

SYNTAX = {"c102": ".c102", "yaml": ".yaml", "json": ".json"}


async def countries(request: Request) -> Response:
    library = library_of(request)
    return JSONResponse(await run_work(request, _countries, library))


def _countries(library: Library) -> list[dict[str, Any]]:
    out = []
    for country in list(library.countries):
        outcome = library.baseline(country)
        a = outcome.assessment
        out.append(
            {
                "country": country.slug,
                "name": outcome.name,
                "file": country.path.name,
                "passes_check": a is not None,
                "parts": {p: v.code for p, v in views.glance(a).items()} if a else None,
                "meets_article_2": a.ratification.meets_article_2 if a else None,
                "acceptable_parts": a.ratification.acceptable_parts if a else None,
            }
        )
    return out


async def check(request: Request) -> Response:
    outcome = await _outcome(request, await _object(request))
    errors = len(outcome.errors)
    return _json(
        {
            "diagnostics": [d.to_json() for d in outcome.diagnostics],
            "errors": errors,
            "warnings": len(outcome.diagnostics) - errors,
        },
        outcome,
    )


async def assess(request: Request) -> Response:
    outcome = await _outcome(request, await _object(request))
    if outcome.assessment is None:
        return _unassessable(outcome)
    return _json(await run_work(request, outcome.assessment.to_json), outcome)


async def explain(request: Request) -> Response:
    data = await _object(request)
    target = data.get("target")
    depth = data.get("depth", 8)
    if not isinstance(target, str) or not isinstance(depth, int) or not 0 <= depth <= 50:
        raise Refused(400, _("'target' names a rule id, a Part or 'ratification'; 'depth' is 0 to 50"))
    outcome = await _outcome(request, data)
    if outcome.assessment is None:
        return _unassessable(outcome)
    from c102.evaluate.explain_tree import explain_tree

    try:
        tree = await run_work(request, explain_tree, outcome.assessment, target, depth)
    except C102Error as error:
        raise Refused(404, str(error)) from None
    return _json(tree, outcome)


async def openapi(request: Request) -> Response:
    return JSONResponse(_openapi())


@cache
def _openapi() -> dict[str, Any]:
    from importlib.resources import files

    from c102 import __version__

    spec: dict[str, Any] = json.loads(files("c102").joinpath("schemas/workbench-api.openapi.json").read_text("utf-8"))
    spec["info"]["version"] = __version__
    return spec


async def _object(request: Request) -> dict[str, Any]:
    return json_object(await read_body(request))


async def _outcome(request: Request, data: dict[str, Any], key: str = "") -> Outcome:
    """The description a request names: ``text`` (with ``syntax``) or a served ``country``."""
    source = data.get(key) if key else data
    if not isinstance(source, dict):
        raise Refused(400, _("'{key}' must be an object with 'text' or 'country'", key=key))
    library = library_of(request)
    text, name = source.get("text"), source.get("country")
    if isinstance(text, str):
        syntax = source.get("syntax", "c102")
        if syntax not in SYNTAX:
            raise Refused(400, _("'syntax' is one of {syntaxes}", syntaxes=", ".join(SYNTAX)))
        return await run_work(request, evaluate, text, f"<request>{SYNTAX[syntax]}")
    if isinstance(name, str):
        country = library.find(name)
        if country is None:
            raise Refused(404, _('no served country is named {name!r} (see /api/countries)', name=name))
        if source.get("state", "edited") == "file":
            return await run_work(request, library.baseline, country)
        return await run_work(request, library.current, country)
    raise Refused(400, _("send the description as 'text' (and 'syntax'), or name a served 'country'"))


def _json(data: Any, outcome: Outcome) -> JSONResponse:
    return JSONResponse(data, headers={"Server-Timing": f"assess;dur={outcome.milliseconds:.1f}"})


def _unassessable(outcome: Outcome) -> JSONResponse:
    body = {
        "error": outcome.failure or "the description does not pass c102 check",
        "diagnostics": [d.to_json() for d in outcome.diagnostics],
    }
    return JSONResponse(body, status_code=422)
