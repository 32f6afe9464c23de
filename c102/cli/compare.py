"""`c102 compare`: a comparative assessment of several countries, in several formats."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from c102.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from c102.evaluate.assessment import Assessment

HELP = N_("compare several countries Part by Part: matrix, charts, notes (HTML, Markdown, DOCX, PDF, XLSX, JSON)")
EXAMPLE = "c102 compare countries/*.c102 -o reports/"

DEFAULT_FORMATS = "html,md,docx,pdf,xlsx,json"

EPILOG = N_("""\
writes comparative.html, .md, .docx, .pdf, .xlsx and .json into DIR (only the formats given
with --format), each atomically, and prints what it wrote and the verdict counts.

--fail-on-gap: exit 1 when any country has a Part that it accepted in its ratification,
whose C102 obligations were not ended by a later Convention (Art 75), and whose verdict is
not_compliant. Parts with insufficient_data or needs_review do not trigger it.
""")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.epilog = _(EPILOG) + "\n" + _("example:\n  {example}", example=EXAMPLE)
    parser.add_argument("files", metavar="FILE", nargs="+", help=_("country descriptions (.c102)"))
    parser.add_argument("-o", "--output", metavar="DIR", required=True, help=_("folder to write into"))
    parser.add_argument(
        "--format",
        default=DEFAULT_FORMATS,
        metavar="LIST",
        help=_("comma-separated among html, md, docx, pdf, xlsx, json (default: all six)"),
    )
    parser.add_argument(
        "--fail-on-gap",
        action="store_true",
        help=_("exit 1 when a country has a gap: an accepted, still-binding Part not compliant, or, for a "
        "country that has not ratified, no set of Parts meeting Article 2"),
    )
    parser.add_argument(
        "--json-full",
        action="store_true",
        help=_("embed each country's whole assessment (explanations, sources, calculations) in comparative.json"),
    )
    parser.add_argument("--date", metavar="YYYY-MM-DD", help=_("print this report date (no date otherwise)"))


def written_summary(written: list[Path], assessments: list[Assessment]) -> str:
    """What was written (with sizes) and how many Parts got each verdict: silence is no success."""
    from collections import Counter

    from c102.evaluate.verdict import VERDICTS
    from c102.i18n.numbers import number

    lines = [
        ngettext("wrote {path} ({size} byte)", "wrote {path} ({size} bytes)", path.stat().st_size, path=path, size=number(path.stat().st_size))
        for path in written
    ]
    counts = Counter(result.verdict for a in assessments for result in a.parts.values())
    from c102.report.shared.display import verdict_text

    summary = ", ".join(f"{counts[v]} {verdict_text(v)}" for v in VERDICTS if counts.get(v))
    lines.append(
        ngettext(
            "{n} country, Parts by verdict: {summary}",
            "{n} countries, Parts by verdict: {summary}",
            len(assessments),
            summary=summary or _("none"),
        )
    )
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    import sys

    from c102.errors import EXIT_GAPS, UsageError
    from c102.report.output import FORMATS, comparative_outputs, write_outputs
    from c102.report.pipeline import assess_all, checked_date

    formats = list(dict.fromkeys(f.strip().lower() for f in args.format.split(",") if f.strip()))
    wrong = [f for f in formats if f not in FORMATS]
    if wrong or not formats:
        raise UsageError(
            _('--format takes a comma-separated list among {join}; got {format!r}', join=', '.join(FORMATS), format=args.format)
        )
    if "pdf" in formats and args.format == DEFAULT_FORMATS:
        from c102.report.writers.pdf import PANGO_HINT, pdf_available

        if not pdf_available():  # the default set: write the others, say why the PDF is missing
            formats.remove("pdf")
            print(_('c102: no comparative.pdf: {PANGO_HINT}', PANGO_HINT=PANGO_HINT), file=sys.stderr)
    folder = Path(args.output)
    if folder.exists() and not folder.is_dir():
        raise UsageError(_('-o {output}: not a folder', output=args.output))
    date = checked_date(args.date)
    assessments = assess_all(list(args.files), keep_graph=False)  # the comparison reads results only
    written = write_outputs(folder, comparative_outputs(assessments, formats, date, args.json_full))
    print(written_summary(written, assessments))
    failing = {a.description.country.name: a.gaps() for a in assessments}
    if args.fail_on_gap and any(failing.values()):
        for name, found in failing.items():
            if found:
                print(f"{name}: {'; '.join(found)}", file=sys.stderr)
        return EXIT_GAPS
    return 0
