"""The language of each workbench request: ``?lang=fr`` (remembered in a cookie), else the cookie,
else the language ``c102 serve`` was started in. Set for the request only, through the same
context variable as the command line, so pages, API messages and documents all follow it."""

from __future__ import annotations

from http.cookies import SimpleCookie

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from c102.i18n.language import SUPPORTED, use_language

COOKIE = "c102_lang"


def _from_query(query: str) -> str | None:
    from urllib.parse import parse_qs

    asked = parse_qs(query).get("lang", [None])[-1]
    return asked if asked in SUPPORTED else None


def _from_cookie(header: str) -> str | None:
    cookie: SimpleCookie = SimpleCookie()
    try:
        cookie.load(header)
    except Exception:  # a malformed Cookie header is ignored, like a missing one
        return None
    morsel = cookie.get(COOKIE)
    return morsel.value if morsel is not None and morsel.value in SUPPORTED else None


class RequestLanguage:
    """ASGI middleware: each request runs in its language; ``?lang=`` also sets the cookie."""

    def __init__(self, app: ASGIApp, default: str) -> None:
        self.app = app
        self.default = default

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        asked = _from_query(scope.get("query_string", b"").decode("latin-1"))
        headers = dict(scope.get("headers") or [])
        remembered = _from_cookie(headers.get(b"cookie", b"").decode("latin-1"))
        language = asked or remembered or self.default

        async def send_with_cookie(message: Message) -> None:
            if asked and message["type"] == "http.response.start":
                cookie = f"{COOKIE}={asked}; Path=/; SameSite=Lax".encode()
                message = {**message, "headers": [*message.get("headers", []), (b"set-cookie", cookie)]}
            await send(message)

        with use_language(language):
            await self.app(scope, receive, send_with_cookie)
