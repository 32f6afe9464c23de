"""Terminal text for what-if, sweep and diff: what moved, baseline → reform, with figures and routes."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any

from c102.evaluate.assessment import Assessment
from c102.i18n import _
from c102.reform.compare import Difference, FactDifference
from c102.reform.numbers import exact_text
from c102.reform.paths import FactPath
from c102.reform.sweep import Flip, Item, states
from c102.report.shared.display import plain, verdict_text

ARROW = "→"


def label(level: str, item_id: str, article: str = "") -> str:
    if level == "article_2":
        return _("Article 2")
    if level == "part":
        return _("Part {part}", part=item_id)
    return _("{rule} (Art {article})", rule=item_id, article=article) if article else item_id


def word(verdict: str) -> str:
    """A verdict code (or Article 2's ``met``/``not met``) in words of the active language."""
    if verdict == "met":
        return _("met")
    if verdict == "not met":
        return _("not met")
    return verdict_text(verdict)


def differences_text(found: list[Difference], left: str | None = None, right: str | None = None) -> list[str]:
    left, right = left or _("baseline"), right or _("reform")
    if not found:
        return [_("No verdict, figure or route differs between {left} and {right}.", left=left, right=right)]
    lines = [_("What differs ({left} {arrow} {right}):", left=left, arrow=ARROW, right=right)]
    for d in found:
        lines.append(
            f"  {label(d.level, d.id, d.article):<40} {word(d.before.verdict)} {ARROW} {word(d.after.verdict)}"
        )
        if d.before.figure != d.after.figure:
            lines.append(f"  {'':<40} {d.before.figure or '-'} {ARROW} {d.after.figure or '-'}")
        if d.before.route() != d.after.route():
            lines.append(f"  {'':<40} " + _relies(d.before.route(), d.after.route()))
    return lines


def facts_text(found: list[FactDifference], left: str, right: str) -> list[str]:
    if not found:
        return [_("The two descriptions state the same facts.")]
    lines = [_("Facts that differ ({left} {arrow} {right}):", left=left, arrow=ARROW, right=right)]
    for f in found:
        lines.append(f"  {f.path}: {f.before or _('not stated')} {ARROW} {f.after or _('not stated')}")
        if f.sources[0] != f.sources[1]:
            lines.append(
                "      "
                + _(
                    "source: {before} {arrow} {after}",
                    before=f.sources[0] or "-",
                    arrow=ARROW,
                    after=f.sources[1] or "-",
                )
            )
    return lines


def sweep_text(
    path: FactPath, rows: list[tuple[Any, Assessment]], items: list[Item], found: list[Flip]
) -> list[str]:
    """The table of verdicts (Parts with their route, Article 2, rules whose verdict moves) and
    the flip points, grouped where several verdicts flip at the same value."""
    lines = [_("Sweep of {path}:", path=path.text)]
    if not items:
        lines.append("  " + _("No verdict or route changes over this range."))
        return lines
    shown = [i for i in items if i[0] != "rule" or _verdict_moves(i, rows)]
    names = [label(level, item_id) for level, item_id, _ in shown]
    widths = [max(len(n), 18) for n in names]
    value_word = _("value")
    lines.append(
        "  "
        + f"{value_word:<18}"
        + "  ".join(f"{n:<{w}}" for n, w in zip(names, widths, strict=True)).rstrip()
    )
    for value, assessment in rows:
        now = states(assessment)
        cells = []
        for item, width in zip(shown, widths, strict=True):
            side = now[item]
            route = f" {side.alternative}" if side.alternative and item[0] != "rule" else ""
            cells.append(f"{word(side.verdict) + route:<{width}}")
        lines.append("  " + f"{plain(value):<18}" + "  ".join(cells).rstrip())
    like = rows[0][0]
    groups: dict[tuple[Any, Any], list[Flip]] = {}
    for flip in found:
        groups.setdefault((flip.last_before, flip.first_after), []).append(flip)
    for (before, after), flips in groups.items():
        lines.append("")
        low, high = _value(path, like, before), _value(path, like, after)
        exact = next((f for f in flips if f.exact is not None), None)
        if exact is not None and exact.exact is not None:
            head = _(
                "Between {low} and {high}, exactly at {point} (where {driver} meets its threshold):",
                low=low,
                high=high,
                point=_exact(path, like, exact.exact),
                driver=exact.driver,
            )
        else:
            head = _("Between {low} and {high}:", low=low, high=high)
        lines.append(head)
        followers = []
        for flip in flips:
            if flip.level == "rule" and flip.before.verdict == flip.after.verdict:
                followers.append(flip.id)
                continue
            what = f"{word(flip.before.verdict)} {ARROW} {word(flip.after.verdict)}"
            if flip.before.route() != flip.after.route():
                what += "; " + _relies(flip.before.route(), flip.after.route())
            lines.append(f"  {label(flip.level, flip.id):<28} {what}")
        if followers:
            lines.append(
                f"  {'':<28} "
                + _("same verdict, other scheme relied on: {rules}", rules=", ".join(followers))
            )
    return lines


def _relies(before: str, after: str) -> str:
    return _("relies on {before} {arrow} {after}", before=before or "-", arrow=ARROW, after=after or "-")


def _verdict_moves(item: Item, rows: list[tuple[Any, Assessment]]) -> bool:
    verdicts = {states(a)[item].verdict for _, a in rows}
    return len(verdicts) > 1


def _value(path: FactPath, like: Any, number: Decimal) -> str:
    from c102.reform.numbers import with_number

    return plain(with_number(path.type, like, number))


def _exact(path: FactPath, like: Any, number: Fraction) -> str:
    """An exact point in the fact's units: ``14/33% (= 0.424242…%)``."""

    text = exact_text(number)
    unit = _value(path, like, Decimal(1))[1:]
    if "/" not in text:
        return _value(path, like, Decimal(text))
    fraction, _, approx = text.partition(" (= ")
    return f"{fraction}{unit} (= {approx.rstrip(')')}{unit})"
