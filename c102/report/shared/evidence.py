"""Statistical evidence Art 76(1)(b) asks for, keyed by the article it supports.

Every figure comes from the description with its source; a figure the description lacks is
written as MISSING so the drafting team sees what to supply.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any

from c102.evaluate.assessment import Assessment, BenefitCalculation
from c102.evaluate.verdict import RuleResult
from c102.i18n import N_, _, current_language
from c102.i18n.rulebook import beneficiary_label
from c102.labels import label
from c102.model.values import BRANCH_PART, Count, Duration, Fact, Money
from c102.report.shared.country import protected_groups
from c102.report.shared.display import MISSING, NONE, amount, cite, count, joined, missing, quantity, share

# The population each basis of protection is counted against (Art 9 and its parallels).
REFERENCE_POPULATION = {
    "employees": "employees",
    "economically_active": "residents",
    "residents": "residents",
    "industrial_employees": "industrial_employees",
}
_STAT_LABEL = {
    "employees": N_("All employees"),
    "residents": N_("All residents"),
    "economically_active": N_("Economically active population"),
    "industrial_employees": N_("Employees in industrial workplaces of 20 or more"),
}
EVIDENCE_HEADER = [N_("Item"), N_("Figure"), N_("Source")]  # shown through evidence_header()


def evidence_header() -> list[str]:
    return [_(label) for label in EVIDENCE_HEADER]


def per_period(amount_text: str, per: str | None) -> str:
    """``1 500 per month``: an amount and the period it is paid for."""
    if per == "day":
        return _("{amount} per day", amount=amount_text)
    if per == "week":
        return _("{amount} per week", amount=amount_text)
    if per == "month":
        return _("{amount} per month", amount=amount_text)
    if per == "year":
        return _("{amount} per year", amount=amount_text)
    return amount_text

Row = list[str]


def _figure(fact: Fact[Any] | None) -> tuple[str, str]:
    """A fact's value for display and its source; MISSING when absent."""
    if fact is None:
        return (missing(), "")
    value = fact.value
    if isinstance(value, Count):
        text = count(value.total)
        if value.men is not None and value.women is not None:
            text = _("{total} (men {men}, women {women})", total=text, men=count(value.men), women=count(value.women))
    elif isinstance(value, Money):
        text = per_period(amount(Fraction(value.amount)), value.per)
    elif isinstance(value, Duration):
        text = f"{quantity(Fraction(value.amount), value.unit)}"
    elif isinstance(value, int | Fraction | Decimal) and not isinstance(value, bool):
        text = count(value)
    else:
        text = str(value)
    source = fact.source or _("no source given")
    if fact.note:
        source = _("{source} ({note})", source=source, note=fact.note)
    return (text, source)


def _stat(assessment: Assessment, name: str) -> Fact[Any] | None:
    statistics = assessment.description.statistics
    return getattr(statistics, name, None) if statistics is not None else None


def _stat_row(assessment: Assessment, label: str, name: str) -> Row:
    return [label, *_figure(_stat(assessment, name))]


def _against(label: str, rule: RuleResult, bound: str) -> Row:
    """The rule's figure against its threshold (``36.0% (required 20.0%)``), with the sources."""
    value, threshold = quantity(rule.value, rule.unit), quantity(rule.threshold, rule.unit)
    if rule.value is None:
        figure = missing()
    elif bound == "at most":
        figure = _("{value} (at most {threshold})", value=value, threshold=threshold)
    else:
        figure = _("{value} (required {threshold})", value=value, threshold=threshold)
    return [label, figure, joined(rule.sources, "")]


def _branch(rule: RuleResult, assessment: Assessment) -> str | None:
    result = assessment.parts.get(rule.part)
    if result is not None and result.branch:
        return result.branch
    return next((b for b, p in BRANCH_PART.items() if p == rule.part), None)


def persons_protected(assessment: Assessment, rule: RuleResult) -> list[Row]:
    """Title I (76(1)(b)(i)): persons protected by scheme, the reference population, the ratio."""
    branch = _branch(rule, assessment)
    rows: list[Row] = []
    bases: list[str] = []
    for scheme, group in protected_groups(assessment, branch) if branch else ():
        basis = group.basis.value
        bases.append(basis)
        who = group.description.value if group.description else label(basis, "bases")
        rows.append([_("Protected: {scheme}, {who}", scheme=scheme.name, who=who), *_figure(group.persons)])
    if not rows:
        rows.append([_("Persons protected"), missing(), ""])
    for statistic in dict.fromkeys(REFERENCE_POPULATION[b] for b in bases if b in REFERENCE_POPULATION):
        population = _("Reference population: {population}", population=_(_STAT_LABEL[statistic]))
        rows.append(_stat_row(assessment, population, statistic))
    ratio = _("Ratio under {article}", article=cite(rule.alternative)) if rule.alternative else _("Ratio")
    rows.append(_against(ratio, rule, "required"))
    return rows


