"""What every request passes through: the Host check, security headers, body and time limits.

The workbench is a single-user tool on this machine. Checking the Host header against the bound
address stops a web page elsewhere from reading it through DNS rebinding; the limits keep one slow
or oversized request (or a description that takes long to assess) from holding the others.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

import anyio
import anyio.to_thread
from starlette.datastructures import Headers, MutableHeaders
from starlette.requests import ClientDisconnect, Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from c102.i18n import _

T = TypeVar("T")

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)


@dataclass
class Limits:
    """The bounds of the server; the defaults suit one person on one machine."""

    max_body: int = 2_000_000  # bytes of a request body (a description is far smaller)
    body_seconds: float = 10.0  # to receive a whole request body
    header_seconds: float = 10.0  # to receive a request's headers on a new connection
    work_seconds: float = 180.0  # for one request's work (a PDF of a long report takes the longest)
    workers: int = 2  # assessments running at once (the others wait their turn)
    connections: int = 64  # open connections; past it the server answers 503
    allowed_hosts: set[str] = field(default_factory=set)  # Host headers accepted


class Refused(Exception):
    """A request the server will not do, with the status and the reason to show."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


class Disconnected(Exception):
    """The client went away before sending its request; nothing to answer, nothing to log."""


class HostGuard:
    """Refuse requests whose Host is not the address the server is bound to; set safe headers."""

    def __init__(self, app: ASGIApp, limits: Limits) -> None:
        self.app = app
        self.limits = limits

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        host = Headers(scope=scope).get("host", "").lower()
        if host not in self.limits.allowed_hosts:
            body = b"Host not allowed: c102 serve answers only at the address it is bound to.\n"
            await send(
                {
                    "type": "http.response.start",
                    "status": 400,
                    "headers": [(b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(body)).encode())],
                }
            )
            await send({"type": "http.response.body", "body": body})
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers.setdefault("content-security-policy", CSP)
                headers.setdefault("x-content-type-options", "nosniff")
                headers.setdefault("referrer-policy", "no-referrer")
                headers.setdefault("cache-control", "no-store")
            await send(message)

        await self.app(scope, receive, send_with_headers)


def hosts_for(host: str, port: int) -> set[str]:
    """The Host headers a browser sends for this bound address (``localhost`` for a loopback one)."""
    shown = f"[{host}]" if ":" in host else host
    names = {shown}
    if host in ("127.0.0.1", "::1", "localhost"):
        names |= {"localhost", "127.0.0.1", "[::1]"}
    out = {f"{name}:{port}" for name in names}
    if port == 80:
        out |= names
    return {h.lower() for h in out}


async def read_body(request: Request) -> bytes:
    """The request body within the size and time limits."""
    limits: Limits = request.app.state.limits
    length = request.headers.get("content-length", "")
    if length.isdigit() and len(length) < 20 and int(length) > limits.max_body:
        raise Refused(413, _('the request is larger than {max_body} bytes', max_body=limits.max_body))
    try:
        with anyio.fail_after(limits.body_seconds):
            body = await request.body()
    except TimeoutError:
        raise Refused(408, _("the request body did not arrive in time")) from None
    except ClientDisconnect:
        raise Disconnected from None
    if len(body) > limits.max_body:
        raise Refused(413, _('the request is larger than {max_body} bytes', max_body=limits.max_body))
    return body


def json_object(body: bytes) -> dict[str, Any]:
    """The body as a JSON object, or a 400 that says what is wrong with it."""
    import json

    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise Refused(400, _('the request is not JSON: {error}', error=error)) from None
    if not isinstance(data, dict):
        raise Refused(400, _("the request must be a JSON object"))
    return data


async def run_work(request: Request, work: Callable[..., T], *args: Any) -> T:
    """Run CPU work in a worker thread: at most ``workers`` at once, within ``work_seconds``.

    A request waiting for a worker is dropped when its client hangs up: otherwise a client that
    asks for ten long reports and leaves keeps every later page waiting for work nobody reads.
    """
    limits: Limits = request.app.state.limits
    limiter: anyio.CapacityLimiter = request.app.state.limiter
    borrower = object()
    try:
        with anyio.fail_after(limits.work_seconds):
            if not await _worker_or_gone(request, limiter, borrower):
                raise Disconnected
            try:
                return await anyio.to_thread.run_sync(work, *args, abandon_on_cancel=True)
            finally:
                limiter.release_on_behalf_of(borrower)
    except TimeoutError:
        raise Refused(503, _('the work took longer than {work_seconds:g} s; try again', work_seconds=limits.work_seconds)) from None


async def _worker_or_gone(request: Request, limiter: anyio.CapacityLimiter, borrower: object) -> bool:
    """Take a worker for ``borrower``; False if the client disconnects first."""
    try:
        limiter.acquire_on_behalf_of_nowait(borrower)
        return True
    except anyio.WouldBlock:
        pass
    got = False
    async with anyio.create_task_group() as group:

        async def take() -> None:
            nonlocal got
            await limiter.acquire_on_behalf_of(borrower)
            got = True
            group.cancel_scope.cancel()

        async def watch() -> None:
            # The request's body has been read (or it has none): the next message is the hang-up.
            while (await request.receive())["type"] != "http.disconnect":
                pass
            group.cancel_scope.cancel()

        group.start_soon(take)
        group.start_soon(watch)
    return got
