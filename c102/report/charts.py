"""Small inline SVG bar charts, drawn here so reports need no library and no network.

Each bar shows a percentage with a tick at the percentage required, and the figure in text
beside it, so the chart reads without colour. All text is XML-escaped; no external reference
(not even an xmlns URL: inline SVG in HTML does not need one).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from html import escape

from c102.evaluate.verdict import show

_WIDTH = 760
_LABEL = 250
_BAR = 360
_ROW = 18
_GROUP = 24
_MEETS = "#1f4e8c"
_SHORT = "#d9822b"


@dataclass(frozen=True)
class Bar:
    """One figure: a percentage (None when unknown) and the percentage it must reach."""

    label: str
    value: Fraction | None
    required: Fraction | None


def _pct(value: Fraction) -> str:
    return f"{show(value, 1)}%"


def _tenths(value: Fraction, top: Fraction, offset: int = 0) -> str:
    """``offset + _BAR * value / top`` pixels, to a tenth (rounded down), by integer arithmetic."""
    ratio = min(max(value, Fraction(0)), top) / top
    tenths = offset * 10 + (_BAR * 10 * ratio.numerator) // ratio.denominator
    return f"{tenths // 10}.{tenths % 10}"


def bar_chart(title: str, groups: list[tuple[str, list[Bar]]]) -> str:
    """Horizontal bars grouped by country, with the required percentage marked on each bar."""
    values = [b.value for _, bars in groups for b in bars if b.value is not None]
    values += [b.required for _, bars in groups for b in bars if b.required is not None]
    top = max([Fraction(100), *values])
    rows = sum(len(bars) for _, bars in groups)
    height = 40 + len(groups) * _GROUP + rows * _ROW + 30
    out = [
        f'<svg role="img" aria-label="{escape(title)}" width="{_WIDTH}" height="{height}"'
        f' viewBox="0 0 {_WIDTH} {height}" font-family="Arial, sans-serif" font-size="11">',
        f"<title>{escape(title)}</title>",
        f'<text x="0" y="16" font-size="13" font-weight="bold">{escape(title)}</text>',
    ]
    y = 34
    for name, bars in groups:
        out.append(f'<text x="0" y="{y + 14}" font-weight="bold">{escape(name)}</text>')
        y += _GROUP
        for bar in bars:
            out.append(f'<text x="8" y="{y + 12}">{escape(bar.label)}</text>')
            if bar.value is None:
                out.append(f'<text x="{_LABEL}" y="{y + 12}" fill="#555">no figure</text>')
            else:
                meets = bar.required is None or bar.value >= bar.required
                width = _tenths(bar.value, top)
                out.append(
                    f'<rect x="{_LABEL}" y="{y + 3}" width="{width}" height="{_ROW - 6}"'
                    f' fill="{_MEETS if meets else _SHORT}"/>'
                )
            if bar.required is not None:
                x = _tenths(bar.required, top, _LABEL)
                out.append(
                    f'<line x1="{x}" y1="{y}" x2="{x}" y2="{y + _ROW}" stroke="#000" stroke-width="2"/>'
                )
            text = _pct(bar.value) if bar.value is not None else "—"
            if bar.required is not None:
                text += f" (required {_pct(bar.required)})"
            out.append(f'<text x="{_LABEL + _BAR + 8}" y="{y + 12}">{escape(text)}</text>')
            y += _ROW
    y += 10
    out.append(
        f'<rect x="0" y="{y}" width="12" height="10" fill="{_MEETS}"/>'
        f'<text x="16" y="{y + 9}">meets the requirement</text>'
        f'<rect x="170" y="{y}" width="12" height="10" fill="{_SHORT}"/>'
        f'<text x="186" y="{y + 9}">falls short</text>'
        f'<line x1="290" y1="{y - 1}" x2="290" y2="{y + 11}" stroke="#000" stroke-width="2"/>'
        f'<text x="296" y="{y + 9}">percentage required</text>'
    )
    out.append("</svg>")
    return "".join(out)
