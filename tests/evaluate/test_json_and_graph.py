"""The machine outputs: schema-valid, deterministic JSON; an acyclic graph; a traceable explanation."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from jsonschema import Draft202012Validator

from c102 import load_description
from c102.evaluate.engine import assess
from c102.evaluate.explain import explain_text
from c102.evaluate.export import to_node_link
from c102.report.writers.graph_dot import to_dot

ROOT = Path(__file__).resolve().parents[2]
BUNDLED = sorted((ROOT / "countries").glob("**/*.c102"))
EXAMPLIA = ROOT / "countries" / "examples" / "examplia.c102"


@cache
def validator() -> Draft202012Validator:
    schema = json.loads((ROOT / "c102" / "schemas" / "assessment.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def dumped(path: Path) -> str:
    return json.dumps(assess(load_description(str(path))).to_json(), indent=2, ensure_ascii=False)


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_every_bundled_assessment_matches_the_published_schema(path: Path) -> None:
    document: dict[str, Any] = json.loads(dumped(path))
    errors = sorted(validator().iter_errors(document), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]
    assert len(document["rules"]) == len({r["id"] for r in document["rules"]})


def test_the_same_description_gives_byte_identical_json() -> None:
    assert dumped(EXAMPLIA) == dumped(EXAMPLIA)


def test_percentages_are_published_in_percent() -> None:
    rules = {r["id"]: r for r in json.loads(dumped(EXAMPLIA))["rules"]}
    assert rules["V-28-benefit-level"]["threshold"] == 40
    assert rules["V-28-benefit-level"]["value"] == 49.5


def test_receipt_names_engine_rulebook_and_input() -> None:
    receipt = json.loads(dumped(EXAMPLIA))["receipt"]
    assert len(receipt["rulebook_sha256"]) == 64 and len(receipt["description_sha256"]) == 64
    assert receipt["as_of"] == "2025-01-01"


def test_the_evaluator_graph_is_a_dag_from_facts_to_article_2() -> None:
    assessment = assess(load_description(str(EXAMPLIA)))
    assert assessment.graph is not None
    graph = assessment.graph.to_networkx()
    assert nx.is_directed_acyclic_graph(graph)
    assert nx.has_path(graph, "fact:statistics.skilled_wage", "rule:V-28-benefit-level")
    assert nx.has_path(graph, "rule:V-27-coverage", "ratification")
    kinds = {data["kind"] for _, data in graph.nodes(data=True)}
    assert {"fact", "finding", "route", "rule", "part", "ratification"} <= kinds


def test_graph_exports_as_dot_and_node_link_json() -> None:
    assessment = assess(load_description(str(EXAMPLIA)))
    assert assessment.graph is not None
    dot = to_dot(assessment.graph)
    assert dot.startswith("digraph c102 {") and '"rule:V-27-coverage" -> "route:V";' in dot
    data = json.loads(to_node_link(assessment.graph))
    assert any(node["id"] == "ratification" for node in data["nodes"])


def test_graph_json_holds_plain_data_not_python_object_text() -> None:
    assessment = assess(load_description(str(EXAMPLIA)))
    assert assessment.graph is not None
    text = to_node_link(assessment.graph)
    for repr_start in ("Finding(", "Count(", "SexSplit(", "RuleResult(", "Fraction("):
        assert repr_start not in text
    nodes = {node["id"]: node for node in json.loads(text)["nodes"]}
    finding = nodes["finding:II-10-1-care@national-health-service"]
    assert finding["value"] == "compliant" and finding["scheme"] == "national-health-service"
    assert finding["explanation"].startswith("National Health Service provides")
    assert nodes["fact:statistics.employees"]["value"] == {"total": 1_600_000, "men": 950_000, "women": 650_000}
    assert nodes["rule:V-27-coverage"]["value"] in ("compliant", "not_compliant", "insufficient_data")


def test_explain_follows_a_verdict_to_sourced_facts_and_the_articles() -> None:
    text = explain_text(assess(load_description(str(EXAMPLIA))), "V-28-benefit-level")
    assert text.startswith("rule V-28-benefit-level: compliant  [Art 28(a)]")
    assert "Reference wage, Art 65: skilled manual male employee (65(6)(a))" in text
    assert "fact statistics.skilled_wage = 1000 per month  source: Wage survey 2023, fitters and turners" in text
    assert "Old-age assistance: not relied on (outside the coverage route)" in text


def test_article_2_binds_only_the_provisions_relevant_to_the_set_and_reports_the_rest() -> None:
    ratification = assess(load_description(str(EXAMPLIA))).ratification
    assert ratification.meets_article_2 and ratification.verdict == "compliant"
    relevant = ratification.relevant_provisions
    assert relevant["parts"] == ["II", "III", "VII", "VIII"]  # VI ended by C121 (Art 75)
    assert "Old-age assistance" not in relevant["schemes"]
    assert relevant["failing"] == []
    assert relevant["outside"] == ["XIII-70-appeal (Old-age assistance)"]
    assert "reported, not binding" in ratification.explanation
