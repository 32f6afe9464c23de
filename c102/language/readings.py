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
    for where, message, hint in [*_article_6(description, rulebook), *_open_lists(description)]:
        report.add(where, message, hint, severity="warning", code="reading")
    return report.out


def _article_6(description: Description, rulebook: Rulebook) -> list[tuple[Position | None, str, str]]:
    """Voluntary insurance once counted for every branch it served as soon as the choice said so;
    and the conditions of Art 6, once answered by one answer, are now answered one by one."""
    rule = next((r for r in rulebook.rules if r.kind == "voluntary_insurance"), None)
    if rule is None:
        return []
    names = list(rule.params.get("conditions", {}))
    out = _single_answer(description, rule.id, names)
    choice = description.choices.get("voluntary_insurance_counts")
    if choice is None or choice.value is not True:
        return out
    parts, care_only = rule.params.get("parts", []), rule.params.get("medical_care_only", [])
    served = [
        BRANCH_PART[b]
        for s in description.scheme
        if s.kind.value == "voluntary_insurance"
        for b in s.branches.value
    ]
    answers = [description.answers.get(f"{rule.id}.{n}") for n in names] or [description.answers.get(rule.id)]
    if not any(answers):
        answers = [description.answers.get(rule.id)]
    answered_yes = all(a is not None and _yes(a.value) for a in answers)
    changed = [p for p in served if p not in parts or p in care_only]
    if not served or (answered_yes and not changed):
        return out
    listed = ", ".join(f"{p} (medical care only)" if p in care_only else p for p in parts)
    keys = ", ".join(f'"{rule.id}.{n}"' for n in names) or f'"{rule.id}"'
    message = (
        f"new reading: voluntary insurance now counts only for Parts {listed} (Art 6), and only once "
        f"each condition of Art 6 is answered yes ({keys}); it used to count for every branch it serves"
    )
    hint = f"answer the conditions in answers {{ {keys}: yes or no, each with its source }}"
    return [(choice.position, message, hint), *out]


def _yes(value: object) -> bool:
    return value is True or str(value).lower() in ("yes", "true")


def _single_answer(description: Description, rule_id: str, names: list[str]) -> list[tuple[Position | None, str, str]]:
    """One answer to all the conditions of Art 6 is still read, as answering each alike: say so."""
    fact = description.answers.get(rule_id)
    if fact is None or not names:
        return []
    each = ", ".join(names)
    reading = (
        f"as yes to each of {each}" if _yes(fact.value)
        else f"as no to all of {each}, so voluntary insurance does not count, though which condition fails is not said"
    )
    message = (
        f"new reading: the conditions of Art 6 are now answered one by one; this single answer to "
        f"'{rule_id}' is read {reading}"
    )
    hint = "; ".join(f'"{rule_id}.{n}": yes or no' for n in names)
    return [(fact.position, message, f"answer each condition in answers: {hint}")]


# Lists the rules read as closed before issue 10, and what an unnamed item now is.
CLOSED_BEFORE = {
    "medical_care": "care it does not name",
    "contingencies": "contingencies it does not name",
    "cost_sharing": "contingencies it does not name",
    "suspension_grounds": "grounds it does not name",
}


def _open_lists(description: Description) -> list[tuple[Position | None, str, str]]:
    """A list not marked complete was read as the whole law: what it did not name was not provided
    (or, for cost sharing and suspension grounds, did not exist). Now that is unknown."""
    out: list[tuple[Position | None, str, str]] = []
    for scheme in description.scheme:
        for name, unnamed in CLOSED_BEFORE.items():
            fact = getattr(scheme, name)
            if fact is None or fact.complete or not fact.value:
                continue
            out.append(
                (
                    fact.position,
                    f"new reading: '{name}' of scheme '{scheme.name}' is not marked complete, so {unnamed} "
                    "is unknown (insufficient_data), no longer read as absent",
                    "write 'complete' after the list where the law's list is whole",
                )
            )
    return out
