"""`c102 serve`: a local web view for exploring reforms; each reload re-assesses the files."""

from __future__ import annotations

import argparse

HELP = "serve gap analyses, walk-throughs and the comparison on localhost; reload after editing a file"
EXAMPLE = "c102 serve countries/*.c102 --port 8102   # then open http://127.0.0.1:8102/"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE", help="descriptions to serve")
    parser.add_argument(
        "--host", default="127.0.0.1", help="address to bind (default 127.0.0.1: this machine only)"
    )
    parser.add_argument("--port", type=int, default=8102, help="port (default 8102; 0 picks a free one)")


def run(args: argparse.Namespace) -> int:
    import sys

    from c102.errors import UsageError
    from c102.serve import make_server

    try:
        server = make_server(args.files, args.host, args.port)
    except OSError as error:
        raise UsageError(f"cannot listen on {args.host}:{args.port}: {error.strerror}") from None
    host, port = str(server.server_address[0]), int(server.server_address[1])
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        print(f"warning: listening on {host}, reachable from other machines", file=sys.stderr)
    print(
        f"c102: serving {len(args.files)} description(s) at http://{host}:{port}/ (Ctrl-C to stop)",
        file=sys.stderr,
    )
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0
