"""Bar charts drawn with matplotlib: SVG for HTML and PDF, PNG for DOCX.

A chart in a document is plain data (a *spec*: title, bars, note); it becomes a drawing only when
a writer asks, so Markdown and JSON never load matplotlib. Each bar is a percentage with a tick at
the percentage required and the figure written beside it, so the chart reads without colour.
Output is byte-identical from run to run: the Agg backend, one bundled font (DejaVu Sans), a fixed
SVG hash salt, and no date or software stamp in the file's metadata.
"""

from __future__ import annotations

import hashlib
import html
import io
import re
import textwrap
from dataclasses import dataclass
from fractions import Fraction
from functools import cache
from typing import TYPE_CHECKING, Any

from c102.i18n import _, current_language, ngettext

if TYPE_CHECKING:
    from matplotlib.figure import Figure

MEETS = "#1f4e8c"
SHORT = "#d9822b"
_WIDTH_IN = 7.5
_ROW_IN = 0.3
_LEGEND_IN = 0.25
_LABEL_CHARS = 34
_CHAR_IN = 0.062  # mean advance of DejaVu Sans at 8 pt, in inches

ChartSpec = dict[str, Any]


@dataclass(frozen=True)
class Bar:
    """One figure: a percentage (None when unknown) and the percentage it must reach."""

    label: str
    value: Fraction | None
    required: Fraction | None


def _pct(value: Fraction) -> str:
    from c102.i18n.numbers import percent

    return percent(value, 1)


def chart_spec(title: str, bars: list[Bar], note: str = "") -> ChartSpec:
    """A chart as plain data: only bars with a figure are drawn; ``note`` says what was left out."""
    drawn = [b for b in bars if b.value is not None]
    rows = []
    for bar in drawn:
        assert bar.value is not None
        text = _pct(bar.value)
        if bar.required is not None:
            text = _("{value} (required {threshold})", value=text, threshold=_pct(bar.required))
        meets = bar.required is None or bar.value >= bar.required
        rows.append(
            {
                "label": bar.label,
                "value": float(bar.value),
                "required": float(bar.required) if bar.required is not None else None,
                "text": text,
                "meets": meets,
            }
        )
    return {"title": title, "bars": rows, "note": note}


def _drawable(text: str) -> str:
    """A description's text as a chart can draw it: control characters (no font has a glyph for
    them) shown as their ``\\uXXXX`` escape, as in the terminal."""
    from c102.cli.terminal import visible

    return visible(text)


def missing_note(names: list[str], what: str, whats: str) -> str:
    """``3 countries have no figure: A, B, C.`` or empty when none is missing."""
    if not names:
        return ""
    listed = ", ".join(names)
    if what == "calculation":
        return ngettext(
            "{n} calculation has no figure: {names}.", "{n} calculations have no figure: {names}.", len(names), names=listed
        )
    if what == "Part":
        return ngettext("{n} Part has no figure: {names}.", "{n} Parts have no figure: {names}.", len(names), names=listed)
    if what == "country":
        return ngettext(
            "{n} country has no figure: {names}.", "{n} countries have no figure: {names}.", len(names), names=listed
        )
    noun = what if len(names) == 1 else whats
    verb = "has" if len(names) == 1 else "have"
    return f"{len(names)} {noun} {verb} no figure: {listed}."


@cache
def _pyplot() -> Any:
    """matplotlib, loaded on first use with a non-interactive backend and fixed settings."""
    import matplotlib

    matplotlib.use("Agg")
    matplotlib.rcParams.update(
        {
            "font.family": "DejaVu Sans",
            "font.size": 8,
            "svg.hashsalt": "c102",
            "svg.fonttype": "none",
            "path.simplify": False,
            "axes.spines.top": False,
            "axes.spines.right": False,
        }
    )
    import matplotlib.pyplot as plt

    return plt