def calculation_rows(assessment: Assessment, calc: BenefitCalculation) -> list[Row]:
    """Titles II-IV: the Art 65/66/67 working for one standard beneficiary."""
    wage_fact = "labourer_wage" if calc.article == "66" else "skilled_wage"
    wage_source = _figure(_stat(assessment, wage_fact))[1]
    definition = _stat(assessment, f"{wage_fact}_definition")

    def money(value: Fraction | None) -> str:
        return missing() if value is None else per_period(amount(value), "month")

    rows = [
        [_("Scheme"), calc.scheme, ""],
        [_("Standard beneficiary"), _beneficiary(calc.standard_beneficiary), ""],
        [
            _("Reference wage: {wage}", wage=calc.reference_wage_label),
            money(calc.reference_wage),
            wage_source if calc.reference_wage is not None else "",
        ],
    ]
    if definition is not None:
        rows.append([_("Definition of the wage used"), *_figure(definition)])
    if calc.article == "65":
        rows.append([_("Previous earnings taken into account"), money(calc.earnings), ""])
    rows += [
        [_("Benefit, with supplements"), money(calc.benefit), joined(calc.sources, "")],
        [_("Family allowances during the contingency"), money(calc.family_allowances), ""],
        [
            _("Percentage reached"),
            share(calc.rate) if calc.rate is not None else missing(),
            _("required {share} (Schedule to Part XI)", share=share(calc.required)),
        ],
    ]
    rows += [[_("Step {n}", n=i), step, ""] for i, step in enumerate(calc.steps, 1)]
    return rows


def family_benefit_value(assessment: Assessment, rule: RuleResult) -> list[Row]:
    """Title V (Art 44): total value of family benefits against the children and the labourer's wage."""
    return [
        _stat_row(assessment, _("Total yearly value of family benefits"), "family_benefits_paid"),
        _stat_row(assessment, _("Children of persons protected (44(a))"), "children_of_protected"),
        _stat_row(assessment, _("Children of all residents (44(b))"), "children_of_residents"),
        _stat_row(assessment, _("Wage of the ordinary adult male labourer (Art 66)"), "labourer_wage"),
        _against(_("Total value against the required value"), rule, "required"),
    ]


def contribution_share(assessment: Assessment, rule: RuleResult) -> list[Row]:
    """Title VI (Art 71(2)): employees' contributions against all resources for their protection."""
    return [
        _stat_row(
            assessment, _("Insurance contributions borne by protected employees"), "employee_contributions"
        ),
        _stat_row(
            assessment,
            _("Financial resources for protecting employees and their families"),
            "financial_resources",
        ),
        _against(_("Share borne by employees"), rule, "at most"),
    ]


def sickness_days(assessment: Assessment) -> list[Row]:
    """Art 18(2)(a): days of sickness benefit against ten times the average persons protected."""
    return [
        _stat_row(assessment, _("Days of sickness benefit paid in the year"), "sickness_days_paid"),
        _stat_row(
            assessment, _("Average number of persons protected in the year"), "sickness_protected_average"
        ),
    ]


def unemployment_average_duration(assessment: Assessment) -> list[Row]:
    """Art 24(2): average duration of unemployment benefit where duration varies with contributions."""
    rows: list[Row] = []
    for scheme in assessment.description.schemes_for("unemployment"):
        for benefit in scheme.benefit:
            varies = benefit.duration_varies is not None and benefit.duration_varies.value
            if benefit.branch == "unemployment" and varies:
                rows.append(
                    [_("Average duration of benefit: {scheme}", scheme=scheme.name), *_figure(benefit.average_duration)]
                )
    return rows


def evidence_for(assessment: Assessment, rule: RuleResult) -> tuple[str, list[Row]] | None:
    """The statistical title a rule calls for, with its rows, or None when it needs no statistics."""
    if rule.kind == "coverage":
        return (_("Title I: persons protected (Art 76(1)(b)(i))"), persons_protected(assessment, rule))
    if rule.kind == "family_benefit_value":
        return (_("Title V: total value of family benefits (Art 44)"), family_benefit_value(assessment, rule))
    if rule.kind == "employee_contribution_share":
        return (_("Title VI: employees' share of financing (Art 71(2))"), contribution_share(assessment, rule))
    if rule.kind == "duration_min" and rule.part == "III" and _declared(assessment, "18(2)"):
        return (_("Duration under the Art 3 exception (Art 18(2)(a))"), sickness_days(assessment))
    if rule.kind == "duration_min" and rule.part == "IV":
        rows = unemployment_average_duration(assessment)
        return (_("Average duration (Art 24(2))"), rows) if rows else None
    return None


def benefit_titles(assessment: Assessment, part: str) -> list[tuple[str, list[Row]]]:
    """Titles II-IV for a Part: one table per standard beneficiary computed."""
    titles = {"65": _("Title II (Art 65)"), "66": _("Title III (Art 66)"), "67": _("Title IV (Art 67)")}
    out = []
    for calc in assessment.calculations:
        if calc.part == part:
            title = titles.get(calc.article) or cite(calc.article)
            # English names the Schedule row (the project's wording); a translation names the beneficiary.
            english = current_language() == "en"
            row = label(calc.row, "schedule_rows") if english else _beneficiary(calc.standard_beneficiary)
            heading = _("{title}: {beneficiary}, {scheme}", title=title, beneficiary=row, scheme=calc.scheme)
            out.append((heading, calculation_rows(assessment, calc)))
    return out


def _beneficiary(label: str) -> str:
    """A standard beneficiary of the Schedule in the active language, found by its English label."""
    from c102.rules.load import load_rulebook

    for key, beneficiary in load_rulebook().standard_beneficiaries.items():
        if beneficiary.label == label:
            return beneficiary_label(key, label)
    return label


def _declared(assessment: Assessment, exception: str) -> bool:
    declaration = assessment.description.article_3
    if declaration is None or not declaration.in_force.value or declaration.exceptions is None:
        return False
    return exception in declaration.exceptions.value


def is_missing(rows: list[Row]) -> bool:
    return any(missing() in cell for row in rows for cell in row)


__all__ = ["EVIDENCE_HEADER", "MISSING", "NONE", "benefit_titles", "evidence_for", "is_missing"]
