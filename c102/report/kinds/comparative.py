"""Comparative assessment: several countries side by side, Part by Part, with charts and notes."""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction
from typing import Any

from c102.evaluate.assessment import ASSESSMENT_SCHEMA_VERSION, Assessment, BenefitCalculation
from c102.evaluate.verdict import VERDICTS, RuleResult
from c102.i18n import N_, _, ngettext
from c102.i18n.rulebook import rule_title
from c102.labels import label
from c102.report.shared.charts import Bar, chart_spec, missing_note
from c102.report.shared.country import as_of, country_name, is_fictional, recorded_rows
from c102.report.shared.display import (
    BRANCH_PARTS,
    NONE,
    VERDICT_CODE,
    VERDICT_SYMBOL,
    change_needed,
    cite,
    cited_article,
    part_key,
    quantity,
    share,
    verdict_text,
)
from c102.report.shared.document import Block, Document, Section, chart, document, paragraph, section, table
from c102.report.shared.findings import largest_gaps

_GAPS_IN_NARRATIVE = 3


def matrix_cell(assessment: Assessment, part: str) -> str:
    """``✘ NC*``: symbol, code, and a star for a Part accepted in the ratification."""
    result = assessment.parts.get(part)
    if result is None:
        return NONE
    cell = f"{VERDICT_SYMBOL[result.verdict]} {VERDICT_CODE[result.verdict]}"
    if result.accepted:
        cell += "*"
    if result.ceased_by:
        cell += f" ({result.ceased_by})"
    return cell


KeyRules = dict[tuple[str, str], RuleResult]


def key_rules(assessment: Assessment) -> KeyRules:
    """The first rule of each (Part, kind), found in one pass: coverage and benefit level per Part."""
    index: KeyRules = {}
    for rule in assessment.rules:
        index.setdefault((rule.part, rule.kind), rule)
    return index


def coverage_rule(assessment: Assessment, part: str, index: KeyRules | None = None) -> RuleResult | None:
    """The rule on persons protected of a Part (the ``coverage`` kind)."""
    return (index if index is not None else key_rules(assessment)).get((part, "coverage"))


def benefit_rule(assessment: Assessment, part: str, index: KeyRules | None = None) -> RuleResult | None:
    return (index if index is not None else key_rules(assessment)).get((part, "benefit_level"))


def coverage_cell(assessment: Assessment, part: str, index: KeyRules | None = None) -> str:
    rule = coverage_rule(assessment, part, index)
    if rule is None:
        return NONE
    if rule.value is None:
        return f"{VERDICT_SYMBOL[rule.verdict]} {VERDICT_CODE[rule.verdict]}"
    figure = f"{quantity(rule.value, rule.unit)} / {quantity(rule.threshold, rule.unit)}"
    alternative = f" {cite(rule.alternative)}" if rule.alternative else ""
    return f"{VERDICT_SYMBOL[rule.verdict]} {figure}{alternative}"


def lowest_calculation(assessment: Assessment, part: str) -> BenefitCalculation | None:
    """The computed replacement rate of a Part that is furthest below (or least above) its Schedule figure."""
    computed = [c for c in assessment.calculations if c.part == part and c.rate is not None]
    return min(computed, key=lambda c: (c.rate or Fraction(0)) - c.required) if computed else None


def benefit_cell(assessment: Assessment, part: str, index: KeyRules | None = None) -> str:
    """The lowest replacement rate computed for the Part against the Schedule, else the rule's figure."""
    lowest = lowest_calculation(assessment, part)
    rule = benefit_rule(assessment, part, index)
    symbol = VERDICT_SYMBOL[rule.verdict] + " " if rule is not None else ""
    if lowest is not None:
        return f"{symbol}{share(lowest.rate)} / {share(lowest.required)}"
    if rule is None:
        return NONE
    if rule.value is None:
        return f"{symbol}{VERDICT_CODE[rule.verdict]}"
    return f"{symbol}{quantity(rule.value, rule.unit)} / {quantity(rule.threshold, rule.unit)}"


