"""The ILO Social Security Inquiry's coverage table: persons protected by sex, per benefit category.

The Inquiry counts ten categories: the nine branches of C102 and general social assistance. A
figure is given only where the description states it; a split by sex only where every group
counted states it. Persons in two schemes are counted in each (the Inquiry counts by scheme too).
Beneficiaries are not yet part of the description language, so that column says so.
"""

from __future__ import annotations

from typing import Any

from c102.evaluate.assessment import Assessment
from c102.model.values import BRANCH_PART
from c102.report.shared.country import country_name, protected_groups

SSI_CATEGORIES = (
    ("medical_care", "Medical care"),
    ("sickness", "Sickness"),
    ("unemployment", "Unemployment"),
    ("old_age", "Old age"),
    ("employment_injury", "Employment injury"),
    ("family", "Family and child"),
    ("maternity", "Maternity"),
    ("invalidity", "Invalidity (disability)"),
    ("survivors", "Survivors"),
    ("social_assistance", "General social assistance"),
)
SSI_HEADER = [
    "Country",
    "Category",
    "C102 Part",
    "Persons protected",
    "Men",
    "Women",
    "Schemes",
    "Beneficiaries",
]
NOT_IN_LANGUAGE = "not stated (the description language has no beneficiary count yet)"


def protected_by_sex(assessment: Assessment, branch: str) -> dict[str, Any]:
    """Persons protected for one branch, summed over the schemes; men and women only if all state them."""
    total = 0
    men: int | None = 0
    women: int | None = 0
    schemes: list[str] = []
    stated = False
    for scheme, group in protected_groups(assessment, branch):
        persons = group.persons.value
        stated = True
        total += persons.total
        men = men + persons.men if men is not None and persons.men is not None else None
        women = women + persons.women if women is not None and persons.women is not None else None
        schemes.append(scheme.name)
    if not stated:
        return {"protected": None, "men": None, "women": None, "schemes": []}
    return {"protected": total, "men": men, "women": women, "schemes": list(dict.fromkeys(schemes))}


def ssi_json(assessment: Assessment) -> list[dict[str, Any]]:
    """The ten categories, each with the figures the description states (null where it does not)."""
    out = []
    for branch, label in SSI_CATEGORIES:
        figures = protected_by_sex(assessment, branch)
        out.append(
            {
                "category": branch,
                "label": label,
                "part": BRANCH_PART.get(branch),
                **figures,
                "beneficiaries": None,
            }
        )
    return out


def ssi_rows(assessments: list[Assessment]) -> list[list[str | float | int | None]]:
    rows: list[list[str | float | int | None]] = []
    for a in assessments:
        for entry in ssi_json(a):
            rows.append(
                [
                    country_name(a),
                    entry["label"],
                    entry["part"] or "none (not a C102 branch)",
                    entry["protected"],
                    entry["men"],
                    entry["women"],
                    ", ".join(entry["schemes"]),
                    NOT_IN_LANGUAGE,
                ]
            )
    return rows