def _figure(spec: ChartSpec) -> Figure:
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    _pyplot()
    bars = spec["bars"]
    fig = Figure(figsize=size_inches(spec))
    ax = fig.add_subplot()
    top = max([100.0, *(b["value"] for b in bars), *(b["required"] or 0 for b in bars)])
    positions = list(range(len(bars)))
    ax.barh(
        positions,
        [b["value"] for b in bars],
        height=0.6,
        color=[MEETS if b["meets"] else SHORT for b in bars],
    )
    for y, bar in zip(positions, bars, strict=True):
        if bar["required"] is not None:
            ax.plot([bar["required"]] * 2, [y - 0.42, y + 0.42], color="black", linewidth=1.8)
        # The figure goes right of both the bar and the tick, so the tick never crosses the text.
        right = max(bar["value"], bar["required"] or 0)
        ax.text(min(right, top) + top * 0.015, y, bar["text"], va="center", fontsize=7)
    ax.set_yticks(positions, [textwrap.fill(_drawable(b["label"]), _LABEL_CHARS) for b in bars])
    ax.invert_yaxis()
    ax.set_xlim(0, top * 1.35)
    ax.set_xlabel(_("per cent"))
    if not bars:
        ax.text(0.5, 0.5, _("no figure to draw"), transform=ax.transAxes, ha="center")
    fig.suptitle(textwrap.fill(_drawable(spec["title"]), 95), x=0.01, ha="left", fontsize=9, fontweight="bold")
    legend = [
        Patch(color=MEETS, label=_("meets the requirement")),
        Patch(color=SHORT, label=_("falls short")),
        Line2D([], [], color="black", linewidth=1.8, label=_("percentage required")),
    ]
    fig.legend(handles=legend, loc="lower center", ncol=3, fontsize=6.5, frameon=False)
    _place_axes(fig, spec)
    return fig


def _place_axes(fig: Figure, spec: ChartSpec) -> None:
    """Margins from the text the chart carries, in inches: no layout pass that draws the chart once
    more just to measure it (that doubled the cost of a 200-country chart)."""
    width, height = fig.get_figwidth(), fig.get_figheight()
    lines = [line for b in spec["bars"] for line in textwrap.fill(_drawable(b["label"]), _LABEL_CHARS).splitlines()]
    label_in = max((len(line) for line in lines), default=4) * _CHAR_IN + 0.2
    title_lines = len(textwrap.fill(_drawable(spec["title"]), 95).splitlines())
    top_in = 0.2 + title_lines * 0.18
    bottom_in = _LEGEND_IN + 0.45  # legend, then the x axis with its label
    fig.subplots_adjust(
        left=min(label_in / width, 0.6),
        right=0.98,
        top=1 - top_in / height,
        bottom=bottom_in / height,
    )


_SVG_CACHE: dict[str, str] = {}


def svg(spec: ChartSpec) -> str:
    """The chart as an inline SVG element (text kept as text: searchable and read aloud)."""
    key = repr(spec)
    cached = f"{current_language()}:{key}"  # the legend is written in the active language
    if cached not in _SVG_CACHE:
        buffer = io.StringIO()
        _figure(spec).savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
        text = buffer.getvalue()
        # The XML prologue and DOCTYPE are not allowed inside HTML; the <svg> element is. Ids get a
        # prefix of the chart's own, so several charts in one page do not share an id.
        prefix = "c" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:8] + "-"
        text = text[text.index("<svg") :]
        text = re.sub(r"\s*<metadata>.*?</metadata>", "", text, count=1, flags=re.DOTALL)
        text = re.sub(r' xmlns(:xlink)?="[^"]*"', "", text)  # not needed inline in HTML; no URL left
        text = text.replace("<svg ", f'<svg role="img" aria-label="{html.escape(_drawable(spec["title"]))}" ', 1)
        for start in ('id="', 'url(#', 'href="#'):
            text = text.replace(start, start + prefix)
        _SVG_CACHE[cached] = text
    return _SVG_CACHE[cached]


def png(spec: ChartSpec, dpi: int = 150) -> bytes:
    """The chart as PNG bytes, for DOCX."""
    buffer = io.BytesIO()
    _figure(spec).savefig(buffer, format="png", dpi=dpi, metadata={"Software": None})
    return buffer.getvalue()


def size_inches(spec: ChartSpec) -> tuple[float, float]:
    """Width and height of the drawing, for placing it in a page."""
    return (_WIDTH_IN, 1.4 + max(len(spec["bars"]), 1) * _ROW_IN)
