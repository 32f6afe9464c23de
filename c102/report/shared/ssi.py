"""The ILO Social Security Inquiry table: persons protected and beneficiaries by sex, per category.

The Inquiry counts ten categories: the nine branches of C102 and general social assistance. A
figure is given only where the description states it (persons protected in ``protected`` blocks,
beneficiaries in a benefit's ``beneficiaries:``, recipients of general social assistance in
``statistics``); a split by sex only where every figure summed states it. Persons in two schemes
are counted in each (the Inquiry counts by scheme too).
"""

from __future__ import annotations

from typing import Any

from c102.evaluate.assessment import Assessment
from c102.i18n import N_, _
from c102.model.values import BRANCH_PART, Count, Fact
from c102.report.shared.country import country_name, protected_groups
from c102.report.shared.display import NONE, count, joined
from c102.report.shared.document import Block, bullets, paragraph, table

SOCIAL_ASSISTANCE = "social_assistance"
SSI_CATEGORIES = (
    ("medical_care", N_("Medical care")),
    ("sickness", N_("Sickness")),
    ("unemployment", N_("Unemployment")),
    ("old_age", N_("Old age")),
    ("employment_injury", N_("Employment injury")),
    ("family", N_("Family and child")),
    ("maternity", N_("Maternity")),
    ("invalidity", N_("Invalidity (disability)")),
    ("survivors", N_("Survivors")),
    (SOCIAL_ASSISTANCE, N_("General social assistance")),
)
NOT_A_BRANCH = N_("none (not a C102 branch)")
_FIGURES = ("protected", "men", "women", "beneficiaries", "beneficiaries_men", "beneficiaries_women")
SSI_HEADER = [
    N_("Country"),
    N_("Category"),
    N_("C102 Part"),
    N_("Persons protected"),
    N_("Men"),
    N_("Women"),
    N_("Beneficiaries"),
    N_("Beneficiaries: men"),
    N_("Beneficiaries: women"),
    N_("Schemes"),
    N_("Sources"),
]


class _Sum:
    """Counts added up, with men and women kept only while every count added states them."""

    def __init__(self) -> None:
        self.total = 0
        self.men: int | None = 0
        self.women: int | None = 0
        self.stated = False
        self.sources: list[str] = []

    def add(self, fact: Fact[Count]) -> None:
        persons = fact.value
        self.stated = True
        self.total += persons.total
        self.men = self.men + persons.men if self.men is not None and persons.men is not None else None
        self.women = (
            self.women + persons.women if self.women is not None and persons.women is not None else None
        )
        if fact.source:
            self.sources.append(fact.source)

    def figures(self) -> tuple[int | None, int | None, int | None]:
        return (self.total, self.men, self.women) if self.stated else (None, None, None)


def category_figures(assessment: Assessment, category: str) -> dict[str, Any]:
    """Persons protected and beneficiaries of one category, summed over the schemes, by sex where stated."""
    protected, beneficiaries = _Sum(), _Sum()
    schemes: list[str] = []
    for scheme, group in protected_groups(assessment, category):
        protected.add(group.persons)
        schemes.append(scheme.name)
    for scheme in assessment.description.schemes_for(category):
        for benefit in scheme.benefit:
            if benefit.branch == category and benefit.beneficiaries is not None:
                beneficiaries.add(benefit.beneficiaries)
                schemes.append(scheme.name)
    statistics = assessment.description.statistics
    assistance = statistics.social_assistance_beneficiaries if statistics is not None else None
    if category == SOCIAL_ASSISTANCE and assistance is not None:
        beneficiaries.add(assistance)
    total, men, women = protected.figures()
    paid, paid_men, paid_women = beneficiaries.figures()
    return {
        "protected": total,
        "men": men,
        "women": women,
        "beneficiaries": paid,
        "beneficiaries_men": paid_men,
        "beneficiaries_women": paid_women,
        "schemes": list(dict.fromkeys(schemes)),
        "sources": list(dict.fromkeys(protected.sources + beneficiaries.sources)),
    }


def ssi_json(assessment: Assessment) -> list[dict[str, Any]]:
    """The ten categories, each with the figures the description states (null where it does not)."""
    return [
        {"category": key, "label": label, "part": BRANCH_PART.get(key), **category_figures(assessment, key)}
        for key, label in SSI_CATEGORIES
    ]


def ssi_rows(assessments: list[Assessment]) -> list[list[str | float | int | None]]:
    """The workbook's rows: numbers stay numbers, a blank cell where the description states none."""
    rows: list[list[str | float | int | None]] = []
    for a in assessments:
        for entry in ssi_json(a):
            rows.append(
                [
                    country_name(a),
                    _(entry["label"]),
                    entry["part"] or _(NOT_A_BRANCH),
                    *(entry[key] for key in _FIGURES),
                    ", ".join(entry["schemes"]),
                    "; ".join(entry["sources"]),
                ]
            )
    return rows


SSI_TABLE_HEADER = [
    N_("Category"),
    N_("C102 Part"),
    N_("Persons protected"),
    N_("Protected: men"),
    N_("Protected: women"),
    N_("Beneficiaries"),
    N_("Beneficiaries: men"),
    N_("Beneficiaries: women"),
]


def ssi_blocks(assessment: Assessment) -> list[Block]:
    """The table for a document: one row per category, ``—`` where none is stated; sources listed below."""

    def figure(value: int | None) -> str:
        return count(value) if value is not None else NONE

    entries = ssi_json(assessment)
    rows = [
        [
            _(entry["label"]),
            entry["part"] or _("none"),
            *(figure(entry[key]) for key in _FIGURES),
        ]
        for entry in entries
    ]
    blocks: list[Block] = [
        table(
            [_(h) for h in SSI_TABLE_HEADER],
            rows,
            _("Persons protected and beneficiaries by sex (ILO Social Security Inquiry)"),
        ),
        paragraph(
            _(
                "{none}: not stated in the description. A person protected by two schemes is counted in each; "
                "men and women are shown only where every figure added up states them.",
                none=NONE,
            ),
            "note",
        ),
    ]
    sourced = [
        _("{category}: {sources}", category=_(e["label"]), sources=joined(e["sources"]))
        for e in entries
        if e["sources"]
    ]
    if sourced:
        blocks.append(bullets(sourced))
    return blocks
