"""`c102 assess`: judge one or more descriptions against C102 and print the findings."""

from __future__ import annotations

import argparse

from c102.i18n import N_, _

HELP = N_("assess a description against C102: Parts, verdicts, the worst gaps, Article 2")
EXAMPLE = "c102 assess countries/jordan.c102 --format json > jordan.json"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE", help=_("description (.c102, .yaml or .json)"))
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help=_("output format (default: text)")
    )
    parser.add_argument(
        "--part", action="append", metavar="ROMAN", help=_("show only these Parts' rules (repeatable)")
    )
    parser.add_argument(
        "--all", action="store_true", help=_("list every rule, not only the ones that are not compliant")
    )
    parser.add_argument(
        "--no-smallest-changes",
        dest="smallest_changes",
        action="store_false",
        help=_("skip the smallest changes: by default each failing numeric rule lists, per parameter "
        "that closes it, the smallest change, found exactly and verified by re-assessing"),
    )
    parser.add_argument("--smallest-changes", action="store_true", help=argparse.SUPPRESS)  # the default
    parser.set_defaults(smallest_changes=True)
    parser.add_argument(
        "--no-color", action="store_true", help=_("plain text even on a terminal (so does NO_COLOR=1)")
    )
    parser.add_argument(
        "--fail-on-gap",
        action="store_true",
        help=_("exit 1 when an accepted Part is not compliant (for a country that has not ratified: when no "
        "set of Parts meets Article 2); missing data and open questions are not gaps"),
    )


def run(args: argparse.Namespace) -> int:
    import json
    import sys

    from c102 import assess, load_description
    from c102.errors import EXIT_GAPS, EXIT_OK

    if args.part:  # "v" and "V" name the same Part
        from c102.report.pipeline import checked_parts

        args.part = checked_parts(",".join(args.part))
    assessments = [assess(load_description(path)) for path in args.files]
    if args.smallest_changes:
        from c102.reform.closing import with_smallest_changes

        for assessment in assessments:
            with_smallest_changes(assessment)
    if args.format == "json":
        documents = [a.to_json() for a in assessments]
        payload = documents[0] if len(documents) == 1 else documents
        sys.stdout.write(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
    else:
        from rich.console import Console

        from c102.cli.summary import print_summary, summary_renderables

        # rich writes plain text when stdout is not a terminal and honours NO_COLOR itself.
        width = None if sys.stdout.isatty() else 160  # a pipe gets full lines, not 80 columns
        console = Console(no_color=args.no_color or None, highlight=False, emoji=False, width=width)
        for i, assessment in enumerate(assessments):
            if i:
                console.print()
            print_summary(console, summary_renderables(assessment, parts=args.part, show_all=args.all))
    gaps = {a.description.path: a.gaps() for a in assessments}
    if args.fail_on_gap and any(gaps.values()):
        for path, found in gaps.items():
            if found:
                print(f"{path}: {'; '.join(found)}", file=sys.stderr)
        return EXIT_GAPS
    return EXIT_OK
