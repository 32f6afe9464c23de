"""`c102 check`: is a description well-formed, consistent, and complete enough to assess?"""

from __future__ import annotations

import argparse

from c102.i18n import N_, _, ngettext

HELP = N_("check descriptions: syntax, units, references, impossible values, facts the rules need")
EXAMPLE = "c102 check countries/examples/examplia.c102 --message-format json"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "files", nargs="+", metavar="FILE", help=_("description files (.c102, .yaml, .yml, .json)")
    )
    parser.add_argument(
        "--message-format",
        choices=("text", "json"),
        default="text",
        help=_("text: file:line:col, the line and a caret (default); json: one JSON object per diagnostic line"),
    )
    parser.add_argument("--strict", action="store_true", help=_("treat warnings as errors (exit 2)"))
    parser.epilog = (parser.epilog or "") + "\n\n" + _(
        "exit codes: 0 no errors (warnings allowed unless --strict), 2 errors found"
    )


def run(args: argparse.Namespace) -> int:
    import json
    import sys

    from c102.errors import EXIT_BAD_INPUT, EXIT_OK
    from c102.language.diagnose import check_file

    errors = warnings = 0
    for path in args.files:
        diagnostics = check_file(path)
        for diagnostic in diagnostics:
            if args.message_format == "json":
                print(json.dumps(diagnostic.to_json(), ensure_ascii=False, sort_keys=True))
            else:
                print(diagnostic.render())
            if diagnostic.severity == "error":
                errors += 1
            else:
                warnings += 1
    if args.message_format == "text":
        files = len(args.files)
        print(
            _(
                "{files} checked: {errors}, {warnings}",
                files=ngettext("{n} file", "{n} files", files),
                errors=ngettext("{n} error", "{n} errors", errors),
                warnings=ngettext("{n} warning", "{n} warnings", warnings),
            ),
            file=sys.stderr,
        )
    if errors or (args.strict and warnings):
        return EXIT_BAD_INPUT
    return EXIT_OK
