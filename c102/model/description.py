"""The description of one country: its statistics and schemes, every fact with its source.

Field names are the keywords of the language (``docs/language.md``). A field typed ``Fact[X]``
is written ``name: value source "..."``; a nested dataclass is a block ``name { ... }``; a list of
dataclasses is a block that may repeat. Field metadata ``label`` names the block label (the text
after the keyword, e.g. ``scheme "General pensions"``) and ``doc`` explains the field for the
language reference and the JSON Schema.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any, Literal

from c102.errors import Position
from c102.model.values import Branch, Count, Duration, Fact, Money, Percent, SexSplit

Basis = Literal[
    "employees",  # all employees (Art 9(a), 15(a), 21(a), 27(a), ...)
    "economically_active",  # classes of the economically active population, counted against residents (9(b), ...)
    "residents",  # all residents (9(c))
    "means_tested_residents",  # residents whose means do not exceed prescribed limits (15(c), 27(c), ...)
    "industrial_employees",  # employees in industrial workplaces of 20 or more (Art 3 alternatives)
]
SchemeKind = Literal[
    "social_insurance",
    "universal",
    "means_tested",
    "employer_liability",
    "voluntary_insurance",  # counted only under Art 6
    "provident_fund",
    "public_service",  # a national health or other public service financed by taxation
]
QualifyingKind = Literal["contribution", "employment", "residence"]
BenefitLevel = Literal["full", "reduced"]
BenefitForm = Literal["periodic", "lump_sum", "care", "in_kind", "periodic_and_in_kind"]
Contingency = Literal[
    # Parts II and VI: medical care; Part VI and others: the cash contingencies
    "morbid_condition",
    "pregnancy",
    "incapacity",
    "invalidity",
    "partial_invalidity",
    "survivors",
    "old_age",
    "unemployment",
    "children",
    "maternity",
]
ReviewKind = Literal[
    "automatic_prices", "automatic_wages", "automatic_mixed", "periodic_discretionary", "none"
]
AppealKind = Literal["court", "tribunal", "tribunal_with_representation", "administrative_complaint", "none"]
AdministrationKind = Literal["government_department", "public_institution", "joint_institution", "private"]
EqualTreatment = Literal["equal", "reciprocity_only", "restricted"]


def meta(doc: str, **extra: Any) -> dict[str, Any]:
    return {"doc": doc, **extra}


@dataclass
class Country:
    """Who is described, and as of when."""

    name: str = field(metadata=meta("Country name as used in ILO documents", label=True))
    iso: Fact[str] | None = field(default=None, metadata=meta("ISO 3166-1 alpha-2 or alpha-3 code"))
    as_of: Fact[date] | None = field(default=None, metadata=meta("Date the description is true of"))
    currency: Fact[str] | None = field(default=None, metadata=meta("ISO 4217 currency code"))
    fictional: Fact[bool] | None = field(
        default=None, metadata=meta("A teaching example, not a real country")
    )
    seafarers_excluded: Fact[bool] | None = field(
        default=None, metadata=meta("Seafarers and sea-fishermen are excluded from the counts (Art 77(2))")
    )
    position: Position | None = field(default=None, compare=False, repr=False)


@dataclass
class Ratification:
    """The country's ratification of C102, if any (Art 2(b), Art 4)."""

    registered: Fact[date] | None = field(default=None, metadata=meta("Date the ratification was registered"))
    parts: Fact[list[str]] | None = field(default=None, metadata=meta("Parts II-X accepted (roman numerals)"))
    position: Position | None = field(default=None, compare=False, repr=False)


@dataclass
class Article3Declaration:
    """A declaration under Art 3(1) and the temporary exceptions it invokes."""

    in_force: Fact[bool] = field(metadata=meta("Whether the declaration is in force"))
    exceptions: Fact[list[str]] | None = field(
        default=None, metadata=meta("Articles whose temporary exception is invoked, e.g. 9(d), 12(2)")
    )
    position: Position | None = field(default=None, compare=False, repr=False)


