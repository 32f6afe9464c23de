"""Issue 10's "Done when": no bundled country has a `not_compliant` verdict whose only ground is a
fact the description does not state.

Checked as a property: a verdict resting only on stated facts cannot be turned by *adding* facts
the description leaves unstated. Each completion below adds, in the way most favourable to the
law, one kind of fact that descriptions often leave out (the class of persons a scheme protects;
a reduced benefit sooner than a period written as the full benefit's). Every `not_compliant` rule
of every bundled country must stay `not_compliant` under each completion. (`python -m
tools.not_compliant` lists the verdicts with their grounds, for reading.)
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from c102.evaluate.engine import assess
from c102.evaluate.verdict import NOT_COMPLIANT
from c102.language.load import load_description
from c102.model.description import Basis, Description, ProtectedGroup, QualifyingPeriod
from c102.model.values import Count, Duration, Fact

ROOT = Path(__file__).resolve().parents[2]
COUNTRIES = sorted((ROOT / "countries").glob("*.c102")) + sorted((ROOT / "countries" / "examples").glob("*.c102"))
UNSTATED = "audit: a fact the description does not state"


def _classes(basis: Basis) -> Callable[[Description], Description | None]:
    """Schemes that state no persons protected get a class on ``basis`` (one person: the class is
    what the duration and benefit rules read; the coverage share is not helped)."""

    def complete(description: Description) -> Description | None:
        out = copy.deepcopy(description)
        changed = False
        for scheme in out.scheme:
            if scheme.protected:
                continue
            scheme.protected.append(ProtectedGroup(Fact(Count(1), UNSTATED), Fact(basis, UNSTATED)))
            changed = True
        return out if changed else None

    return complete


def _reduced_sooner(description: Description) -> Description | None:
    """A period written as the full benefit's gets a reduced benefit after one year beside it."""
    out = copy.deepcopy(description)
    changed = False
    for scheme in out.scheme:
        full = [p for p in scheme.qualifying_period if p.benefit is not None and p.benefit.value == "full"]
        for period in full:
            scheme.qualifying_period.append(
                QualifyingPeriod(
                    Fact(Duration(Decimal(1), "years"), UNSTATED),
                    period.kind,
                    Fact("reduced", UNSTATED),
                    period.branches,
                )
            )
            changed = True
    return out if changed else None


def _active_are_employees(description: Description) -> Description | None:
    """A class of the economically active, with no employees stated apart, is all employees."""
    out = copy.deepcopy(description)
    changed = False
    for scheme in out.scheme:
        if any(g.basis.value == "employees" for g in scheme.protected):
            continue
        for group in scheme.protected:
            if group.basis.value == "economically_active":
                group.basis = Fact("employees", UNSTATED)
                changed = True
    return out if changed else None


COMPLETIONS: dict[str, Callable[[Description], Description | None]] = {
    "the economically active protected are employees": _active_are_employees,
    "persons protected: employees": _classes("employees"),
    "persons protected: residents of small means": _classes("means_tested_residents"),
    "a reduced benefit after one year": _reduced_sooner,
}


def _failures(description: Description) -> dict[str, str]:
    return {r.id: r.explanation for r in assess(description).rules if r.verdict == NOT_COMPLIANT}


def _moved(path: Path) -> Iterator[str]:
    description = load_description(path)
    failing = _failures(description)
    for name, complete in COMPLETIONS.items():
        completed = complete(description)
        if completed is None:
            continue
        still = _failures(completed)
        for rule_id in sorted(set(failing) - set(still)):
            yield f"{path.stem}: {rule_id} ({failing[rule_id][:160]}) moves once the description adds {name}"


@pytest.mark.parametrize("path", COUNTRIES, ids=lambda p: p.stem)
def test_no_not_compliant_verdict_rests_only_on_a_fact_the_description_leaves_unstated(path: Path) -> None:
    moved = list(_moved(path))
    assert not moved, "\n".join(moved)


def test_the_completions_can_move_a_verdict_that_rests_on_the_unstated() -> None:
    # A gap stated on facts a completion cannot reach stays; a verdict that is only undecided moves.
    path = ROOT / "tests" / "legal" / "art-24-1-class-not-stated.c102"
    description = load_description(path)
    completed = _classes("employees")(description)
    assert completed is not None
    before = {r.id: r.verdict for r in assess(description).rules}
    after = {r.id: r.verdict for r in assess(completed).rules}
    assert before["IV-24-duration"] == "insufficient_data" and after["IV-24-duration"] == "compliant"
