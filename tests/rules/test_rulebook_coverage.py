"""Every article of C102 with a requirement is cited by a rule; the others say why not."""

from __future__ import annotations

import shutil
from pathlib import Path

from c102.resources import data_path
from c102.rules.coverage import COVERED, NO_CHECKABLE_REQUIREMENT, NOT_COVERED, article_coverage, uncovered
from c102.rules.load import load_rulebook

NO_REQUIREMENT = {"1", "4", "7", "13", "19", "25", "31", "39", "46", "53", "59", "73", "74", "76", "78-87"}


def test_every_requirement_bearing_article_of_parts_ii_to_xiii_has_a_rule() -> None:
    rulebook = load_rulebook()
    entries = [e for e in article_coverage(rulebook) if e.part not in (None, "I", "XIV")]
    assert [int(e.article) for e in entries] == list(range(7, 73))
    missing = [e.article for e in entries if e.status == NOT_COVERED]
    assert missing == []
    assert uncovered(rulebook) == []


def test_the_articles_judged_without_requirement_are_listed_with_reasons() -> None:
    rulebook = load_rulebook()
    assert set(rulebook.no_checkable_requirement) == NO_REQUIREMENT
    assert all(len(reason) > 10 for reason in rulebook.no_checkable_requirement.values())
    statuses = {e.article: e.status for e in article_coverage(rulebook)}
    assert statuses["76"] == NO_CHECKABLE_REQUIREMENT and statuses["78-87"] == NO_CHECKABLE_REQUIREMENT
    assert statuses["1"] == COVERED  # Art 1(2) is cited by the care rules, though it only defines terms
    assert statuses["75"] == COVERED and statuses["77"] == COVERED and statuses["5"] == COVERED


def test_a_part_without_its_rules_is_flagged(tmp_path: Path) -> None:
    root = tmp_path / "rules"
    shutil.copytree(data_path("rules") / "c102", root / "c102")
    (root / "c102" / "part-13.yaml").unlink()
    rulebook = load_rulebook("c102", root=root)
    assert [e.article for e in uncovered(rulebook)] == ["69", "70", "71", "72"]


def test_coverage_matches_article_numbers_not_paragraphs() -> None:
    entries = {e.article: e.rules for e in article_coverage(load_rulebook(), part="VI")}
    assert "VI-36-3-commutation" in entries["36"]
    assert "VI-35-rehabilitation" in entries["34"] and "VI-35-rehabilitation" in entries["35"]
