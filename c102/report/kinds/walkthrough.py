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
from c102.report.shared.figures import coverage_chart, rate_chart

_WAGE_RULES = {
    "65": "Art 65(6): the skilled manual male employee, chosen under (a) a fitter or turner in machinery, "
    "(b) a typical skilled worker, (c) the person at the 75th percentile of earnings of the protected, "
    "or (d) 125% of average earnings of all protected persons.",
    "66": "Art 66(4): the ordinary adult male labourer, chosen under (a) a typical unskilled worker in "
    "machinery, or (b) a typical unskilled worker in the largest group of male economically active persons.",
    "67": "Art 67: a means-tested benefit is measured against the Art 66 level after a substantial amount "
    "of other means is disregarded.",
}


def _rules(assessment: Assessment, part: str, *kinds: str) -> list[RuleResult]:
    return [r for r in assessment.rules_of(part) if r.kind in kinds]


def _rule_rows(rules: list[RuleResult]) -> list[list[str]]:
    return [
        [
            r.title,
            cite(r.articles),
            quantity(r.value, r.unit),
            quantity(r.threshold, r.unit),
            verdict_label(r.verdict),
            r.explanation,
        ]
        for r in rules
    ]


def _rule_table(rules: list[RuleResult], caption: str) -> Block:
    header = ["Requirement", "Articles", "Value", "Threshold", "Verdict", "Explanation"]
    return table(header, _rule_rows(rules), caption, [r.verdict for r in rules])


def contingency_step(assessment: Assessment, part: str, branch: str) -> list[Block]:
    blocks: list[Block] = []
    schemes = assessment.description.schemes_for(branch)
    items = []
    for scheme in schemes:
        covered = (
            "contingencies " + labels(scheme.contingencies.value, "contingencies")
            if scheme.contingencies
            else f"the contingency of the branch ({label(branch, 'branches')})"
        )
        if branch == "old_age" and scheme.pensionable_age is not None:
            age: Any = scheme.pensionable_age.value
            men: Decimal = getattr(age, "men", age)  # a single age applies to both
            women: Decimal = getattr(age, "women", age)
            ages = f"men {quantity(Fraction(men), 'years')}, women {quantity(Fraction(women), 'years')}"
            covered += f", pensionable age {ages}"
            covered += f" (source: {scheme.pensionable_age.source or 'no source given'})"
        items.append(f"{scheme.name} ({label(scheme.kind.value, 'scheme_kinds')}): {covered}.")
    blocks.append(bullets(items) if items else paragraph(f"No scheme serves Part {part}.", "missing"))
    rules = [r for r in assessment.rules_of(part) if r.topic == "contingency"]
    if rules:
        blocks.append(_rule_table(rules, "Contingency requirements"))
    return blocks


def coverage_step(assessment: Assessment, part: str, branch: str) -> list[Block]:
    """The protected groups summed by basis, each share against its population, then the rule's finding."""
    statistics = assessment.description.statistics
    totals: dict[str, int] = {}
    for _, group in protected_groups(assessment, branch):
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
                label(population_name, "statistics") if population_name else "no share: all of small means",
                count(population) if population is not None else NONE,
                ratio,
            ]
        )
    blocks: list[Block] = []
    if rows:
        blocks.append(
            table(
                ["Basis", "Persons protected", "Counted against", "Population", "Share"],
                rows,
                "Groups protected, by basis",
            )
        )
        blocks.append(
            paragraph(
                "The shares above are simple quotients of the description's figures; the rule below applies "
                "the Convention's adjustments (seafarers under Art 77(2), voluntary insurance under Art 6).",
                "note",
            )
        )
    else:
        blocks.append(paragraph("The description names no protected group for this branch.", "missing"))
    rules = _rules(assessment, part, "coverage")
    for rule in rules:
        held = (
            f"the alternative that holds is {cite(rule.alternative)}"
            if rule.alternative
            else "no alternative holds"
        )
        blocks.append(
            paragraph(
                f"{rule.title} ({cite(rule.articles)}): {held}; {quantity(rule.value, rule.unit)} against "
                f"{quantity(rule.threshold, rule.unit)}, {verdict_label(rule.verdict)}."
            )
        )
    if rules:
        blocks.append(_rule_table(rules, "Coverage requirement"))
    return blocks