# The "Art 2 set" column: the Article 2 verdict in one word.
ART_2_CELL = {"compliant": N_("yes"), "not_compliant": N_("no"), "insufficient_data": "?", "needs_review": "?"}


def legend_block() -> Block:
    rows = [[VERDICT_SYMBOL[v], VERDICT_CODE[v], verdict_text(v)] for v in VERDICTS]
    rows.append(["*", "", _("Part accepted in the country's ratification")])
    rows.append(["(C121)", "", _("C102 obligations for the Part ended by a later Convention (Art 75)")])
    rows.append(
        [
            _("yes / no / ?"),
            "",
            _("Art 2 set: one exists / none on stated facts / undecided (facts or answers missing)"),
        ]
    )
    return table([_("Symbol"), _("Code"), _("Meaning")], rows, _("Legend"))


def row_names(assessments: list[Assessment]) -> dict[int, str]:
    """Each country's name for the tables, with its description's date where two share a name
    (two versions of one country's law): ``Costa Rica (as of 2003-07-01)``."""
    names = [country_name(a) for a in assessments]
    return {
        id(a): _("{country} (as of {date})", country=name, date=as_of(a)) if names.count(name) > 1 else name
        for a, name in zip(assessments, names, strict=True)
    }


def verdict_matrix(assessments: list[Assessment]) -> Block:
    header = [_("Country"), *BRANCH_PARTS, _("Acceptable now"), _("Art 2 set")]
    names = row_names(assessments)
    rows = [
        [
            names[id(a)],
            *(matrix_cell(a, p) for p in BRANCH_PARTS),
            ", ".join(a.ratification.acceptable_parts) or _("none"),
            _(ART_2_CELL.get(a.ratification.verdict, "no")),
        ]
        for a in assessments
    ]
    return table(header, rows, _("Verdict by Part"))


def key_rule_tables(assessments: list[Assessment]) -> list[Block]:
    header = [_("Country"), *BRANCH_PARTS]
    indexes = [key_rules(a) for a in assessments]
    names = row_names(assessments)
    coverage = [
        [names[id(a)], *(coverage_cell(a, p, i) for p in BRANCH_PARTS)]
        for a, i in zip(assessments, indexes, strict=True)
    ]
    benefit = [
        [names[id(a)], *(benefit_cell(a, p, i) for p in BRANCH_PARTS)]
        for a, i in zip(assessments, indexes, strict=True)
    ]
    return [
        table(header, coverage, _("Persons protected: share reached / share required, and the alternative met")),
        table(header, benefit, _("Benefit level: replacement rate / Schedule percentage (lowest computed)")),
    ]


ChartRow = tuple[Bar, list[str]]


def _charts_by_part(
    assessments: list[Assessment],
    what: str,
    header: list[str],
    figure: Callable[[Assessment, str, str], ChartRow | None],
) -> list[Block]:
    """One chart per Part, a bar per country that has a figure; the caption names the others."""
    blocks: list[Block] = []
    names = row_names(assessments)
    for part in BRANCH_PARTS:
        bars: list[Bar] = []
        rows: list[list[str]] = []
        without: list[str] = []
        for a in assessments:
            drawn = figure(a, part, names[id(a)])
            if drawn is None:
                without.append(names[id(a)])
                continue
            bars.append(drawn[0])
            rows.append(drawn[1])
        if not bars:
            continue
        title = _("Part {part}: {title}", part=part, title=what)
        spec = chart_spec(title, bars, missing_note(without, "country", "countries"))
        blocks.append(chart(spec, title, table(header, rows)))
    return blocks


def _rate_figure(assessment: Assessment, part: str, name: str) -> ChartRow | None:
    lowest = lowest_calculation(assessment, part)
    if lowest is None or lowest.rate is None:
        return None
    row = [name, label(lowest.row, "schedule_rows"), lowest.scheme, share(lowest.rate), share(lowest.required)]
    return Bar(name, lowest.rate * 100, lowest.required * 100), row


