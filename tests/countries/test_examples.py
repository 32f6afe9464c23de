"""The teaching examples are fictional, short, and reach the verdict their header announces."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from _country_library import example_files, ids

from c102.evaluate.verdict import COMPLIANT, NOT_COMPLIANT

EXPECTED = re.compile(r"^# Expected: (?P<rule>[IVX]+-[0-9][0-9a-z-]*) (?P<verdict>[a-z_]+)$", re.MULTILINE)


def expected(path: Path) -> tuple[str, str]:
    found = EXPECTED.findall(path.read_text(encoding="utf-8"))
    assert len(found) == 1, f"{path.name} needs exactly one '# Expected: <rule-id> <verdict>' line"
    rule, verdict = found[0]
    return rule, verdict


@pytest.mark.parametrize("path", example_files(), ids=ids(example_files()))
def test_example_header(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# FICTIONAL teaching example"), "the first line says the example is fictional"
    assert len(text.splitlines()) < 60
    assert expected(path)[1] in (COMPLIANT, NOT_COMPLIANT)


def test_examples_come_in_pass_fail_pairs() -> None:
    """Each rule shown has at least one passing and one failing example."""
    by_rule: dict[str, set[str]] = {}
    for path in example_files():
        rule, verdict = expected(path)
        by_rule.setdefault(rule, set()).add(verdict)
    assert len(by_rule) >= 5
    for rule, verdicts in by_rule.items():
        assert verdicts == {COMPLIANT, NOT_COMPLIANT}, rule


@pytest.mark.parametrize("path", example_files(), ids=ids(example_files()))
def test_example_reaches_expected_verdict(path: Path) -> None:
    from c102.evaluate.engine import assess
    from c102.language.load import load_description
    from c102.rules.load import load_rulebook

    rule_id, verdict = expected(path)
    rulebook_ids = {rule.id for rule in load_rulebook().rules}
    assert rule_id in rulebook_ids, f"{rule_id} is not a rule of rules/c102"
    result = assess(load_description(path)).rule(rule_id)
    assert result.verdict == verdict, result.explanation
