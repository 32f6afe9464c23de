"""Run the workbench under uvicorn on one socket: bound first (so port 0 gives a known free port and
the Host check knows it), with timeouts on idle and half-sent requests and a bound on connections."""

from __future__ import annotations

import asyncio
import socket
from typing import Any

from uvicorn.protocols.http.h11_impl import H11Protocol

from c102.web.guard import Limits, hosts_for


class TimedH11(H11Protocol):
    """uvicorn's HTTP/1.1 protocol, closing a connection that sends no complete request in time
    (uvicorn times out idle keep-alive connections, not a first request sent slowly)."""

    header_seconds = Limits().header_seconds

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self.loop.call_later(self.header_seconds, self._drop_if_silent)

    def _drop_if_silent(self) -> None:
        if self.cycle is None and not self.transport.is_closing():
            self.transport.close()


def bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(128)
    sock.setblocking(False)
    return sock


def bound_port(sock: socket.socket) -> int:
    address: Any = sock.getsockname()
    return int(address[1])


def make_server(files: list[str], sock: socket.socket, limits: Limits | None = None) -> Any:
    """A uvicorn Server for the workbench on an already bound socket (run it with ``run(sockets=[sock])``)."""
    import uvicorn

    from c102.web.app import make_app

    limits = limits or Limits()
    host = str(sock.getsockname()[0])
    limits.allowed_hosts |= hosts_for(host, bound_port(sock))
    config = uvicorn.Config(
        make_app(files, limits),
        http=type("TimedH11", (TimedH11,), {"header_seconds": limits.header_seconds}),
        ws="none",
        lifespan="off",
        log_level="error",
        access_log=False,
        limit_concurrency=limits.connections,
        timeout_keep_alive=5,
        timeout_graceful_shutdown=2,
        h11_max_incomplete_event_size=64 * 1024,
        server_header=False,
    )
    return uvicorn.Server(config)
