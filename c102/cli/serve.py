"""`c102 serve`: the browser workbench: edit a description, re-assess, compare, explain, download."""

from __future__ import annotations

import argparse

from c102.i18n import N_, _, ngettext

HELP = N_("the browser workbench on localhost: edit descriptions, see verdicts change, explain, download reports")
EXAMPLE = "c102 serve countries/*.c102 countries/examples/examplia.c102   # then open http://127.0.0.1:8102/"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE", help=_("descriptions to serve"))
    parser.add_argument(
        "--host", default="127.0.0.1", help=_("address to bind (default 127.0.0.1: this machine only)")
    )
    parser.add_argument("--port", type=int, default=8102, help=_("port (default 8102; 0 picks a free one)"))


def run(args: argparse.Namespace) -> int:
    import sys

    from c102.errors import UsageError
    from c102.web.server import bind, bound_port, make_server

    try:
        sock = bind(args.host, args.port)
    except (OSError, OverflowError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise UsageError(_('cannot listen on {host}:{port}: {reason}', host=args.host, port=args.port, reason=reason)) from None
    host, port = str(sock.getsockname()[0]), bound_port(sock)
    if host not in ("127.0.0.1", "::1"):
        print(_('warning: listening on {host}, reachable from other machines', host=host), file=sys.stderr)
    shown = f"[{host}]" if ":" in host else host
    print(
        ngettext(
            "c102: workbench for {n} description at http://{shown}:{port}/ (Ctrl-C to stop)",
            "c102: workbench for {n} descriptions at http://{shown}:{port}/ (Ctrl-C to stop)",
            len(args.files),
            shown=shown,
            port=port,
        ),
        file=sys.stderr,
        flush=True,
    )
    server = make_server(args.files, sock)
    try:
        server.run(sockets=[sock])
    except KeyboardInterrupt:
        pass
    finally:
        sock.close()
    return 0