def _coverage_figure(assessment: Assessment, part: str, name: str) -> ChartRow | None:
    rule = coverage_rule(assessment, part)
    if rule is None or rule.unit != "percent" or rule.value is None:
        return None
    article = cite(cited_article(rule))
    threshold = rule.threshold * 100 if rule.threshold is not None else None
    row = [name, article, share(rule.value), share(rule.threshold)]
    return Bar(f"{name} ({article})", rule.value * 100, threshold), row


def replacement_charts(assessments: list[Assessment]) -> list[Block]:
    """One chart per Part: each country's lowest replacement rate against the Schedule percentage."""
    what = _("replacement rate of the standard beneficiary against the Schedule")
    header = [_("Country"), _("Beneficiary"), _("Scheme"), _("Replacement rate"), _("Schedule")]
    blocks = _charts_by_part(assessments, what, header, _rate_figure)
    return blocks or [paragraph(_("No country has a replacement rate computed."))]


def coverage_charts(assessments: list[Assessment]) -> list[Block]:
    """One chart per Part: each country's share protected against the threshold of its alternative."""
    what = _("share of the reference population protected against the threshold")
    header = [_("Country"), _("Alternative"), _("Share protected"), _("Threshold")]
    blocks = _charts_by_part(assessments, what, header, _coverage_figure)
    return blocks or [paragraph(_("No country has a coverage share computed."))]


def narrative(assessment: Assessment, name: str | None = None) -> str:
    """A few sentences per country: what can be accepted, Article 2, the biggest gaps."""
    r = assessment.ratification
    name = name or country_name(assessment)
    words = [_("{country} (a fictional teaching example).", country=name) if is_fictional(assessment) else f"{name}."]
    acceptable = ", ".join(r.acceptable_parts)
    words.append(
        _("Parts that could be accepted now: {parts}.", parts=acceptable)
        if acceptable
        else _("No Part could be accepted now.")
    )
    words.append(
        _("These include a set that satisfies Article 2.")
        if r.meets_article_2
        else _("No set of Parts satisfies Article 2 yet.")
        if r.verdict == "not_compliant"
        else _("Whether a set of Parts satisfies Article 2 cannot be decided yet: facts or answers are missing.")
    )
    if r.accepted_parts:
        failing = ", ".join(r.accepted_but_failing)
        accepted = ", ".join(r.accepted_parts)
        words.append(
            _("Accepted Parts {parts}; of these {failing} do not comply.", parts=accepted, failing=failing)
            if failing
            else _("Accepted Parts {parts}; none is found not compliant.", parts=accepted)
        )
    gaps = largest_gaps(assessment)[:_GAPS_IN_NARRATIVE]
    if gaps:
        described = [
            _(
                "Part {part} {requirement} ({article}; {change})",
                part=g.part,
                requirement=_lower_first(rule_title(g.id, g.title)),
                article=cite(g.articles[:1]),
                change=change_needed(g),
            )
            for g in gaps
        ]
        words.append(_("Biggest gaps: {gaps}.", gaps="; ".join(described)))
    return " ".join(words)


def choices_table(assessments: list[Assessment]) -> Block:
    names = row_names(assessments)
    rows = [[names[id(a)], *row] for a in assessments for row in recorded_rows(a.choices)]
    if not rows:
        return paragraph(_("No country made a choice: the rulebook's defaults apply throughout."))
    header = [_("Country"), _("Choice"), _("Value"), _("Source"), _("Note")]
    return table(header, rows, _("Choices made, with their sources"))


def answers_table(assessments: list[Assessment]) -> Block:
    names = row_names(assessments)
    rows = [[names[id(a)], *row] for a in assessments for row in recorded_rows(a.answers)]
    if not rows:
        return paragraph(_("No specialist answers are recorded."))
    return table([_("Country"), _("Rule"), _("Answer"), _("Source"), _("Note")], rows, _("Answers recorded"))


