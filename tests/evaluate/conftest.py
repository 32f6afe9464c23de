"""Small descriptions written for one rule each, assessed against the real rulebook."""

from __future__ import annotations

from textwrap import dedent, indent

from c102.evaluate.assessment import Assessment
from c102.evaluate.engine import assess
from c102.evaluate.verdict import RuleResult
from c102.language.load import parse_text

HEADER = """\
country "Testland" {
  iso: TL
  as_of: 2025-01-01
  currency: TLD
  fictional: yes
}
"""


def statistics(**facts: object) -> str:
    lines = "".join(f"  {k}: {v}\n" for k, v in facts.items())
    return f"statistics 2023 {{\n{lines}}}\n"


def scheme(name: str, branches: str, body: str, kind: str = "social_insurance") -> str:
    inner = indent(dedent(body).strip("\n"), "  ")
    return f'scheme "{name}" {{\n  branches: {branches}\n  kind: {kind}\n{inner}\n}}\n'


def protected(persons: int | str, basis: str = "employees") -> str:
    return f"protected {{\n  persons: {persons}\n  basis: {basis}\n}}\n"


def run(*blocks: str) -> Assessment:
    return assess(parse_text(HEADER + "".join(blocks), "test.c102"))


def rule(assessment: Assessment, rule_id: str) -> RuleResult:
    return assessment.rule(rule_id)
