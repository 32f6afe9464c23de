"""Entry point of the ``c102`` command.

Each subcommand lives in its own module ``c102.cli.<name>`` exposing ``HELP`` (one line),
``EXAMPLE`` (shown in its --help), ``add_arguments(parser)`` and ``run(args) -> int``. Those modules
import nothing heavy at module level, so ``c102 --help`` and ``c102 --version`` stay fast.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from c102 import __version__
from c102.errors import EXIT_BAD_INPUT, EXIT_INTERNAL, C102Error
from c102.i18n import N_, _
from c102.i18n.language import SUPPORTED, UnknownLanguage, resolve_language, use_language

SUBCOMMANDS = ("check", "assess", "explain", "whatif", "diff", "compare", "report", "rules", "fmt", "graph", "serve", "test")

DESCRIPTION = N_("""\
Assess a country's social security law against ILO Convention No. 102 (1952).

A country is described in a plain-text .c102 file (see docs/language.md); c102 reads it,
applies the rulebook in rules/c102/ and reports, article by article, what complies,
what does not and by how much, and what it cannot decide without a specialist.
""")

EPILOG = N_("""\
exit codes:
  0  success
  1  gaps found, only with --fail-on-gap (assess, compare); an expectation failed (test)
  2  bad input or usage (the message names file:line:column)
  3  internal error in c102 (set C102_DEBUG=1 to see the traceback)

examples:
  c102 check countries/*.c102
  c102 assess countries/jordan.c102
  c102 compare countries/*.c102 -o reports/

languages: --lang en|fr|es on every command (default en; also C102_LANG)
""")


class _Parser(argparse.ArgumentParser):
    """argparse exits with 2 on usage errors already; keep its message short and clear."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_BAD_INPUT, _("{prog}: error: {message}", prog=self.prog, message=message) + "\n")


def add_language_argument(parser: argparse.ArgumentParser) -> None:
    """``--lang``: the language of everything the command prints or writes (docs/languages.md)."""
    parser.add_argument(
        "--lang",
        metavar="|".join(SUPPORTED),
        default=None,
        help=_("language of messages and documents: {languages} (default: C102_LANG, else en)", languages=", ".join(SUPPORTED)),
    )


def chosen_language(args_list: list[str]) -> str:
    """The language asked for by ``--lang X`` / ``--lang=X`` anywhere on the line, else ``C102_LANG``.

    Read before argparse runs, so that ``--help`` and usage errors already speak it.
    """
    given = None
    for i, arg in enumerate(args_list):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(args_list):
            given = args_list[i + 1]
        elif arg.startswith("--lang="):
            given = arg.split("=", 1)[1]
    return resolve_language(given)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="c102",
        description=_(DESCRIPTION),
        epilog=_(EPILOG),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"c102 {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in SUBCOMMANDS:
        module = importlib.import_module(f"c102.cli.{name}")
        cmd = sub.add_parser(
            name,
            help=_(module.HELP),
            description=_(module.HELP),
            epilog=_("example:\n  {example}", example=module.EXAMPLE),
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        module.add_arguments(cmd)
        add_language_argument(cmd)
        cmd.set_defaults(_module=module)
    return parser


def _tune_collector() -> None:
    """A command is one short process whose evaluator graphs are cyclic garbage: with the default
    thresholds the collector rescans every live assessment over and over (35-145% of assessment
    time in ``compare``). Fewer, larger young-generation passes cost a little memory and save that."""
    import gc

    gc.set_threshold(50_000, 20, 100)


def main(argv: Sequence[str] | None = None) -> int:
    args_list = sys.argv[1:] if argv is None else list(argv)
    if args_list == ["--version"]:  # answered before the subcommands are even imported
        print(f"c102 {__version__}")
        return 0
    try:
        language = chosen_language(args_list)
    except UnknownLanguage as unknown:
        print(
            _("c102: error: unknown language {code!r}; supported: {languages}", code=unknown.code, languages=", ".join(SUPPORTED)),
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    with use_language(language):  # the caller's language is back afterwards (in-process tests, the API)
        return _run(args_list)


def _run(args_list: list[str]) -> int:
    parser = build_parser()
    args = parser.parse_args(args_list)
    _tune_collector()
    if args.command is None:
        parser.print_help()
        return EXIT_BAD_INPUT
    from c102.cli.terminal import VisibleStream, visible

    stdout = sys.stdout
    sys.stdout = VisibleStream(stdout)  # description text is shown, not obeyed
    try:
        return int(args._module.run(args))
    except C102Error as error:
        if os.environ.get("C102_DEBUG"):
            raise
        print(visible(error.render()), file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print(_("interrupted"), file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as error:  # a bug in c102, not the user's mistake
        if os.environ.get("C102_DEBUG"):
            raise
        print(
            visible(_("c102: internal error: {kind}: {error}", kind=type(error).__name__, error=error)) + "\n"
            + _("This is a bug in c102. Run again with C102_DEBUG=1 for the traceback and report it."),
            file=sys.stderr,
        )
        return EXIT_INTERNAL
    finally:
        sys.stdout = stdout