@dataclass
class OtherConvention:
    """A later Convention that ends C102 obligations for the same branch (Art 75)."""

    name: str = field(metadata=meta("C121, C128, C130 or C168", label=True))
    registered: Fact[date] | None = field(default=None, metadata=meta("Date of registration"))
    parts: Fact[list[str]] | None = field(default=None, metadata=meta("Parts of that Convention accepted"))
    temporary_exceptions: Fact[bool] | None = field(
        default=None, metadata=meta("A declaration of temporary exceptions (C128 Art 38, C130 Art 3)")
    )
    position: Position | None = field(default=None, compare=False, repr=False)


@dataclass
class Statistics:
    """Population, employment and wage figures, each with its year and source."""

    year: int | None = field(default=None, metadata=meta("Reference year of the figures", label=True))
    residents: Fact[Count] | None = field(default=None, metadata=meta("All residents"))
    employees: Fact[Count] | None = field(default=None, metadata=meta("All employees"))
    economically_active: Fact[Count] | None = field(
        default=None, metadata=meta("The economically active population")
    )
    industrial_employees: Fact[Count] | None = field(
        default=None, metadata=meta("Employees in industrial workplaces employing 20 persons or more")
    )
    seafarers: Fact[Count] | None = field(
        default=None, metadata=meta("Seafarers and sea-fishermen, excluded from counts under Art 77(2)")
    )
    children_of_residents: Fact[Count] | None = field(
        default=None, metadata=meta("Children of all residents")
    )
    children_of_protected: Fact[Count] | None = field(
        default=None, metadata=meta("Children of persons protected for family benefit (Art 44(a))")
    )
    skilled_wage: Fact[Money] | None = field(
        default=None, metadata=meta("Wage of the skilled manual male employee (Art 65(6))")
    )
    skilled_wage_definition: Fact[str] | None = field(
        default=None, metadata=meta("Which definition of Art 65(6) was used: 65(6)(a), (b), (c) or (d)")
    )
    labourer_wage: Fact[Money] | None = field(
        default=None, metadata=meta("Wage of the ordinary adult male labourer (Art 66(4))")
    )
    labourer_wage_definition: Fact[str] | None = field(
        default=None, metadata=meta("Which definition of Art 66(4) was used: 66(4)(a) or (b)")
    )
    employee_contributions: Fact[Money] | None = field(
        default=None, metadata=meta("Yearly insurance contributions borne by protected employees (Art 71(2))")
    )
    financial_resources: Fact[Money] | None = field(
        default=None,
        metadata=meta(
            "Yearly financial resources allocated to protecting employees and families (Art 71(2))"
        ),
    )
    family_benefits_paid: Fact[Money] | None = field(
        default=None, metadata=meta("Total yearly value of family benefits (Art 44)")
    )
    sickness_days_paid: Fact[Decimal] | None = field(
        default=None, metadata=meta("Days of sickness benefit granted in the year (Art 18(2)(a))")
    )
    sickness_protected_average: Fact[Decimal] | None = field(
        default=None,
        metadata=meta("Average number of persons protected for sickness in the year (Art 18(2)(a))"),
    )
    social_assistance_beneficiaries: Fact[Count] | None = field(
        default=None,
        metadata=meta(
            "Recipients of general social assistance, by sex where published (ILO Social Security Inquiry)"
        ),
    )
    position: Position | None = field(default=None, compare=False, repr=False)


@dataclass
class ProtectedGroup:
    """A class of persons a scheme protects, and the population it is a share of."""

    persons: Fact[Count] = field(metadata=meta("Number of persons protected"))
    basis: Fact[Basis] = field(metadata=meta("What the group is a class of, for the coverage share"))
    description: Fact[str] | None = field(default=None, metadata=meta("Who they are, in the law's words"))
    branches: Fact[list[Branch]] | None = field(
        default=None,
        metadata=meta("Branches for which the group is protected (default: all of the scheme's)"),
    )
    dependants_covered: Fact[bool] | None = field(
        default=None, metadata=meta("Wives and children also protected (Art 9(a),(b), 48, 61)")
    )
    seafarers: Fact[Count] | None = field(
        default=None, metadata=meta("Seafarers and sea-fishermen among the persons protected (Art 77)")
    )
    position: Position | None = field(default=None, compare=False, repr=False)