def receipts_table(assessments: list[Assessment]) -> Block:
    rows = [
        [
            country_name(a),
            a.receipt.description_path or NONE,
            a.receipt.description_sha256,
            as_of(a),
            a.receipt.rulebook_sha256,
            a.receipt.c102_version,
        ]
        for a in assessments
    ]
    header = [_("Country"), _("Description"), "sha256", _("As of"), _("Rulebook sha256"), "c102"]
    return table(header, rows, _("Receipts"))


def comparative_document(assessments: list[Assessment], date: str | None = None) -> Document:
    count = len(assessments)
    sections: list[Section] = [
        section(
            _("Verdicts"),
            [
                paragraph(
                    _(
                        "Each cell gives the verdict on a Part of the Convention as a symbol and a code; "
                        "the legend explains both. A Part is compliant when every requirement of it is met."
                    )
                ),
                legend_block(),
                verdict_matrix(assessments),
            ],
            anchor="verdicts",
        ),
        section(_("Key requirements"), key_rule_tables(assessments), anchor="key"),
        section(_("Replacement rates"), replacement_charts(assessments), anchor="rates"),
        section(_("Coverage"), coverage_charts(assessments), anchor="coverage"),
        section(
            _("Country notes"),
            [paragraph(narrative(a, row_names(assessments)[id(a)])) for a in assessments],
            anchor="notes",
        ),
        section(
            _("Choices and answers"), [choices_table(assessments), answers_table(assessments)], anchor="choices"
        ),
        section(_("Receipts"), [receipts_table(assessments)], anchor="receipts"),
    ]
    footer = [_("Generated by c102 from the descriptions listed under Receipts; no timestamp is recorded.")]
    if date:
        footer = [_("Generated by c102; report date {date}.", date=date)]
    subtitle = ngettext(
        "{n} country against ILO Convention No. 102 (1952)", "{n} countries against ILO Convention No. 102 (1952)", count
    )
    return document(_("Comparative assessment"), subtitle, sections, footer, "comparative")


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def summary_json(assessment: Assessment) -> dict[str, Any]:
    r = assessment.ratification
    return {
        "country": country_name(assessment),
        "iso": assessment.country_json()["iso"],
        "fictional": is_fictional(assessment),
        "as_of": as_of(assessment),
        "parts": {
            p: res.verdict for p, res in sorted(assessment.parts.items(), key=lambda kv: part_key(kv[0]))
        },
        "acceptable_parts": list(r.acceptable_parts),
        "meets_article_2": r.meets_article_2,
        "accepted_parts": list(r.accepted_parts),
        "accepted_but_failing": list(r.accepted_but_failing),
        "accepted_not_compliant": list(assessment.ratification.accepted_but_failing),
        "narrative": narrative(assessment),
    }


# What a comparison needs of each rule: verdict and figures, not the explanation and sources, which
# ``c102 assess --format json`` gives per country (with ``full``, the comparison embeds them too).
COMPACT_RULE_KEYS = ("id", "part", "articles", "verdict", "value", "threshold", "unit", "alternative", "gap", "missing")


def comparative_json(assessments: list[Assessment], full: bool = False) -> dict[str, Any]:
    """The summary and each country's rule verdicts and figures; whole assessments when ``full``."""
    data: dict[str, Any] = {
        "schema_version": ASSESSMENT_SCHEMA_VERSION,
        "summary": [summary_json(a) for a in assessments],
        "rules": [
            {
                "country": country_name(a),
                "iso": a.country_json()["iso"],
                "results": [_compact(rule.to_json()) for rule in a.rules],
            }
            for a in assessments
        ],
    }
    if full:
        data["assessments"] = [a.to_json() for a in assessments]
    return data


def _compact(rule: dict[str, Any]) -> dict[str, Any]:
    compact = {key: rule[key] for key in COMPACT_RULE_KEYS}
    if "smallest_changes" in rule:
        compact["smallest_changes"] = rule["smallest_changes"]
    return compact
