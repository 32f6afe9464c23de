"""Descriptions in, assessments out: the steps the report commands share."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

from c102.errors import UsageError
from c102.evaluate.assessment import Assessment

ROMAN_PARTS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV")


def assess_file(path: str, keep_graph: bool = True) -> Assessment:
    """Parse and evaluate one description (errors name file:line:column).

    ``keep_graph=False`` drops the evaluator graph once the results are assembled: documents built
    from many countries read only the results, and the graph is most of an assessment's memory.
    """
    from c102 import assess, load_description

    assessment = assess(load_description(path))
    if not keep_graph:
        assessment.graph = None
    return assessment


def checked_date(text: str | None) -> str | None:
    """``--date`` must be an ISO date; it is printed as given, never taken from the clock."""
    if text is None:
        return None
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise UsageError(f"--date must be YYYY-MM-DD, got {text!r}") from None


def checked_parts(text: str | None, allowed: tuple[str, ...] = ROMAN_PARTS) -> list[str] | None:
    """``II,V,VI`` -> ["II", "V", "VI"], in roman numerals the Convention uses."""
    if text is None:
        return None
    parts = [p.strip().upper() for p in text.split(",") if p.strip()]
    wrong = [p for p in parts if p not in allowed]
    if wrong or not parts:
        raise UsageError(f"Parts must be roman numerals among {', '.join(allowed)}; got {text!r}")
    return parts


@contextmanager
def progress(total: int, label: str) -> Iterator[object]:
    """A rich progress bar on stderr when it is a terminal and there is enough work; else nothing."""
    if total <= 3 or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=total)

        class Tick:
            def advance(self) -> None:
                bar.advance(task)

        yield Tick()


def assess_all(paths: list[str], keep_graph: bool = True) -> list[Assessment]:
    """Assess several descriptions in the order given, with a progress bar on a terminal."""
    out = []
    with progress(len(paths), "assessing") as tick:
        for path in paths:
            out.append(assess_file(path, keep_graph))
            if tick is not None:
                tick.advance()  # type: ignore[attr-defined]
    return out