def calculation_steps(assessment: Assessment, calc: BenefitCalculation) -> list[Section]:
    row = label(calc.row, "schedule_rows")
    wage = [
        paragraph(
            f"The reference wage is that of the {calc.reference_wage_label}: "
            f"{amount(calc.reference_wage)} per month."
        ),
        paragraph(_WAGE_RULES.get(calc.article, f"Art {calc.article}."), "note"),
    ]
    benefit = [
        paragraph(
            f"Benefit {amount(calc.benefit)} per month, plus family allowances of "
            f"{amount(calc.family_allowances)} per month payable during the contingency."
        ),
        table(["Item", "Figure", "Source"], calculation_rows(assessment, calc), "The working"),
    ]
    if calc.rate is not None:
        verdict = "meets" if calc.rate >= calc.required else "falls short of"
        outcome = (
            f"(benefit + family allowances) / (reference wage + family allowances) = {share(calc.rate)}, "
            f"which {verdict} the {share(calc.required)} the Schedule to Part XI sets for {row}."
        )
    else:
        outcome = (
            f"The rate cannot be computed: a figure is missing. The Schedule requires {share(calc.required)}."
        )
    return [
        section(
            f"Step 3: the standard beneficiary ({row}, {calc.scheme})",
            [paragraph(f"{calc.standard_beneficiary.capitalize()}.")],
            3,
        ),
        section("Step 4: the reference wage and how it was chosen", wage, 3),
        section("Step 5: the benefit and the family allowances", benefit, 3),
        section("Step 6: the percentage against the Schedule", [paragraph(outcome)], 3),
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
        raise UsageError(f"Part {part!r} protects no branch: choose one of {', '.join(BRANCH_PART.values())}")
    title = result.title if result is not None else f"Part {part}"
    intro = [paragraph(f"Part {part} ({title}) for {country_name(assessment)}, as of {as_of(assessment)}.")]
    if is_fictional(assessment):
        intro.append(paragraph("A fictional teaching example: the figures are invented.", "note"))
    if result is not None:
        intro.append(paragraph(f"Overall finding for the Part: {verdict_label(result.verdict)}."))
    intro.append(choices_block(assessment))
    sections: list[Section] = [
        section("Introduction", intro, anchor="intro"),
        section("Step 1: the contingency", contingency_step(assessment, part, branch), anchor="contingency"),
        section(
            "Step 2: persons protected",
            [*coverage_step(assessment, part, branch), *coverage_charts(assessment, part)],
            anchor="coverage",
        ),
    ]
    calculations = [c for c in assessment.calculations if c.part == part]
    benefit_rules = _rules(assessment, part, "benefit_level")
    if calculations:
        sections.append(
            section("Steps 3 to 6: the benefit under Part XI", rate_charts(assessment, part), anchor="benefit")
        )
        for calc in calculations:
            sections += calculation_steps(assessment, calc)
    else:
        why = (
            joined([r.explanation for r in benefit_rules])
            if benefit_rules
            else "no benefit calculation applies"
        )
        sections.append(
            section(
                "Steps 3 to 6: the benefit under Part XI",
                [paragraph(f"No Part XI calculation: {why}.", "missing")],
                anchor="benefit",
            )
        )
    if benefit_rules:
        sections.append(
            section("The benefit-level requirement", [_rule_table(benefit_rules, "")], anchor="benefit-rule")
        )
    others = assessment.rules_of(part)
    sections.append(
        section(
            f"Every requirement of Part {part}",
            [_rule_table(others, "")] if others else [paragraph("None assessed.")],
            anchor="all",
        )
    )
    return document(
        f"{country_name(assessment)}: Part {part} step by step",
        f"Trainer walk-through of Part {part} of ILO Convention No. 102",
        sections,
        receipt_lines(assessment, date),
        "walkthrough",
    )