@dataclass
class QualifyingPeriod:
    """A condition of past contribution, employment or residence for a benefit."""

    length: Fact[Duration] = field(metadata=meta("How long"))
    kind: Fact[QualifyingKind] = field(metadata=meta("contribution, employment or residence"))
    benefit: Fact[BenefitLevel] | None = field(
        default=None, metadata=meta("full (default) or reduced benefit")
    )
    branches: Fact[list[Branch]] | None = field(
        default=None, metadata=meta("Branches it applies to (default: all of the scheme's)")
    )
    within: Fact[Duration] | None = field(
        default=None, metadata=meta("Window in which it must be completed, e.g. 12 months")
    )
    yearly_average_contributions: Fact[bool] | None = field(
        default=None, metadata=meta("Condition of a yearly average number of contributions (Art 29(1)(b))")
    )
    position: Position | None = field(default=None, compare=False, repr=False)


@dataclass
class Benefit:
    """The benefit a scheme pays for one branch, with the formula the Schedule is tested on."""

    branch: Branch = field(metadata=meta("The branch (block label)", label=True))
    contingency: Fact[Contingency] | None = field(
        default=None, metadata=meta("For employment injury: incapacity, invalidity or survivors")
    )
    form: Fact[BenefitForm] | None = field(default=None, metadata=meta("periodic, lump_sum, care or in_kind"))
    assessed_under: Fact[str] | None = field(
        default=None, metadata=meta("Article of Part XI the rate is tested under: 65, 66 or 67 (a choice)")
    )
    rate: Fact[Percent] | None = field(default=None, metadata=meta("Percentage of previous earnings"))
    base_rate: Fact[Percent] | None = field(
        default=None, metadata=meta("Percentage of earnings earned by the first accrual_after years")
    )
    accrual_rate: Fact[Percent] | None = field(
        default=None, metadata=meta("Percentage of earnings per year of contribution")
    )
    accrual_after: Fact[Duration] | None = field(
        default=None, metadata=meta("Years after which accrual_rate starts adding to base_rate")
    )
    max_rate: Fact[Percent] | None = field(default=None, metadata=meta("Highest percentage of earnings"))
    flat: Fact[Money] | None = field(default=None, metadata=meta("Flat amount per period"))
    minimum: Fact[Money] | None = field(default=None, metadata=meta("Minimum benefit"))
    maximum: Fact[Money] | None = field(default=None, metadata=meta("Maximum benefit (Art 65(3))"))
    ceiling: Fact[Money] | None = field(
        default=None, metadata=meta("Ceiling on insurable earnings (Art 65(3))")
    )
    spouse_supplement: Fact[Money | Percent] | None = field(
        default=None, metadata=meta("Supplement for a dependent spouse: an amount or % of the benefit")
    )
    child_supplement: Fact[Money | Percent] | None = field(
        default=None, metadata=meta("Supplement for each child: an amount or % of the benefit")
    )
    family_allowance: Fact[Money] | None = field(
        default=None, metadata=meta("Family allowance per child payable during the contingency (Art 65(1))")
    )
    family_allowance_during: Fact[bool] | None = field(
        default=None,
        metadata=meta(
            "Whether the family_allowance is still paid during the contingency (default yes); "
            "no: paid to workers only, it enters the wage side alone (Art 65(1), 66(1))"
        ),
    )
    lump_sum: Fact[Money] | None = field(default=None, metadata=meta("A lump sum paid instead or as well"))
    commutation: Fact[str] | None = field(
        default=None,
        metadata=meta("When periodic payments may be commuted: slight_incapacity, proper_use, other"),
    )
    waiting_period: Fact[Duration] | None = field(default=None, metadata=meta("Days not paid at the start"))
    max_duration: Fact[Duration] | None = field(
        default=None, metadata=meta("Longest payment in one case (say throughout: yes where there is no limit)")
    )
    min_duration: Fact[Duration] | None = field(
        default=None,
        metadata=meta("Shortest duration paid in a case, where the duration varies with the record (Art 24(2))"),
    )
    throughout: Fact[bool] | None = field(
        default=None, metadata=meta("Paid throughout the contingency, with no limit on its duration")
    )
    duration_window: Fact[Duration] | None = field(
        default=None, metadata=meta("Period within which max_duration applies, e.g. 12 months (Art 24(1))")
    )
    duration_varies: Fact[bool] | None = field(
        default=None, metadata=meta("Duration varies with the contribution period (Art 24(2))")
    )
    average_duration: Fact[Duration] | None = field(
        default=None, metadata=meta("Average duration of benefit paid, where it varies (Art 24(2))")
    )
    seasonal_adaptation: Fact[bool] | None = field(
        default=None, metadata=meta("Duration and waiting period adapted for seasonal workers (Art 24(4))")
    )
    until_old_age: Fact[bool] | None = field(
        default=None, metadata=meta("Paid until an old-age benefit becomes payable (Art 58)")
    )
    extension_for_prolonged_care: Fact[bool] | None = field(
        default=None,
        metadata=meta("The 26-week limit can be extended for prolonged-care diseases (Art 12(1))"),
    )
    national_leave: Fact[Duration] | None = field(
        default=None, metadata=meta("Longer abstention from work required or authorised by law (Art 52)")
    )
    means_test_scale: Fact[bool] | None = field(
        default=None, metadata=meta("Rate set by a prescribed scale (Art 67(a))")
    )
    means_disregard: Fact[Money] | None = field(
        default=None, metadata=meta("Substantial amount of other means disregarded (Art 67(b))")
    )
    beneficiaries: Fact[Count] | None = field(
        default=None,
        metadata=meta(
            "Persons receiving this benefit in the statistics year, by sex where published "
            "(Art 76(1)(b); ILO Social Security Inquiry)"
        ),
    )
    total_paid: Fact[Money] | None = field(
        default=None, metadata=meta("Total benefits paid in the year under this Part (Art 67(d))")
    )
    reference_total: Fact[Money] | None = field(
        default=None,
        metadata=meta(
            "What Art 66 benefits to the classes of Art 15(b), 27(b), 55(b) or 61(b) would cost (Art 67(d))"
        ),
    )
    position: Position | None = field(default=None, compare=False, repr=False)


