"""Warnings where a construct accepted before is now read differently (issue 10: nothing is
silently re-read). Each names the position and the new reading with the article it rests on."""

from __future__ import annotations

from typing import TYPE_CHECKING

from c102.errors import Diagnostic, Position
from c102.model.values import BRANCH_PART

if TYPE_CHECKING:
    from c102.model.description import Description
    from c102.rules.model import Rulebook


def changed_readings(description: Description, rulebook: Rulebook) -> list[Diagnostic]:
    """Every construct of the description whose reading changed, as a warning at its position."""
    from c102.language.semantics import _Report

    report = _Report(description)
    for where, message, hint in _article_6(description, rulebook):
        report.add(where, message, hint, severity="warning", code="reading")
    return report.out


def _article_6(description: Description, rulebook: Rulebook) -> list[tuple[Position | None, str, str]]:
    """Voluntary insurance once counted for every branch it served as soon as the choice said so."""
    choice = description.choices.get("voluntary_insurance_counts")
    rule = next((r for r in rulebook.rules if r.kind == "voluntary_insurance"), None)
    if choice is None or choice.value is not True or rule is None:
        return []
    parts, care_only = rule.params.get("parts", []), rule.params.get("medical_care_only", [])
    served = [
        BRANCH_PART[b]
        for s in description.scheme
        if s.kind.value == "voluntary_insurance"
        for b in s.branches.value
    ]
    answer = description.answers.get(rule.id)
    answered_yes = answer is not None and (answer.value is True or str(answer.value).lower() in ("yes", "true"))
    changed = [p for p in served if p not in parts or p in care_only]
    if not served or (answered_yes and not changed):
        return []
    listed = ", ".join(f"{p} (medical care only)" if p in care_only else p for p in parts)
    message = (
        f"new reading: voluntary insurance now counts only for Parts {listed} (Art 6), and only once "
        f"'{rule.id}' is answered yes (conditions 6(a)-(c)); it used to count for every branch it serves"
    )
    hint = f'answer the conditions in answers {{ "{rule.id}": yes }} (or no)'
    return [(choice.position, message, hint)]
