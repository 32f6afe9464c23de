"""Builder of a hand-made, realistic Assessment for the report tests (see conftest.py)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

from c102.evaluate.assessment import Assessment, BenefitCalculation, PartResult, Ratification, Receipt
from c102.evaluate.verdict import RuleResult, SchemeFinding
from c102.model.description import (
    Article3Declaration,
    Benefit,
    Country,
    Description,
    ProtectedGroup,
    Scheme,
    Statistics,
)
from c102.model.description import Ratification as RatificationFact
from c102.model.values import Count, Fact, Money, Percent

EVIL = "<script>alert(1)</script>"


def F(value, source=None):  # type: ignore[no-untyped-def]
    return Fact(value, source)


def make_description(name: str, scale: int) -> Description:
    pensions = Scheme(
        name="Social Security Fund: pensions",
        branches=F(["old_age", "invalidity", "survivors"]),
        kind=F("social_insurance"),
        legal_basis=F("Social Security Act 2010", "Official Gazette No. 12 of 2010"),
        protected=[
            ProtectedGroup(
                persons=F(Count(850_000 * scale // 10), "SSF annual report 2023, p. 4"),
                basis=F("employees"),
            ),
            ProtectedGroup(persons=F(Count(150_000), "Civil Service Pension Office"), basis=F("employees")),
        ],
        benefit=[Benefit(branch="old_age", base_rate=F(Percent(Decimal(30)), "SSA 2010, s. 43(1)"))],
    )
    health = Scheme(
        name="National Health Service",
        branches=F(["medical_care", "maternity"]),
        kind=F("public_service"),
        legal_basis=F("National Health Act 2001", f"Gazette {EVIL}"),
        protected=[ProtectedGroup(persons=F(Count(4_600_000), "Ministry of Health"), basis=F("residents"))],
    )
    sickness = Scheme(
        name="Sickness insurance",
        branches=F(["sickness", "employment_injury", "family"]),
        kind=F("social_insurance"),
        legal_basis=F("Social Security Act 2010"),
        protected=[
            ProtectedGroup(persons=F(Count(900_000), "SSF annual report 2023, p. 6"), basis=F("employees"))
        ],
        benefit=[
            Benefit(branch="sickness", rate=F(Percent(Decimal(60)), "SSA 2010, s. 100")),
            Benefit(branch="family", flat=F(Money(Decimal(25), "month"))),
        ],
    )
    unemployment = Scheme(
        name="Unemployment | insurance",
        branches=F(["unemployment"]),
        kind=F("social_insurance"),
        protected=[ProtectedGroup(persons=F(Count(400_000)), basis=F("employees"))],
        benefit=[
            Benefit(
                branch="unemployment",
                duration_varies=F(True, "Unemployment Act, s. 9"),
                average_duration=None,
            )
        ],
    )
    statistics = Statistics(
        year=2023,
        residents=F(Count(5_000_000), "Census 2020, projection"),
        employees=F(Count(1_600_000, 950_000, 650_000), "Labour Force Survey 2023, table 3"),
        skilled_wage=F(Money(Decimal(1000), "month"), "Wage survey 2023"),
        skilled_wage_definition=F("65(6)(a)"),
        labourer_wage=F(Money(Decimal(600), "month"), "Wage survey 2023"),
        employee_contributions=F(Money(Decimal(300_000_000), "year"), "SSF accounts 2023"),
        financial_resources=F(Money(Decimal(900_000_000), "year"), "SSF accounts 2023"),
        sickness_days_paid=F(Decimal(9_000_000), "SSF accounts 2023"),
    )
    return Description(
        country=Country(
            name=name,
            iso=F("XE"),
            as_of=F(date(2025, 1, 1)),
            currency=F("EXD"),
            fictional=F(True),
        ),
        ratification=RatificationFact(
            registered=F(date(2019, 6, 14), "Instrument of ratification"),
            parts=F(["II", "III", "V", "VI", "VII", "VIII"], "Instrument of ratification"),
        ),
        article_3=Article3Declaration(in_force=F(True, "Declaration"), exceptions=F(["12(2)", "18(2)"])),
        statistics=statistics,
        scheme=[pensions, health, sickness, unemployment],
        choices={"family_allowances_in_part_xi": F(True, "ILO practice")},
        answers={"II-10-cost-sharing-hardship": F(True, f"National Health Act 2001, s. 31 {EVIL}")},
        path="countries/examples/examplia.c102",
    )


def R(
    id: str, part: str, articles: list[str], title: str, topic: str, kind: str, verdict: str, **kw
) -> RuleResult:  # type: ignore[no-untyped-def]
    kw.setdefault("explanation", f"{title}: {verdict.replace('_', ' ')}.")
    if kw.get("unit") == "percent":  # written in percent here, held as fractions of one
        kw["value"] = kw["value"] / 100 if kw.get("value") is not None else None
        kw["threshold"] = kw["threshold"] / 100
    return RuleResult(
        id=id,
        instrument="C102",
        part=part,
        articles=articles,
        title=title,
        topic=topic,
        kind=kind,
        verdict=verdict,
        **kw,
    )


def make_rules(scale: int) -> list[RuleResult]:
    coverage_v = Fraction(850_000 * scale // 10 + 150_000, 1_600_000) * 100
    return [
        R("I-2-parts", "I", ["2(a)", "2(b)"], "Parts accepted", "general", "article_2", "compliant"),
        R(
            "II-8-contingency",
            "II",
            ["8"],
            "Contingencies covered",
            "contingency",
            "contingency",
            "compliant",
            schemes=["National Health Service"],
        ),
        R(
            "II-9-coverage",
            "II",
            ["9(c)", "9(a)"],
            "Persons protected",
            "persons_protected",
            "coverage",
            "compliant",
            value=Fraction(92),
            threshold=Fraction(50),
            unit="percent",
            alternative="9(c)",
            schemes=["National Health Service"],
            sources=["Ministry of Health", "Census 2020, projection"],
        ),
        R(
            "II-10-cost-sharing-hardship",
            "II",
            ["10(2)"],
            "Cost sharing avoids hardship",
            "benefit_level",
            "cost_sharing",
            "compliant",
            answer="yes",
            sources=[f"National Health Act 2001, s. 31 {EVIL}"],
            schemes=["National Health Service"],
        ),
        R(
            "III-15-coverage",
            "III",
            ["15(a)"],
            "Persons protected",
            "persons_protected",
            "coverage",
            "compliant",
            value=Fraction(900_000, 1_600_000) * 100,
            threshold=Fraction(50),
            unit="percent",
            alternative="15(a)",
            schemes=["Sickness insurance"],
        ),
        R(
            "III-16-benefit",
            "III",
            ["16(1)", "65"],
            "Level of sickness benefit",
            "benefit_level",
            "benefit_level",
            "compliant",
            value=Fraction(60),
            threshold=Fraction(45),
            unit="percent",
            schemes=["Sickness insurance"],
        ),
        R(
            "III-18-duration",
            "III",
            ["18(1)"],
            "Duration of sickness benefit",
            "duration",
            "duration_min",
            "compliant",
            value=Fraction(26),
            threshold=Fraction(26),
            unit="weeks",
        ),
        R(
            "IV-21-coverage",
            "IV",
            ["21(a)"],
            "Persons protected",
            "persons_protected",
            "coverage",
            "not_compliant",
            value=Fraction(25),
            threshold=Fraction(50),
            unit="percent",
            schemes=["Unemployment | insurance"],
            remedy="400 000 more protected employees",
            gap="25.0% against 50%: 25.0 points short",
        ),
        R(
            "IV-24-duration",
            "IV",
            ["24(2)"],
            "Average duration",
            "duration",
            "duration_min",
            "insufficient_data",
            missing=["average_duration of the unemployment benefit"],
            schemes=["Unemployment | insurance"],
        ),
        R(
            "V-26-age",
            "V",
            ["26(2)"],
            "Pensionable age",
            "contingency",
            "pensionable_age",
            "compliant",
            value=Fraction(62),
            threshold=Fraction(65),
            unit="age",
        ),
        R(
            "V-27-coverage",
            "V",
            ["27(a)"],
            "Persons protected",
            "persons_protected",
            "coverage",
            "compliant" if coverage_v >= 50 else "not_compliant",
            value=coverage_v,
            threshold=Fraction(50),
            unit="percent",
            alternative="27(a)",
            schemes=["Social Security Fund: pensions"],
            sources=["SSF annual report 2023, p. 4", "Labour Force Survey 2023, table 3"],
        ),
        R(
            "V-28-benefit",
            "V",
            ["28", "65"],
            "Level of old-age benefit",
            "benefit_level",
            "benefit_level",
            "not_compliant",
            value=Fraction(36),
            threshold=Fraction(40),
            unit="percent",
            schemes=["Social Security Fund: pensions"],
            sources=["SSA 2010, s. 43(1)"],
            details=[SchemeFinding("Social Security Fund: pensions", "not_compliant", Fraction(36))],
        ),
        R(
            "V-29-qualifying",
            "V",
            ["29(1)(a)"],
            "Qualifying period",
            "qualifying_period",
            "qualifying_period_max",
            "not_compliant",
            value=Fraction(35),
            threshold=Fraction(30),
            unit="years",
        ),
        R(
            "VI-33-coverage",
            "VI",
            ["33(a)"],
            "Persons protected",
            "persons_protected",
            "coverage",
            "not_compliant",
            value=Fraction(900_000, 1_600_000) * 100 / 2,
            threshold=Fraction(50),
            unit="percent",
            remedy="1 460 000 more protected employees",
        ),
        R(
            "VII-44-value",
            "VII",
            ["44(a)", "44(b)"],
            "Total value of family benefits",
            "benefit_level",
            "family_benefit_value",
            "insufficient_data",
            missing=["statistics.children_of_protected", "statistics.family_benefits_paid"],
        ),
        R(
            "VIII-52-duration",
            "VIII",
            ["52"],
            "Duration of maternity benefit",
            "duration",
            "duration_min",
            "compliant",
            value=Fraction(14),
            threshold=Fraction(12),
            unit="weeks",
        ),
        R(
            "IX-56-benefit",
            "IX",
            ["56", "65"],
            "Level of invalidity benefit",
            "benefit_level",
            "benefit_level",
            "needs_review",
            question="Is the supplement for the wife paid in every case?",
            explanation="The benefit depends on a supplement.\nA specialist | must answer.",
        ),
        R(
            "X-62-benefit",
            "X",
            ["62", "65"],
            "Level of survivors' benefit",
            "benefit_level",
            "benefit_level",
            "compliant",
            value=Fraction(40),
            threshold=Fraction(40),
            unit="percent",
        ),
        R(
            "XIII-70-appeal",
            "XIII",
            ["70(1)"],
            "Right of appeal",
            "appeal",
            "right_of_appeal",
            "not_applicable",
        ),
        R(
            "XIII-71-2-share",
            "XIII",
            ["71(2)"],
            "Employees' share of financing",
            "financing_administration",
            "employee_contribution_share",
            "compliant",
            value=Fraction(100, 3),
            threshold=Fraction(50),
            unit="percent",
            sources=["SSF accounts 2023"],
        ),
    ]


def make_parts(rules: list[RuleResult]) -> dict[str, PartResult]:
    from c102.evaluate.verdict import worst

    titles = {
        "II": ("Medical care", "medical_care"),
        "III": ("Sickness benefit", "sickness"),
        "IV": ("Unemployment benefit", "unemployment"),
        "V": ("Old-age benefit", "old_age"),
        "VI": ("Employment injury benefit", "employment_injury"),
        "VII": ("Family benefit", "family"),
        "VIII": ("Maternity benefit", "maternity"),
        "IX": ("Invalidity benefit", "invalidity"),
        "X": ("Survivors' benefit", "survivors"),
    }
    accepted = {"II", "III", "V", "VI", "VII", "VIII"}
    parts = {}
    for part, (title, branch) in titles.items():
        verdicts = [r.verdict for r in rules if r.part == part]
        counts: dict[str, int] = {}
        for v in verdicts:
            counts[v] = counts.get(v, 0) + 1
        parts[part] = PartResult(
            part=part,
            title=title,
            branch=branch,
            verdict=worst(verdicts),
            counts=counts,
            accepted=part in accepted,
            ceased_by="C121" if part == "VI" else None,
            alternative={"II": "9(c)", "V": "27(a)"}.get(part),
        )
    return parts


def make_assessment(name: str = f"Examplia {EVIL}", scale: int = 10) -> Assessment:
    rules = make_rules(scale)
    parts = make_parts(rules)
    calculations = [
        BenefitCalculation(
            part="V",
            row="old_age",
            scheme="Social Security Fund: pensions",
            article="65",
            standard_beneficiary="man with wife of pensionable age",
            reference_wage=Fraction(1000),
            reference_wage_label="skilled manual male employee (65(6)(a))",
            earnings=Fraction(1000),
            benefit=Fraction(360),
            family_allowances=Fraction(0),
            rate=Fraction(36, 100),
            required=Fraction(40, 100),
            steps=["30% of 1 000 = 300", "spouse supplement 10% of 300 = 30", "30 more for 30 years"],
            sources=["SSA 2010, s. 43(1)", "Wage survey 2023"],
        ),
        BenefitCalculation(
            part="III",
            row="sickness",
            scheme="Sickness insurance",
            article="65",
            standard_beneficiary="man with wife and two children",
            reference_wage=Fraction(1000),
            reference_wage_label="skilled manual male employee (65(6)(a))",
            earnings=Fraction(1000),
            benefit=Fraction(600),
            family_allowances=Fraction(50),
            rate=Fraction(650, 1050),
            required=Fraction(45, 100),
            steps=["60% of 1 000 = 600"],
            sources=["SSA 2010, s. 100"],
        ),
        BenefitCalculation(
            part="X",
            row="survivors",
            scheme="Social Security Fund: pensions",
            article="66",
            standard_beneficiary="widow with two children",
            reference_wage=Fraction(600),
            reference_wage_label="ordinary adult male labourer (66(4)(a))",
            earnings=None,
            benefit=Fraction(220),
            family_allowances=Fraction(50),
            rate=Fraction(270, 650),
            required=Fraction(40, 100),
            steps=[],
            sources=[],
        ),
    ]
    failing = [p for p, r in parts.items() if r.accepted and r.ceased_by is None and r.verdict == "not_compliant"]
    return Assessment(
        description=make_description(name, scale),
        instrument="C102",
        rules=rules,
        parts=parts,
        ratification=Ratification(
            acceptable_parts=["II", "III", "VIII", "X"],
            meets_article_2=True,
            explanation="Parts II, III, VIII and X: at least three, including X.",
            accepted_parts=["II", "III", "V", "VI", "VII", "VIII"],
            ceased_parts={"VI": "C121"},
            accepted_but_failing=failing,
            registered="2019-06-14",
            in_force_from="2020-06-14",
        ),
        calculations=calculations,
        receipt=Receipt("0.1.0", "ab" * 32, "cd" * 32, "countries/examples/examplia.c102", "2025-01-01"),
        choices=[
            {
                "id": "family_allowances_in_part_xi",
                "value": True,
                "source": f"ILO practice {EVIL}",
                "default": False,
            }
        ],
        answers=[
            {
                "rule": "II-10-cost-sharing-hardship",
                "answer": True,
                "source": f"National Health Act 2001, s. 31 {EVIL}",
                "note": "low incomes exempt",
            }
        ],
    )
