"""The terminal summary of an assessment: what a specialist reads first.

Laid out with rich: tables align whatever the verdict word, verdicts are coloured on a terminal
and plain when piped, with ``NO_COLOR`` set or with ``--no-color``. The citation shown for a
rule is the alternative its verdict rests on (``cited_article``), not its first citation.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from c102.evaluate.assessment import ARTICLE_2_WORDS, Assessment
from c102.evaluate.verdict import (
    COMPLIANT,
    INSUFFICIENT_DATA,
    NEEDS_REVIEW,
    NOT_APPLICABLE,
    NOT_COMPLIANT,
    RuleResult,
)
from c102.i18n import N_, _, ngettext
from c102.i18n.rulebook import part_title

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

MARK = {
    COMPLIANT: N_("ok"),
    NOT_COMPLIANT: N_("FAIL"),
    NEEDS_REVIEW: N_("review"),
    INSUFFICIENT_DATA: N_("no data"),
    NOT_APPLICABLE: N_("n/a"),
}


STYLE = {
    COMPLIANT: "green",
    NOT_COMPLIANT: "bold red",
    NEEDS_REVIEW: "yellow",
    INSUFFICIENT_DATA: "dim",
    NOT_APPLICABLE: "dim",
}


def _verdict(verdict: str) -> RenderableType:
    """The verdict in words of the active language (``not compliant``, ``non conforme``), coloured."""
    from rich.text import Text

    from c102.report.shared.display import verdict_text

    return Text(verdict_text(verdict), style=STYLE.get(verdict, ""))


def _parts_table(assessment: Assessment, parts: list[str] | None) -> RenderableType:
    from rich import box
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
    for name, justify in (
        (_("Part"), "left"),
        (_("verdict"), "left"),
        (_("ok"), "right"),
        (_("fail"), "right"),
        (_("review"), "right"),
        (_("no-data"), "right"),
        (_("alternative"), "left"),
        (_("title"), "left"),
    ):
        table.add_column(name, justify=justify, no_wrap=justify == "right" or name != _("title"))  # type: ignore[arg-type]
    for part in assessment.parts.values():
        if parts and part.part not in parts:
            continue
        c = part.counts
        flags = ([_("accepted")] if part.accepted else []) + (
            [_("ceased: {convention}", convention=part.ceased_by)] if part.ceased_by else []
        )
        table.add_row(
            part.part,
            _verdict(part.verdict),
            str(c.get(COMPLIANT, 0)),
            str(c.get(NOT_COMPLIANT, 0)),
            str(c.get(NEEDS_REVIEW, 0)),
            str(c.get(INSUFFICIENT_DATA, 0)),
            part.alternative or "",
            part_title(part.part, part.title) + (f"  [{', '.join(flags)}]" if flags else ""),
        )
    return table


def _rules_table(rules: list[RuleResult]) -> RenderableType:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from c102.report.shared.display import cited_article

    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
    for name in ("", _("rule"), _("article")):
        table.add_column(name, no_wrap=True)
    table.add_column(_("finding"), overflow="fold")
    for r in rules:
        failing = [d.explanation for d in r.details if d.verdict == r.verdict]
        detail = r.gap or (" ".join(failing) if failing else r.explanation)
        if r.remedy and r.verdict == NOT_COMPLIANT:
            detail += "\n" + _("to close: {remedy}", remedy=r.remedy)
        for closing in r.closings or []:
            if closing["exact"]:
                detail += "\n" + _("smallest change: {change} (exactly {exact})", change=closing["text"], exact=closing["exact"])
            else:
                detail += "\n" + _("smallest change: {change}", change=closing["text"])
        article = cited_article(r)
        table.add_row(
            Text(_(MARK[r.verdict]), style=STYLE.get(r.verdict, "")),
            r.id,
            _("Art {article}", article=article[0]) if article else "",
            detail,
        )
    return table


def plain_console(width: int = 160) -> Console:
    """A console that writes plain text into a buffer: for tests, pipes and ``summary_text``."""
    from rich.console import Console

    return Console(
        file=io.StringIO(), width=width, color_system=None, no_color=True, highlight=False, emoji=False
    )


def summary_renderables(
    assessment: Assessment, parts: list[str] | None = None, show_all: bool = False, worst: int = 8
) -> list[RenderableType]:
    """Lines and tables, in the order printed."""
    country = assessment.country_json()
    as_of = _long_date(country["as_of"]) if country["as_of"] else _("unknown date")
    if country["fictional"]:
        heading = _("{country} ({iso}), as of {date} — fictional teaching example", country=country["name"], iso=country["iso"] or "-", date=as_of)
    else:
        heading = _("{country} ({iso}), as of {date}", country=country["name"], iso=country["iso"] or "-", date=as_of)
    lines = [heading]
    rat = assessment.ratification
    if rat.accepted_parts:
        year = str(rat.record["registered"])[:4] if rat.record and rat.record.get("registered") else None
        if rat.registered:
            when = _long_date(rat.registered)
        else:
            when = _("in {year}, exact date not recorded", year=year) if year else _("date unknown")
        lines.append(
            _("Ratified C102 (registered {when}); Parts accepted: {parts}", when=when, parts=", ".join(rat.accepted_parts))
        )
    lines.append("")
    out: list[RenderableType] = ["\n".join(lines), _parts_table(assessment, parts)]
    lines = []
    verdict = ARTICLE_2_WORDS.get(rat.verdict)
    lines.append(
        _("Article 2: {verdict}. {explanation}", verdict=_(verdict) if verdict else rat.verdict, explanation=rat.explanation)
    )
    if rat.accepted_but_failing:
        lines.append(
            _("Accepted Parts that the description does not meet: {parts}", parts=", ".join(rat.accepted_but_failing))
        )
    chosen = [c for c in assessment.choices if c.get("stated", True)]
    if chosen:
        listed = "; ".join(
            f"{c['id']} = {c['value']}" + (f" [{c['source']}]" if c.get("source") else "") for c in chosen
        )
        lines.append(_("Choices: {choices}", choices=listed))
    rules = [r for r in assessment.rules if not parts or r.part in parts]
    shown = rules if show_all else [r for r in rules if r.verdict == NOT_COMPLIANT]
    gaps = sorted(
        shown,
        key=lambda r: (
            r.verdict != NOT_COMPLIANT,
            -(
                float(r.threshold - r.value)
                if r.value is not None and r.threshold is not None and r.unit == "percent"
                else 0
            ),
        ),
    )
    if gaps:
        lines.append("")
        lines.append(_("Rules:") if show_all else _("Gaps, largest first:"))
        out += ["\n".join(lines), _rules_table(gaps if show_all else gaps[:worst])]
        lines = []
        if not show_all and len(gaps) > worst:
            lines.append("  " + _("... {count} more (use --all)", count=len(gaps) - worst))
    review = [r for r in rules if r.verdict == NEEDS_REVIEW]
    missing = sorted({m for r in rules for m in r.missing})
    lines.append("")
    lines.append(
        _(
            "{questions} for a specialist, {facts} (c102 report for the full list).",
            questions=ngettext("{n} question", "{n} questions", len(review)),
            facts=ngettext("{n} missing fact", "{n} missing facts", len(missing)),
        )
    )
    out.append("\n".join(lines))
    return out


def _long_date(iso: str) -> str:
    """An ISO date of the assessment as the active language writes it (English keeps ISO)."""
    from datetime import date

    from c102.i18n.numbers import long_date

    try:
        return long_date(date.fromisoformat(iso))
    except ValueError:
        return iso


def print_summary(console: Console, renderables: list[RenderableType]) -> None:
    for item in renderables:
        console.print(item, highlight=False, markup=False) if isinstance(item, str) else console.print(item)


def summary_text(
    assessment: Assessment, parts: list[str] | None = None, show_all: bool = False, worst: int = 8
) -> str:
    """The summary as plain text (no colour), as printed to a pipe."""
    console = plain_console()
    print_summary(console, summary_renderables(assessment, parts, show_all, worst))
    return "\n".join(line.rstrip() for line in console.file.getvalue().splitlines())  # type: ignore[attr-defined]
