"""`c102 rules`: list the rulebook, as a table or JSON, or show which rules cover each article."""

from __future__ import annotations

import argparse
import io
import json
import sys
from typing import TYPE_CHECKING, Any

from c102.i18n import N_, _, ngettext
from c102.i18n.rulebook import part_title, rule_text, rule_title

if TYPE_CHECKING:
    from c102.rules.model import Rule, Rulebook

HELP = N_("list the rules of the rulebook (or, with --coverage, which rules cite each article)")
EXAMPLE = "c102 rules --part V --format json"

ARTICLES_WIDTH = 30  # a longer list of citations wraps inside its column


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--part", metavar="PART", help=_("only this Part (roman numeral, e.g. V)"))
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help=_("text table (default) or JSON list")
    )
    parser.add_argument(
        "--no-color", action="store_true", help=_("plain text even on a terminal (so does NO_COLOR=1)")
    )
    parser.add_argument(
        "--coverage",
        action="store_true",
        help=_("article by article, the rules citing it; flags articles with requirements but no rule"),
    )
    parser.add_argument(
        "--instrument", default="c102", metavar="NAME", help=_("rulebook folder under rules/ (default: c102)")
    )
    parser.add_argument(
        "--validate",
        action="store_true",
        help=_("check every rule file against rules/schema.json first (the bundled rulebook is not "
        "schema-checked on ordinary runs; the tests check it)"),
    )


def run(args: argparse.Namespace) -> int:
    from c102.errors import UsageError
    from c102.rules.load import available_instruments, load_rulebook

    instrument = str(args.instrument).lower()
    if instrument not in available_instruments():
        raise UsageError(
            _('unknown instrument {instrument!r}; available: {join}', instrument=args.instrument, join=', '.join(available_instruments()))
        )
    rulebook = load_rulebook(instrument, validate=True if args.validate else None)
    part = None
    if args.part:
        part = str(args.part).upper()
        if part not in rulebook.parts:
            raise UsageError(_('unknown Part {part!r}; the Parts are {join}', part=args.part, join=', '.join(rulebook.parts)))
    if args.coverage:
        text = _coverage_json(rulebook, part) if args.format == "json" else _coverage_text(rulebook, part)
    else:
        rules = [r for r in rulebook.rules if part is None or r.part == part]
        text = _rules_json(rules) if args.format == "json" else _rules_text(rulebook, rules, args.no_color)
    sys.stdout.write(text)
    return 0


def rule_json(rule: Rule) -> dict[str, Any]:
    """The stable JSON form of one rule (documented in docs/rulebook.md)."""
    return {
        "id": rule.id,
        "instrument": rule.instrument,
        "part": rule.part,
        "articles": list(rule.articles),
        "kind": rule.kind,
        "title": rule_title(rule.id, rule.title),
        "summary": rule_text(rule.id, "summary", rule.summary) if rule.summary else rule.summary,
        "topic": rule.topic,
        "question": rule_text(rule.id, "question", rule.question) if rule.question else rule.question,
        "applies_to_declaration": rule.applies_to_declaration,
        "params": rule.params,
        "file": rule.file,
        "line": rule.line,
    }


def _rules_json(rules: list[Rule]) -> str:
    return json.dumps([rule_json(r) for r in rules], indent=2, ensure_ascii=False) + "\n"


def _rules_text(rulebook: Rulebook, rules: list[Rule], no_color: bool = False) -> str:
    """A rich table like ``c102 assess``'s: aligned whatever the width of a cell, every citation
    shown (long lists wrap inside their column), colour only on a terminal without NO_COLOR."""
    from rich import box
    from rich.console import Console
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False, header_style="bold")
    table.add_column(_("ID"), no_wrap=True, style="cyan")
    table.add_column(_("PART"), no_wrap=True)
    table.add_column(_("ARTICLES"), max_width=ARTICLES_WIDTH, overflow="fold")
    table.add_column(_("KIND"), no_wrap=True, style="dim")
    table.add_column(_("TITLE"), overflow="fold")
    for r in rules:
        table.add_row(r.id, r.part, ", ".join(r.articles), r.kind, rule_title(r.id, r.title))
    tty = sys.stdout.isatty()
    console = Console(
        file=io.StringIO(),
        width=None if tty else 160,  # a pipe gets full lines, not 80 columns
        force_terminal=tty,
        no_color=no_color or None,
        highlight=False,
        emoji=False,
    )
    console.print(table)
    console.print()
    console.print(
        ngettext(
            "{n} rule of {instrument}, rulebook sha256 {sha256}",
            "{n} rules of {instrument}, rulebook sha256 {sha256}",
            len(rules),
            instrument=rulebook.instrument,
            sha256=rulebook.sha256,
        )
    )
    output = console.file
    assert isinstance(output, io.StringIO)
    return "\n".join(line.rstrip() for line in output.getvalue().splitlines()) + "\n"


def _coverage_json(rulebook: Rulebook, part: str | None) -> str:
    from c102.rules.coverage import article_coverage

    entries = [a.to_json() for a in article_coverage(rulebook, part)]
    return json.dumps(entries, indent=2, ensure_ascii=False) + "\n"


def _coverage_text(rulebook: Rulebook, part: str | None) -> str:
    from c102.rules.coverage import COVERED, NO_CHECKABLE_REQUIREMENT, NOT_COVERED, article_coverage

    entries = article_coverage(rulebook, part)
    lines = [_("{instrument}: articles and the rules citing them", instrument=rulebook.instrument), ""]
    current: str | None = "-"
    for entry in entries:
        if entry.part != current:
            current = entry.part
            if current is None:
                lines.append(_("Final provisions"))
            else:
                title = part_title(current, rulebook.parts[current].title)
                lines.append(_("Part {part}: {title}", part=current, title=title))
        label = ("  " + _("Art {article}", article=entry.article)).ljust(14)
        if entry.status == COVERED:
            lines.append(label + ", ".join(entry.rules))
        elif entry.status == NO_CHECKABLE_REQUIREMENT:
            lines.append(label + _("no checkable requirement: {reason}", reason=entry.reason))
        else:
            lines.append(label + _("NOT COVERED: carries requirements but no rule cites it"))
    counts = {
        s: sum(1 for e in entries if e.status == s) for s in (COVERED, NO_CHECKABLE_REQUIREMENT, NOT_COVERED)
    }
    lines.append("")
    lines.append(
        _(
            "{covered} cited by rules, {no_requirement} with no checkable requirement, {not_covered} not covered",
            covered=counts[COVERED],
            no_requirement=counts[NO_CHECKABLE_REQUIREMENT],
            not_covered=counts[NOT_COVERED],
        )
    )
    return "\n".join(lines) + "\n"
