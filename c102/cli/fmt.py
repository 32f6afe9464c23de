"""`c102 fmt`: rewrite descriptions in canonical form (field order, indent, number grouping)."""

from __future__ import annotations

import argparse
from typing import Any

from c102.i18n import N_, _, ngettext

HELP = N_("print or rewrite descriptions in canonical form")
EXAMPLE = "c102 fmt --check countries/**/*.c102"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE", help=_("description files"))
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument(
        "--check", action="store_true", help=_("change nothing; exit 1 if a .c102 file is not in canonical form")
    )
    mode.add_argument("--in-place", action="store_true", help=_("rewrite .c102 files that are not canonical"))
    parser.add_argument(
        "--to",
        choices=("c102", "yaml", "json"),
        default="c102",
        help=_("form printed on standard output (default c102; any input form is accepted)"),
    )
    parser.epilog = (parser.epilog or "") + "\n\n" + _(
        "Every comment of a .c102 file is kept, next to the field or block it annotates;\n"
        "--to yaml keeps only the header comment block and --to json none (a warning says so).\n"
        "exit codes: 0 ok (or all canonical with --check), 1 with --check only: a file would be\n"
        "reformatted, 2 bad input (the file has errors: run c102 check)"
    )


def run(args: argparse.Namespace) -> int:
    import sys
    from pathlib import Path

    from c102.errors import EXIT_OK, UsageError
    from c102.language.canonical import format_description, to_dict
    from c102.language.comments import header_lines
    from c102.language.load import EXTENSION, load_description

    rewriting = args.check or args.in_place
    if rewriting and args.to != "c102":
        raise UsageError(_("--to applies only when printing; --check and --in-place work on .c102 files"))
    if not rewriting and len(args.files) > 1:
        raise UsageError(_("give one file to print, or use --check or --in-place for several"))
    would_change = 0
    for name in args.files:
        if rewriting and Path(name).suffix.lower() != EXTENSION:
            raise UsageError(_('{name}: --check and --in-place work on {EXTENSION} files only', name=name, EXTENSION=EXTENSION))
        description = load_description(name)
        if args.to == "yaml":
            import yaml

            header = header_lines(description.text)
            _warn_dropped(name, description, "YAML", len([line for line in header if line]))
            if header:
                sys.stdout.write("\n".join(header) + "\n\n")
            sys.stdout.write(
                yaml.safe_dump(to_dict(description), sort_keys=False, allow_unicode=True, width=100)
            )
            continue
        if args.to == "json":
            import json

            _warn_dropped(name, description, "JSON", 0)
            print(json.dumps(to_dict(description), indent=2, ensure_ascii=False))
            continue
        text = format_description(description)
        if not rewriting:
            sys.stdout.write(text)
        elif text != description.text:
            would_change += 1
            if args.in_place:
                Path(name).write_text(text, encoding="utf-8")
                print(_('reformatted {name}', name=name), file=sys.stderr)
            else:
                print(_('would reformat {name}', name=name), file=sys.stderr)
    if args.check and would_change:
        return 1
    return EXIT_OK


def _warn_dropped(name: str, description: Any, form: str, kept: int) -> None:
    """One line on stderr when converting a .c102 file loses comments (all but ``kept`` first ones)."""
    import sys

    from c102.language.comments import scan
    from c102.language.load import EXTENSION

    if not name.lower().endswith(EXTENSION):
        return
    dropped = scan(description.text).comments[kept:]
    if dropped:
        count = len(dropped)
        if kept:
            message = ngettext(
                "{name}:{line}: warning: {form} keeps only the header comments; {n} comment dropped (first here)",
                "{name}:{line}: warning: {form} keeps only the header comments; {n} comments dropped (first here)",
                count,
                name=name,
                line=dropped[0].line,
                form=form,
            )
        else:
            message = ngettext(
                "{name}:{line}: warning: {form} has no comments; {n} comment dropped (first here)",
                "{name}:{line}: warning: {form} has no comments; {n} comments dropped (first here)",
                count,
                name=name,
                line=dropped[0].line,
                form=form,
            )
        print(
            message,
            file=sys.stderr,
        )
