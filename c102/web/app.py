"""The workbench as a Starlette application: its routes, the limits and the error pages."""

from __future__ import annotations

import anyio
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from c102.i18n import _
from c102.web import api, documents, pages, reform_api
from c102.web.guard import Disconnected, HostGuard, Limits, Refused
from c102.web.library import Library
from c102.web.render import message

STATIC = {"workbench.css": "text/css; charset=utf-8", "workbench.js": "text/javascript; charset=utf-8"}


def make_app(files: list[str], limits: Limits | None = None, language: str | None = None) -> Starlette:
    """The application over these description files (only they, and files saved beside them, are served).

    ``language`` is the default of pages and messages (else the active one: ``c102 serve --lang``);
    a request chooses another with ``?lang=`` (docs/languages.md)."""
    from c102.i18n import current_language
    from c102.web.language import RequestLanguage

    limits = limits or Limits()
    routes = [
        Route("/", pages.index),
        Route("/country/{slug}", pages.country_page),
        Route("/country/{slug}/edit", pages.edit, methods=["POST"]),
        Route("/country/{slug}/reset", pages.reset, methods=["POST"]),
        Route("/country/{slug}/save", pages.save, methods=["POST"]),
        Route("/country/{slug}/explain/{target}", documents.explain),
        Route("/country/{slug}/walkthrough/{part}", documents.walkthrough),
        Route("/country/{slug}/report", documents.report),
        Route("/compare", documents.compare),
        Route("/static/{name}", static),
        Route("/openapi.json", api.openapi),
        Route("/api/countries", api.countries),
        Route("/api/check", api.check, methods=["POST"]),
        Route("/api/assess", api.assess, methods=["POST"]),
        Route("/api/explain", api.explain, methods=["POST"]),
        Route("/api/whatif", reform_api.whatif, methods=["POST"]),
        Route("/api/diff", reform_api.diff, methods=["POST"]),
    ]
    app = Starlette(
        routes=routes,
        middleware=[
            Middleware(HostGuard, limits=limits),
            Middleware(RequestLanguage, default=language or current_language()),
        ],
        exception_handlers={Refused: refused, HTTPException: http_error, Disconnected: disconnected},
        max_body_size=limits.max_body,
    )
    app.state.library = Library.of_files(files)
    app.state.limits = limits
    app.state.limiter = anyio.CapacityLimiter(limits.workers)
    return app


async def static(request: Request) -> Response:
    name = str(request.path_params["name"])
    if name not in STATIC:
        raise Refused(404, _("no such file"))
    from c102.resources import data_path

    return Response((data_path("templates") / "web" / name).read_bytes(), media_type=STATIC[name])


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or "application/json" in request.headers.get("accept", "")


async def refused(request: Request, error: Exception) -> Response:
    assert isinstance(error, Refused)
    if _wants_json(request):
        return JSONResponse({"error": error.message}, status_code=error.status)
    titles = {404: _("Not found"), 409: _("Not saved"), 413: _("Too large"), 422: _("Cannot assess"), 503: _("Busy")}
    return message(titles.get(error.status, _("Cannot do that")), error.message, error.status)


async def http_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, HTTPException)
    return await refused(request, Refused(error.status_code, str(error.detail)))


async def disconnected(request: Request, error: Exception) -> Response:
    return Response(status_code=400)  # the client is gone; this is never seen and never logged


