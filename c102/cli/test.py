"""`c102 test`: run expectation files that lock what descriptions must yield (docs/testing.md)."""

from __future__ import annotations

import argparse

from c102.i18n import N_, _

HELP = N_("run expectation files: a description and the verdicts (and values) it must give")
EXAMPLE = "c102 test tests/legal"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="+",
        metavar="FILE|DIR",
        help=_("expectation files (.yaml); a folder is searched for them, YAML descriptions in it are skipped"),
    )
    parser.epilog = (parser.epilog or "") + "\n\n" + _(
        "exit codes: 0 every expectation holds, 1 some expectation failed, "
        "2 bad input (file:line:column on stderr)"
    )


def run(args: argparse.Namespace) -> int:
    import sys

    from c102.errors import EXIT_BAD_INPUT, EXIT_GAPS, EXIT_OK
    from c102.testing.run import render
    from c102.testing.run import run as run_cases

    result = run_cases(list(args.paths))
    for diagnostic in result.errors:
        print(diagnostic.render(), file=sys.stderr)
    print(render(result))
    if result.errors:
        return EXIT_BAD_INPUT
    return EXIT_GAPS if result.failed else EXIT_OK
