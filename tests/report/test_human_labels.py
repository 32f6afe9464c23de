"""Every key of the description language and the rulebook has a human label in
templates/labels.yaml, and explanations and reports show the label, never the raw key."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import get_args

from c102 import assess, load_description
from c102.labels import groups, label, labels
from c102.model import description as model
from c102.model.values import Branch
from c102.report.output import render_report
from c102.rules.load import load_rulebook

COUNTRIES = Path(__file__).parents[2] / "countries"


def _rulebook_keys(param: str) -> set[str]:
    """Every item of ``param`` in the rulebook's rules (care items, suspension grounds)."""
    found: set[str] = set()
    for rule in load_rulebook().rules:
        value = rule.params.get(param)
        if isinstance(value, dict):
            found.update(value)
        for alternative in rule.params.get("alternatives", []) if param == "items" else []:
            found.update(alternative.get("items", []))
    return found


def test_every_key_of_the_language_and_the_rulebook_has_a_label() -> None:
    have = groups()
    statistics = {f.name for f in dataclasses.fields(model.Statistics)} - {"year", "position"}
    expected = {
        "branches": set(get_args(Branch)),
        "contingencies": set(get_args(model.Contingency)),
        "bases": set(get_args(model.Basis)),
        "scheme_kinds": set(get_args(model.SchemeKind)),
        "benefit_forms": set(get_args(model.BenefitForm)),
        "administration": set(get_args(model.AdministrationKind)),
        "statistics": statistics,
        "choices": set(load_rulebook().choices),
        "care": _rulebook_keys("items"),
        "suspension_grounds": _rulebook_keys("permitted") - {"morbid_condition"},
        "schedule_rows": set(load_rulebook().schedule) - set(get_args(Branch)),
    }
    for group, keys in expected.items():
        assert keys, group
        assert keys <= set(have[group]), f"{group}: no label for {sorted(keys - set(have[group]))}"


def test_a_label_replaces_the_key_and_can_start_a_sentence() -> None:
    assert label("home_visits", "care") == "home visits"
    assert label("employment_injury_survivors", "schedule_rows", capital=True).startswith("Employment injury")
    assert label("old_age", "schedule_rows") == "old age"  # a row named after its branch
    assert labels(["gp", "allied_professions"], "care") == "general practitioner care, care by allied health professions"


def test_explanations_name_care_items_and_schedule_rows_by_their_labels() -> None:
    assessment = assess(load_description(str(COUNTRIES / "jordan.c102")))
    texts = " ".join(f"{r.explanation} {r.remedy or ''}" for r in assessment.rules)
    for raw in ("home_visits", "allied_professions", "employment_injury_survivors", "old_age:"):
        assert raw not in texts
    assert "home visits" in texts


def test_the_gap_report_and_the_walkthrough_show_no_raw_key_outside_fact_paths() -> None:
    assessment = assess(load_description(str(COUNTRIES / "examples" / "examplia.c102")))
    text = render_report(assessment, "gap", "md").decode("utf-8")
    text += render_report(assessment, "walkthrough", "md", part="VI").decode("utf-8")
    for raw in ("employment_injury_incapacity", "family_allowances_in_part_xi", "wilful_misconduct"):
        assert raw not in text