@dataclass
class ReviewPeriod:
    """What happened to pensions in payment over a period, against prices and earnings (Art 65(10))."""

    start: Fact[date] = field(metadata=meta("First day of the period"))
    end: Fact[date] = field(metadata=meta("Last day of the period"))
    benefit_change: Fact[Percent] = field(
        metadata=meta("Total increase of the rates of pensions in payment over the period")
    )
    prices_change: Fact[Percent] | None = field(
        default=None, metadata=meta("Total change in the cost of living (consumer prices) over the period")
    )
    earnings_change: Fact[Percent] | None = field(
        default=None, metadata=meta("Total change in the general level of earnings over the period")
    )
    position: Position | None = field(default=None, compare=False, repr=False)


@dataclass
class Review:
    """How long-term benefits in payment are kept up with earnings and prices (Art 65(10), 66(8))."""

    method: Fact[ReviewKind] = field(metadata=meta("automatic_prices, automatic_wages, ... or none"))
    frequency: Fact[Duration] | None = field(default=None, metadata=meta("How often"))
    period: list[ReviewPeriod] = field(
        default_factory=list,
        metadata=meta("The history of increases against the cost of living and earnings, period by period"),
    )
    position: Position | None = field(default=None, compare=False, repr=False)


@dataclass
class Financing:
    """How a scheme is paid for (Art 71)."""

    employee_rate: Fact[Percent] | None = field(default=None, metadata=meta("Employees' contribution rate"))
    employer_rate: Fact[Percent] | None = field(default=None, metadata=meta("Employers' contribution rate"))
    state_rate: Fact[Percent] | None = field(
        default=None, metadata=meta("State contribution, as a rate of insured earnings")
    )
    tax_financed: Fact[bool] | None = field(default=None, metadata=meta("Financed from general taxation"))
    actuarial_review: Fact[bool] | None = field(
        default=None, metadata=meta("Periodic actuarial studies are made (Art 71(3))")
    )
    position: Position | None = field(default=None, compare=False, repr=False)


