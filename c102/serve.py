"""A local web view of assessments for exploring reforms: edit a description, reload the page.

Each request re-reads and re-assesses the description files given on the command line (nothing
else on disk is reachable), so the page always shows the law as the file now states it. The
server binds to 127.0.0.1 unless told otherwise; it is a single-user tool, not a public service.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING

from c102.errors import C102Error

if TYPE_CHECKING:
    from c102.evaluate.assessment import Assessment

PARTS = ("II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
ROUTES = (
    (re.compile(r"^/$"), "index"),
    (re.compile(r"^/compare$"), "compare"),
    (re.compile(r"^/country/(\d+)$"), "gap"),
    (re.compile(r"^/country/(\d+)\.json$"), "json"),
    (re.compile(r"^/country/(\d+)/article22$"), "article22"),
    (re.compile(r"^/country/(\d+)/walkthrough/(II|III|IV|V|VI|VII|VIII|IX|X)$"), "walkthrough"),
)


class Pages:
    """What the server shows, computed afresh from the files at every request."""

    def __init__(self, files: list[str]) -> None:
        self.files = [str(Path(f)) for f in files]

    def index(self) -> tuple[str, bytes]:
        rows = []
        for i, path in enumerate(self.files):
            walk = " ".join(f'<a href="/country/{i}/walkthrough/{p}">{p}</a>' for p in PARTS)
            rows.append(
                f'<tr><td><a href="/country/{i}">{html.escape(path)}</a></td>'
                f'<td><a href="/country/{i}/article22">Art 22 draft</a></td>'
                f'<td><a href="/country/{i}.json">JSON</a></td><td>{walk}</td></tr>'
            )
        body = (
            "<h1>c102: assessments</h1><p>Edit a description and reload: every page is assessed afresh.</p>"
            '<p><a href="/compare">Comparative assessment of all files</a></p>'
            "<table><tr><th>description</th><th>report</th><th>data</th><th>walk-through by Part</th></tr>"
            + "".join(rows)
            + "</table>"
        )
        return "text/html; charset=utf-8", _page("c102", body)

    def compare(self) -> tuple[str, bytes]:
        from c102.report.output import comparative_outputs

        assessments = [self._assess(i) for i in range(len(self.files))]
        return "text/html; charset=utf-8", comparative_outputs(assessments, ["html"])["comparative.html"]()

    def report(self, index: int, kind: str, part: str | None = None) -> tuple[str, bytes]:
        from c102.report.output import render_report

        fmt = "json" if kind == "json" else "html"
        data = render_report(self._assess(index), "gap" if kind == "json" else kind, fmt, part=part)
        return ("application/json" if fmt == "json" else "text/html; charset=utf-8"), data

    def _assess(self, index: int) -> Assessment:
        from c102 import assess, load_description

        return assess(load_description(self.files[index]))


class Handler(BaseHTTPRequestHandler):
    pages: Pages
    server_version = "c102"

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        for pattern, name in ROUTES:
            match = pattern.match(path)
            if match is None:
                continue
            groups = match.groups()
            if groups and int(groups[0]) >= len(self.pages.files):
                break
            try:
                kind, data = self._dispatch(name, groups)
            except C102Error as error:
                self._send(HTTPStatus.UNPROCESSABLE_ENTITY, "text/html; charset=utf-8", _page("c102: the description has errors", f"<pre>{html.escape(error.render())}</pre>"))
                return
            self._send(HTTPStatus.OK, kind, data)
            return
        self._send(HTTPStatus.NOT_FOUND, "text/html; charset=utf-8", _page("Not found", '<p>Not found. <a href="/">Back to the list</a>.</p>'))

    def _dispatch(self, name: str, groups: tuple[str | None, ...]) -> tuple[str, bytes]:
        actions: dict[str, Callable[[], tuple[str, bytes]]] = {
            "index": self.pages.index,
            "compare": self.pages.compare,
            "gap": lambda: self.pages.report(int(groups[0] or 0), "gap"),
            "json": lambda: self.pages.report(int(groups[0] or 0), "json"),
            "article22": lambda: self.pages.report(int(groups[0] or 0), "article22"),
            "walkthrough": lambda: self.pages.report(int(groups[0] or 0), "walkthrough", groups[1]),
        }
        return actions[name]()

    def _send(self, status: HTTPStatus, kind: str, data: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:")
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: object) -> None:
        pass


def make_server(files: list[str], host: str = "127.0.0.1", port: int = 8102) -> ThreadingHTTPServer:
    handler = type("BoundHandler", (Handler,), {"pages": Pages(files)})
    return ThreadingHTTPServer((host, port), handler)


def _page(title: str, body: str) -> bytes:
    style = "body{font-family:sans-serif;max-width:72em;margin:2em auto;}table{border-collapse:collapse}td,th{border:1px solid #bbb;padding:.3em .6em;text-align:left}"
    return (
        f"<!doctype html><html lang=en><head><meta charset=utf-8><title>{html.escape(title)}</title>"
        f"<style>{style}</style></head><body>{body}</body></html>"
    ).encode()
