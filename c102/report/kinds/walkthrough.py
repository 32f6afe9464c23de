"""Trainer walk-through: one Part, step by step, with the country's own numbers.

The order follows how a trainer explains a Part: what contingency it covers, who must be
protected (and which coverage alternative the country meets), who the standard beneficiary is,
which reference wage is used and why, what the benefit comes to, and how it compares with the
Schedule to Part XI.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any

from c102.errors import UsageError
from c102.evaluate.assessment import Assessment, BenefitCalculation
from c102.evaluate.verdict import RuleResult
from c102.i18n import N_, _
from c102.i18n.rulebook import part_title, rule_title
from c102.labels import label, labels
from c102.model.values import BRANCH_PART
from c102.report.shared.country import (
    as_of,
    choices_block,
    country_name,
    is_fictional,
    protected_groups,
    receipt_lines,
)
from c102.report.shared.display import NONE, amount, cite, count, joined, quantity, share, verdict_label
from c102.report.shared.document import Block, Document, Section, bullets, document, paragraph, section, table
from c102.report.shared.evidence import REFERENCE_POPULATION, calculation_rows
from c102.report.shared.evidence import _beneficiary as english_beneficiary
from c102.report.shared.figures import coverage_chart, rate_chart

_WAGE_RULES = {
    "65": N_(
        "Art 65(6): the skilled manual male employee, chosen under (a) a fitter or turner in machinery, "
        "(b) a typical skilled worker, (c) the person at the 75th percentile of earnings of the protected, "
        "or (d) 125% of average earnings of all protected persons."
    ),
    "66": N_(
        "Art 66(4): the ordinary adult male labourer, chosen under (a) a typical unskilled worker in "
        "machinery, or (b) a typical unskilled worker in the largest group of male economically active persons."
    ),
    "67": N_(
        "Art 67: a means-tested benefit is measured against the Art 66 level after a substantial amount "
        "of other means is disregarded."
    ),
}


def _rules(assessment: Assessment, part: str, *kinds: str) -> list[RuleResult]:
    return [r for r in assessment.rules_of(part) if r.kind in kinds]


def _rule_rows(rules: list[RuleResult]) -> list[list[str]]:
    return [
        [
            rule_title(r.id, r.title),
            cite(r.articles),
            quantity(r.value, r.unit),
            quantity(r.threshold, r.unit),
            verdict_label(r.verdict),
            r.explanation,
        ]
        for r in rules
    ]


def _rule_table(rules: list[RuleResult], caption: str) -> Block:
    header = [_("Requirement"), _("Articles"), _("Value"), _("Threshold"), _("Verdict"), _("Explanation")]
    return table(header, _rule_rows(rules), caption, [r.verdict for r in rules])


def contingency_step(assessment: Assessment, part: str, branch: str) -> list[Block]:
    blocks: list[Block] = []
    schemes = assessment.description.schemes_for(branch)
    items = []
    for scheme in schemes:
        covered = (
            _("contingencies {contingencies}", contingencies=labels(scheme.contingencies.value, "contingencies"))
            if scheme.contingencies
            else _("the contingency of the branch ({branch})", branch=label(branch, "branches"))
        )
        if branch == "old_age" and scheme.pensionable_age is not None:
            age: Any = scheme.pensionable_age.value
            men: Decimal = getattr(age, "men", age)  # a single age applies to both
            women: Decimal = getattr(age, "women", age)
            covered = _(
                "{covered}, pensionable age men {men}, women {women} (source: {source})",
                covered=covered,
                men=quantity(Fraction(men), "years"),
                women=quantity(Fraction(women), "years"),
                source=scheme.pensionable_age.source or _("no source given"),
            )
        items.append(
            _("{scheme} ({kind}): {covered}.", scheme=scheme.name, kind=label(scheme.kind.value, "scheme_kinds"), covered=covered)
        )
    blocks.append(bullets(items) if items else paragraph(_("No scheme serves Part {part}.", part=part), "missing"))
    rules = [r for r in assessment.rules_of(part) if r.topic == "contingency"]
    if rules:
        blocks.append(_rule_table(rules, _("Contingency requirements")))
    return blocks


def coverage_step(assessment: Assessment, part: str, branch: str) -> list[Block]:
    """The protected groups summed by basis, each share against its population, then the rule's finding."""
    statistics = assessment.description.statistics
    totals: dict[str, int] = {}
    for _scheme, group in protected_groups(assessment, branch):
        totals[group.basis.value] = totals.get(group.basis.value, 0) + group.persons.value.total
    rows = []
    for basis, persons in totals.items():
        population_name = REFERENCE_POPULATION.get(basis)
        fact = getattr(statistics, population_name, None) if statistics and population_name else None
        population = fact.value.total if fact is not None else None
        ratio = share(Fraction(persons, population)) if population else NONE
        rows.append(
            [
                label(basis, "bases"),
                count(persons),
                label(population_name, "statistics") if population_name else _("no share: all of small means"),
                count(population) if population is not None else NONE,
                ratio,
            ]
        )
    blocks: list[Block] = []
    if rows:
        blocks.append(
            table(
                [_("Basis"), _("Persons protected"), _("Counted against"), _("Population"), _("Share")],
                rows,
                _("Groups protected, by basis"),
            )
        )
        blocks.append(
            paragraph(
                _(
                    "The shares above are simple quotients of the description's figures; the rule below applies "
                    "the Convention's adjustments (seafarers under Art 77(2), voluntary insurance under Art 6)."
                ),
                "note",
            )
        )
    else:
        blocks.append(paragraph(_("The description names no protected group for this branch."), "missing"))
    rules = _rules(assessment, part, "coverage")
    for rule in rules:
        held = (
            _("the alternative that holds is {alternative}", alternative=cite(rule.alternative))
            if rule.alternative
            else _("no alternative holds")
        )
        blocks.append(
            paragraph(
                _(
                    "{requirement} ({articles}): {held}; {value} against {threshold}, {verdict}.",
                    requirement=rule_title(rule.id, rule.title),
                    articles=cite(rule.articles),
                    held=held,
                    value=quantity(rule.value, rule.unit),
                    threshold=quantity(rule.threshold, rule.unit),
                    verdict=verdict_label(rule.verdict),
                )
            )
        )
    if rules:
        blocks.append(_rule_table(rules, _("Coverage requirement")))
    return blocks


