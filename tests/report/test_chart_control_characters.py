"""A scheme name holding control characters is drawn as escapes: matplotlib has no glyph for ESC
or BEL and warned on every chart (issue 15: text from a description made safe for its output)."""

from __future__ import annotations

import warnings
from fractions import Fraction

from c102.report.shared.charts import Bar, chart_spec, png, svg


def test_control_characters_in_labels_are_drawn_as_escapes_without_warnings() -> None:
    spec = chart_spec("Title \x1b]0;x\x07", [Bar("Scheme \x1b[2J\x00name", Fraction(1, 2), Fraction(2, 5))])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        drawn = svg(spec)
        png(spec)
    assert "\\u001b" in drawn and "\x1b" not in drawn
