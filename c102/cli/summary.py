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

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

MARK = {
    COMPLIANT: "ok",
    NOT_COMPLIANT: "FAIL",
    NEEDS_REVIEW: "review",
    INSUFFICIENT_DATA: "no data",
    NOT_APPLICABLE: "n/a",
}


STYLE = {
    COMPLIANT: "green",
    NOT_COMPLIANT: "bold red",
    NEEDS_REVIEW: "yellow",
    INSUFFICIENT_DATA: "dim",
    NOT_APPLICABLE: "dim",
}


def _verdict(verdict: str) -> RenderableType:
    from rich.text import Text

    return Text(verdict, style=STYLE.get(verdict, ""))


def _parts_table(assessment: Assessment, parts: list[str] | None) -> RenderableType:
    from rich import box
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
    for name, justify in (
        ("Part", "left"),
        ("verdict", "left"),
        ("ok", "right"),
        ("fail", "right"),
        ("review", "right"),
        ("no-data", "right"),
        ("alternative", "left"),
        ("title", "left"),
    ):
        table.add_column(name, justify=justify, no_wrap=name != "title")  # type: ignore[arg-type]
    for part in assessment.parts.values():
        if parts and part.part not in parts:
            continue
        c = part.counts
        flags = (["accepted"] if part.accepted else []) + (
            [f"ceased: {part.ceased_by}"] if part.ceased_by else []
        )
        table.add_row(
            part.part,
            _verdict(part.verdict),
            str(c.get(COMPLIANT, 0)),
            str(c.get(NOT_COMPLIANT, 0)),
            str(c.get(NEEDS_REVIEW, 0)),
            str(c.get(INSUFFICIENT_DATA, 0)),
            part.alternative or "",
            part.title + (f"  [{', '.join(flags)}]" if flags else ""),
        )
    return table


def _rules_table(rules: list[RuleResult]) -> RenderableType:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from c102.report.shared.display import cited_article

    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
    for name in ("", "rule", "article"):
        table.add_column(name, no_wrap=True)
    table.add_column("finding", overflow="fold")
    for r in rules:
        failing = [d.explanation for d in r.details if d.verdict == r.verdict]
        detail = r.gap or (" ".join(failing) if failing else r.explanation)
        if r.remedy and r.verdict == NOT_COMPLIANT:
            detail += f"\nto close: {r.remedy}"
        for closing in r.closings or []:
            exact = f" (exactly {closing['exact']})" if closing["exact"] else ""
            detail += f"\nsmallest change: {closing['text']}{exact}"
        article = cited_article(r)
        table.add_row(
            Text(MARK[r.verdict], style=STYLE.get(r.verdict, "")),
            r.id,
            f"Art {article[0]}" if article else "",
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
    lines = [
        f"{country['name']} ({country['iso'] or '-'}), as of {country['as_of'] or 'unknown date'}"
        + (" — fictional teaching example" if country["fictional"] else "")
    ]
    rat = assessment.ratification
    if rat.accepted_parts:
        year = str(rat.record["registered"])[:4] if rat.record and rat.record.get("registered") else None
        when = rat.registered or (f"in {year}, exact date not recorded" if year else "date unknown")
        lines.append(f"Ratified C102 (registered {when}); Parts accepted: {', '.join(rat.accepted_parts)}")
    lines.append("")
    out: list[RenderableType] = ["\n".join(lines), _parts_table(assessment, parts)]
    lines = []
    lines.append(f"Article 2: {ARTICLE_2_WORDS.get(rat.verdict, rat.verdict)}. {rat.explanation}")
    if rat.accepted_but_failing:
        lines.append(
            f"Accepted Parts that the description does not meet: {', '.join(rat.accepted_but_failing)}"
        )
    chosen = [c for c in assessment.choices if c.get("stated", True)]
    if chosen:
        lines.append(
            "Choices: "
            + "; ".join(
                f"{c['id']} = {c['value']}" + (f" [{c['source']}]" if c.get("source") else "") for c in chosen
            )
        )
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
        lines.append("Rules:" if show_all else "Gaps, largest first:")
        out += ["\n".join(lines), _rules_table(gaps if show_all else gaps[:worst])]
        lines = []
        if not show_all and len(gaps) > worst:
            lines.append(f"  ... {len(gaps) - worst} more (use --all)")
    review = [r for r in rules if r.verdict == NEEDS_REVIEW]
    missing = sorted({m for r in rules for m in r.missing})
    lines.append("")
    lines.append(
        f"{len(review)} questions for a specialist, {len(missing)} missing facts (c102 report for the full list)."
    )
    out.append("\n".join(lines))
    return out


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
