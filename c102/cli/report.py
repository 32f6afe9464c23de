"""`c102 report`: one country's gap analysis, Article 22 draft or trainer walk-through."""

from __future__ import annotations

import argparse

from c102.i18n import N_, _

HELP = N_("write a gap analysis, an Article 22 report draft, a trainer walk-through or ratification options for one country")
EXAMPLE = "c102 report countries/examples/examplia.c102 --kind gap --format html -o reports/examplia.html"

KINDS = ("gap", "article22", "walkthrough", "options")
FORMATS = ("md", "html", "docx", "pdf", "xlsx", "json")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help=_("a country description (.c102)"))
    parser.add_argument(
        "--kind",
        choices=KINDS,
        default="gap",
        help=_("gap: gap analysis Part by Part (default); article22: draft report on the accepted Parts; "
        "walkthrough: one Part step by step (needs --part); options: ratification options (Parts "
        "acceptable now, sets meeting Article 2, what stands in the way, a draft declaration)"),
    )
    parser.add_argument(
        "--format",
        choices=FORMATS,
        help=_("md or json go to stdout when -o is not given; html, docx, pdf and xlsx need -o. Default: "
        "the extension of -o (.md, .html, .docx, .pdf, .xlsx, .json; any other is an error), else md. "
        "json is the full assessment whatever the kind; xlsx is the workbook of --kind gap."),
    )
    parser.add_argument("-o", "--output", metavar="PATH", help=_("file to write (atomically); default stdout"))
    parser.add_argument("--part", metavar="PART", help=_("the Part for --kind walkthrough, e.g. V"))
    parser.add_argument(
        "--parts",
        metavar="II,V,...",
        help=_("for --kind article22: the Parts to report on (default: those accepted in the ratification)"),
    )
    parser.add_argument(
        "--date", metavar="YYYY-MM-DD", help=_("print this report date in the footer (no date otherwise)")
    )


def run(args: argparse.Namespace) -> int:
    import sys

    from c102.errors import UsageError
    from c102.report.atomic import write_atomic
    from c102.report.output import WORKBOOK_KINDS, format_for, render_report
    from c102.report.pipeline import assess_file, checked_date, checked_parts

    fmt = format_for(args.output, args.format)
    if fmt in ("html", "docx", "pdf", "xlsx") and not args.output:
        raise UsageError(_('--format {fmt} writes a file: give -o PATH', fmt=fmt))
    if fmt == "xlsx" and args.kind not in WORKBOOK_KINDS:
        raise UsageError(_('the workbook (xlsx) is written for --kind {join} and compare', join=', '.join(WORKBOOK_KINDS)))
    date = checked_date(args.date)
    part = None
    if args.kind == "walkthrough":
        if not args.part:
            raise UsageError(_("--kind walkthrough needs --part, e.g. --part V"))
        chosen = checked_parts(args.part, ("II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"))
        part = chosen[0] if chosen else None
    parts = checked_parts(args.parts)
    assessment = assess_file(args.file)
    data = render_report(assessment, args.kind, fmt, date=date, part=part, parts=parts)
    if args.output:
        write_atomic(args.output, data)
    else:
        sys.stdout.write(data.decode("utf-8"))
        sys.stdout.flush()
    return 0
