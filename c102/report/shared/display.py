"""Display strings shared by every report: citations, numbers, verdicts, the change that closes a gap.

Numbers go through ``c102.evaluate.verdict.show`` (ILO-style grouping, half-even rounding), so
a figure reads the same in Markdown, HTML, DOCX and the narrative.
"""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction

from c102.evaluate.verdict import (
    COMPLIANT,
    INSUFFICIENT_DATA,
    NEEDS_REVIEW,
    NOT_APPLICABLE,
    NOT_COMPLIANT,
    RuleResult,
    show,
)
from c102.i18n import N_, _, ngettext

NONE = "—"
MISSING = N_("MISSING — to be supplied by the drafting team")  # show it through missing()

# Symbol and words for each verdict: reports never rely on colour alone.
VERDICT_SYMBOL = {
    COMPLIANT: "✔",
    NOT_COMPLIANT: "✘",
    NEEDS_REVIEW: "?",
    INSUFFICIENT_DATA: "○",
    NOT_APPLICABLE: "–",
}
# Two-letter codes of the comparative matrix, and the cell shading of DOCX and the workbook.
VERDICT_CODE = {
    COMPLIANT: "C",
    NOT_COMPLIANT: "NC",
    NEEDS_REVIEW: "NR",
    INSUFFICIENT_DATA: "ID",
    NOT_APPLICABLE: "NA",
}
VERDICT_FILL = {
    COMPLIANT: "D9EED9",
    NOT_COMPLIANT: "F6D5D5",
    NEEDS_REVIEW: "FDF0C8",
    INSUFFICIENT_DATA: "E6E6E6",
}
VERDICT_TEXT = {
    COMPLIANT: N_("compliant"),
    NOT_COMPLIANT: N_("not compliant"),
    NEEDS_REVIEW: N_("needs review"),
    INSUFFICIENT_DATA: N_("insufficient data"),
    NOT_APPLICABLE: N_("not applicable"),
}

BRANCH_PARTS = ("II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")  # the Parts Art 2 counts
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV")

# Short titles of the Parts that do not protect a branch (paraphrased headings, for section titles).
OTHER_PART_TITLES = {
    "I": N_("General provisions"),
    "XI": N_("Standards for periodical payments"),
    "XII": N_("Equal treatment of non-national residents"),
    "XIII": N_("Common provisions"),
    "XIV": N_("Miscellaneous provisions"),
    "XV": N_("Final provisions"),
}

# The sub-headings of ILO consolidated reports, in their order, keyed by rule topic.
TOPIC_HEADINGS = {
    "general": N_("General provisions"),
    "regulatory_framework": N_("Regulatory framework"),
    "contingency": N_("Contingency"),
    "persons_protected": N_("Persons protected"),
    "benefit_level": N_("Level and calculation of benefit"),
    "qualifying_period": N_("Qualifying period"),
    "duration": N_("Duration"),
    "suspension": N_("Suspension"),
    "appeal": N_("Appeal"),
    "financing_administration": N_("Financing and administration"),
}

UNIT_WORDS = {
    "weeks": "weeks",
    "days": "days",
    "years": "years",
    "age": "years of age",
    "persons": "persons",
    "money": "",
    "months": "months",
}


_COUNTS = re.compile(r"^(?:\S \d+ ?)+$")
_TONE_OF_SYMBOL = {symbol: verdict for verdict, symbol in VERDICT_SYMBOL.items()}


def cell_tone(cell: str) -> str:
    """The verdict a table cell shows by its leading symbol (``✘ NC`` -> not_compliant), else ""."""
    head = cell[:1]
    counts = _COUNTS.match(cell) is not None  # "✔ 2 ✘ 1": verdict counts, not a verdict
    if head in _TONE_OF_SYMBOL and (len(cell) == 1 or cell[1] == " ") and not counts:
        return _TONE_OF_SYMBOL[head]
    return ""


def missing() -> str:
    """The mark of a figure the drafting team must supply, in the active language."""
    return _(MISSING)


def verdict_text(verdict: str) -> str:
    """``not compliant`` in the active language (the code itself if unknown)."""
    return _(VERDICT_TEXT[verdict]) if verdict in VERDICT_TEXT else verdict


def topic_heading(topic: str) -> str:
    return _(TOPIC_HEADINGS[topic]) if topic in TOPIC_HEADINGS else topic


def other_part_title(part: str) -> str:
    return _(OTHER_PART_TITLES[part]) if part in OTHER_PART_TITLES else part


def verdict_label(verdict: str) -> str:
    """``✘ not compliant``: the symbol and the words, for a table cell."""
    return f"{VERDICT_SYMBOL.get(verdict, '')} {verdict_text(verdict)}".strip()


def part_key(part: str) -> int:
    """Order Parts as the Convention does (I, II, ..., XIV); unknown Parts go last."""
    return ROMAN.index(part) if part in ROMAN else len(ROMAN)


_ARTICLE = re.compile(r"\s*(\d+)(.*)")


def article_key(article: str) -> tuple[int, str]:
    """Sort citations in the order of the Convention: ``9(a)`` before ``10(2)`` before ``27(b)``."""
    match = _ARTICLE.match(article)
    if not match:
        return (10_000, article)
    return (int(match.group(1)), match.group(2))


def main_article(article: str) -> str:
    """The article number of a citation: ``27(b)`` -> ``27``."""
    match = _ARTICLE.match(article)
    return match.group(1) if match else article