@dataclass
class Scheme:
    """One scheme of the national law, serving one or more branches."""

    name: str = field(metadata=meta("Name of the scheme", label=True))
    branches: Fact[list[Branch]] = field(metadata=meta("Branches it serves"))
    kind: Fact[SchemeKind] = field(metadata=meta("social_insurance, universal, means_tested, ..."))
    legal_basis: Fact[str] | None = field(default=None, metadata=meta("The law that creates it"))
    protected: list[ProtectedGroup] = field(default_factory=list, metadata=meta("Persons protected"))
    contingencies: Fact[list[Contingency]] | None = field(
        default=None, metadata=meta("Contingencies covered (Art 8, 32, ...)")
    )
    pensionable_age: Fact[SexSplit[Decimal]] | None = field(
        default=None, metadata=meta("Pensionable age in years, by sex where it differs (Art 26)")
    )
    invalidity_degree: Fact[Percent] | None = field(
        default=None, metadata=meta("Degree of incapacity that opens invalidity benefit (Art 54)")
    )
    earnings_test: Fact[bool] | None = field(
        default=None, metadata=meta("Pension suspended or reduced for earnings (Art 26(3), 60(2))")
    )
    medical_care: Fact[list[str]] | None = field(
        default=None, metadata=meta("Care provided: gp, specialist, pharmaceuticals, hospital, ...")
    )
    cost_sharing: Fact[list[Contingency]] | None = field(
        default=None, metadata=meta("Contingencies in which the patient shares the cost of care")
    )
    qualifying_period: list[QualifyingPeriod] = field(
        default_factory=list, metadata=meta("Conditions of past contribution, employment or residence")
    )
    no_qualifying_period: Fact[list[Branch]] | None = field(
        default=None, metadata=meta("Branches for which the law requires no qualifying period at all")
    )
    benefit: list[Benefit] = field(default_factory=list, metadata=meta("Benefits, one block per branch"))
    review: Review | None = field(default=None, metadata=meta("Review of long-term benefits"))
    suspension_grounds: Fact[list[str]] | None = field(
        default=None, metadata=meta("Grounds on which benefit may be suspended (Art 69)")
    )
    appeal: Fact[AppealKind] | None = field(default=None, metadata=meta("Right of appeal (Art 70)"))
    financing: Financing | None = field(default=None, metadata=meta("Financing (Art 71)"))
    administration: Fact[AdministrationKind] | None = field(
        default=None, metadata=meta("Who administers it (Art 72(1))")
    )
    participation: Fact[bool] | None = field(
        default=None, metadata=meta("Representatives of the protected persons take part in management")
    )
    equal_treatment: Fact[EqualTreatment] | None = field(
        default=None, metadata=meta("Non-national residents have the same rights (Art 68)")
    )
    position: Position | None = field(default=None, compare=False, repr=False)


@dataclass
class Description:
    """Everything the engine knows about one country."""

    country: Country = field(metadata=meta("The country"))
    ratification: Ratification | None = field(default=None, metadata=meta("Ratification of C102"))
    article_3: Article3Declaration | None = field(default=None, metadata=meta("Art 3 declaration"))
    convention: list[OtherConvention] = field(
        default_factory=list, metadata=meta("Later Conventions ratified (Art 75)")
    )
    statistics: Statistics | None = field(default=None, metadata=meta("Statistics"))
    absent: list[Fact[list[Branch]]] = field(
        default_factory=list,
        metadata=meta(
            "Branches for which the law provides no benefit at all, each statement with its source "
            "(a line that may repeat)"
        ),
    )
    scheme: list[Scheme] = field(default_factory=list, metadata=meta("Schemes"))
    choices: dict[str, Fact[Any]] = field(
        default_factory=dict, metadata=meta("Cited choices that change verdicts (rules/c102/choices.yaml)")
    )
    answers: dict[str, Fact[Any]] = field(
        default_factory=dict, metadata=meta("A specialist's answers to needs_review questions, by rule id")
    )
    path: str = field(default="", compare=False, metadata=meta("File it was read from", internal=True))
    text: str = field(default="", compare=False, repr=False, metadata=meta("Source text", internal=True))

    def schemes_for(self, branch: str) -> list[Scheme]:
        return [s for s in self.scheme if branch in s.branches.value]

    def absence(self, branch: str) -> Fact[list[Branch]] | None:
        """The sourced statement that the law provides no benefit for this branch, if any."""
        return next((fact for fact in self.absent if branch in fact.value), None)