def calculation_steps(assessment: Assessment, calc: BenefitCalculation) -> list[Section]:
    row = label(calc.row, "schedule_rows")
    wage = [
        paragraph(
            _(
                "The reference wage is that of the {wage_label}: {amount} per month.",
                wage_label=calc.reference_wage_label,
                amount=amount(calc.reference_wage),
            )
        ),
        paragraph(
            _(_WAGE_RULES[calc.article]) if calc.article in _WAGE_RULES else _("Art {article}.", article=calc.article),
            "note",
        ),
    ]
    benefit = [
        paragraph(
            _(
                "Benefit {benefit} per month, plus family allowances of {allowances} per month payable during the "
                "contingency.",
                benefit=amount(calc.benefit),
                allowances=amount(calc.family_allowances),
            )
        ),
        table([_("Item"), _("Figure"), _("Source")], calculation_rows(assessment, calc), _("The working")),
    ]
    values = {"rate": share(calc.rate), "required": share(calc.required), "row": row}
    if calc.rate is not None and calc.rate >= calc.required:
        outcome = _(
            "(benefit + family allowances) / (reference wage + family allowances) = {rate}, which meets the "
            "{required} the Schedule to Part XI sets for {row}.",
            **values,
        )
    elif calc.rate is not None:
        outcome = _(
            "(benefit + family allowances) / (reference wage + family allowances) = {rate}, which falls short of "
            "the {required} the Schedule to Part XI sets for {row}.",
            **values,
        )
    else:
        outcome = _(
            "The rate cannot be computed: a figure is missing. The Schedule requires {required}.", **values
        )
    beneficiary = english_beneficiary(calc.standard_beneficiary)
    return [
        section(
            _("Step 3: the standard beneficiary ({row}, {scheme})", row=row, scheme=calc.scheme),
            [paragraph(f"{beneficiary[:1].upper()}{beneficiary[1:]}.")],
            3,
        ),
        section(_("Step 4: the reference wage and how it was chosen"), wage, 3),
        section(_("Step 5: the benefit and the family allowances"), benefit, 3),
        section(_("Step 6: the percentage against the Schedule"), [paragraph(outcome)], 3),
    ]