_UNDER = re.compile(r"under (\d+\([^)\s]+\)(?:\([^)\s]+\))*)")


def cited_article(rule: RuleResult) -> list[str]:
    """The article a verdict rests on: the alternative met, else the one the gap is measured under.

    ``27(b)`` for "13.0% against 20%: 7.0 points short under 27(b)", not the rule's first citation.
    """
    if rule.alternative:
        return [rule.alternative]
    match = _UNDER.search(rule.gap or "")
    if match:
        return [match.group(1)]
    return list(rule.articles[:1])


def cite(articles: list[str] | tuple[str, ...] | str) -> str:
    """``Art 27(b)``; several: ``Art 27(a), 27(b)``."""
    if isinstance(articles, str):
        articles = [articles]
    if not articles:
        return NONE
    return _("Art {articles}", articles=", ".join(articles))


def percent(value: Fraction | Decimal | int | None, places: int = 1) -> str:
    """A percentage already expressed in percent (``36`` -> ``36.0%``)."""
    if value is None:
        return NONE
    from c102.i18n.numbers import percent as written_percent

    return written_percent(value, places)


def share(value: Fraction | None) -> str:
    """A share expressed as a fraction of one (``Fraction(9, 25)`` -> ``36.0%``)."""
    return NONE if value is None else percent(value * 100)


def amount(value: Fraction | Decimal | int | None) -> str:
    """Money: two decimals unless the amount is whole."""
    if value is None:
        return NONE
    exact = Fraction(value)
    return show(exact, 0) if exact.denominator == 1 else show(exact, 2)


def count(value: Fraction | Decimal | int | None) -> str:
    """A number of persons or days: whole numbers, grouped."""
    return NONE if value is None else show(Fraction(value), 0)


def quantity(value: Fraction | None, unit: str | None) -> str:
    """A rule's value or threshold in its unit: ``36.0%``, ``13 weeks``, ``1 460 000 persons``.

    Percentages are held as fractions of one by the evaluator (``Fraction(9, 25)`` is 36%).
    """
    if value is None:
        return NONE
    if unit == "percent":
        return share(value)
    if unit == "money":
        return amount(value)
    if unit == "persons":
        return count(value)
    exact = Fraction(value)
    number = show(exact, 0) if exact.denominator == 1 else show(exact, 1)
    return unit_quantity(number, int(exact) if exact.denominator == 1 else 2, unit)


def unit_quantity(number: str, n: int, unit: str | None) -> str:
    """``13 weeks``, ``1 week``, ``65 years of age``: a formatted number with its unit (``n`` chooses
    the plural form)."""
    if unit == "weeks":
        return ngettext("{number} week", "{number} weeks", n, number=number)
    if unit == "days":
        return ngettext("{number} day", "{number} days", n, number=number)
    if unit == "months":
        return ngettext("{number} month", "{number} months", n, number=number)
    if unit == "years":
        return ngettext("{number} year", "{number} years", n, number=number)
    if unit == "age":
        return ngettext("{number} year of age", "{number} years of age", n, number=number)
    if unit == "persons":
        return ngettext("{number} person", "{number} persons", n, number=number)
    word = UNIT_WORDS.get(unit or "", unit or "")
    return f"{number} {word}".strip()


def change_needed(rule: RuleResult) -> str:
    """The change that closes a gap: the verified smallest changes when computed (``c102 assess
    --smallest-changes``, ``c102.reform.closing``), else the rule's remedy, else derived from it."""
    if rule.closings:
        return "; ".join(str(c["text"]) for c in rule.closings)
    if rule.remedy:
        return rule.remedy
    if rule.verdict != NOT_COMPLIANT or rule.value is None or rule.threshold is None:
        return NONE
    diff = Fraction(rule.threshold) - Fraction(rule.value)
    if diff == 0:
        return NONE
    size = abs(diff)
    if rule.unit == "percent":
        points = show(size * 100, 1)
        return _("{points} points short", points=points) if diff > 0 else _("{points} points over", points=points)
    if rule.unit == "age":
        years = quantity(size, "years")
        return _("{years} higher", years=years) if diff > 0 else _("{years} lower", years=years)
    shown = quantity(size, rule.unit)
    if rule.unit in ("weeks", "days", "years", "months"):
        return _("{quantity} more", quantity=shown) if diff > 0 else _("{quantity} fewer", quantity=shown)
    return _("{quantity} more", quantity=shown) if diff > 0 else _("{quantity} less", quantity=shown)


def gap_size(rule: RuleResult) -> Fraction:
    """How far a numeric rule is from its threshold, relative to it: orders the largest gaps."""
    if rule.value is None or rule.threshold is None or rule.threshold == 0:
        return Fraction(0)
    return abs(Fraction(rule.threshold) - Fraction(rule.value)) / abs(Fraction(rule.threshold))


def joined(items: list[str] | tuple[str, ...], empty: str = NONE, sep: str = "; ") -> str:
    """Items in one cell, de-duplicated in their first order."""
    seen = list(dict.fromkeys(i for i in items if i))
    return sep.join(seen) if seen else empty


def plain(value: object) -> str:
    """Any recorded value (choice, answer) as text: yes/no for booleans, lists comma-separated."""
    if value is None:
        return NONE
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, list | tuple):
        return ", ".join(plain(v) for v in value)
    if isinstance(value, Fraction | Decimal):
        return show(value, 2) if Fraction(value).denominator != 1 else show(value, 0)
    return str(value)