def rate_charts(assessment: Assessment, part: str) -> list[Block]:
    block = rate_chart(assessment, part)
    return [block] if block is not None else []


def coverage_charts(assessment: Assessment, part: str) -> list[Block]:
    block = coverage_chart(assessment, part)
    return [block] if block is not None else []


def walkthrough_document(assessment: Assessment, part: str, date: str | None = None) -> Document:
    result = assessment.parts.get(part)
    branch = (
        result.branch if result is not None else next((b for b, p in BRANCH_PART.items() if p == part), None)
    )
    if branch is None:
        raise UsageError(
            _(
                "Part {part} protects no branch: choose one of {parts}",
                part=repr(part),
                parts=", ".join(BRANCH_PART.values()),
            )
        )
    title = part_title(part, result.title) if result is not None else _("Part {part}", part=part)
    intro = [
        paragraph(
            _(
                "Part {part} ({title}) for {country}, as of {date}.",
                part=part,
                title=title,
                country=country_name(assessment),
                date=as_of(assessment),
            )
        )
    ]
    if is_fictional(assessment):
        intro.append(paragraph(_("A fictional teaching example: the figures are invented."), "note"))
    if result is not None:
        intro.append(paragraph(_("Overall finding for the Part: {verdict}.", verdict=verdict_label(result.verdict))))
    intro.append(choices_block(assessment))
    sections: list[Section] = [
        section(_("Introduction"), intro, anchor="intro"),
        section(_("Step 1: the contingency"), contingency_step(assessment, part, branch), anchor="contingency"),
        section(
            _("Step 2: persons protected"),
            [*coverage_step(assessment, part, branch), *coverage_charts(assessment, part)],
            anchor="coverage",
        ),
    ]
    calculations = [c for c in assessment.calculations if c.part == part]
    benefit_rules = _rules(assessment, part, "benefit_level")
    if calculations:
        sections.append(
            section(_("Steps 3 to 6: the benefit under Part XI"), rate_charts(assessment, part), anchor="benefit")
        )
        for calc in calculations:
            sections += calculation_steps(assessment, calc)
    else:
        why = (
            joined([r.explanation for r in benefit_rules])
            if benefit_rules
            else _("no benefit calculation applies")
        )
        sections.append(
            section(
                _("Steps 3 to 6: the benefit under Part XI"),
                [paragraph(_("No Part XI calculation: {why}.", why=why.rstrip(".")), "missing")],
                anchor="benefit",
            )
        )
    if benefit_rules:
        sections.append(
            section(_("The benefit-level requirement"), [_rule_table(benefit_rules, "")], anchor="benefit-rule")
        )
    others = assessment.rules_of(part)
    sections.append(
        section(
            _("Every requirement of Part {part}", part=part),
            [_rule_table(others, "")] if others else [paragraph(_("None assessed."))],
            anchor="all",
        )
    )
    return document(
        _("{country}: Part {part} step by step", country=country_name(assessment), part=part),
        _("Trainer walk-through of Part {part} of ILO Convention No. 102", part=part),
        sections,
        receipt_lines(assessment, date),
        "walkthrough",
    )
