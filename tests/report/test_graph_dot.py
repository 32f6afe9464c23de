"""`c102 graph` DOT: real line breaks, a human label on every node, clusters per Part, one verdict's subgraph."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from c102.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
EXAMPLIA = str(ROOT / "countries" / "examples" / "examplia.c102")
READY = importlib.util.find_spec("c102.evaluate.engine") is not None
pytestmark = pytest.mark.skipif(not READY, reason="the evaluator is not in this build")


def test_labels_are_human_with_real_line_breaks_and_parts_are_clusters(tmp_path: Path) -> None:
    out = tmp_path / "g.dot"
    assert main(["graph", EXAMPLIA, "-o", str(out)]) == 0
    text = out.read_text()
    assert "Finding(" not in text and "RuleResult(" not in text and "Count(" not in text
    assert "\\\\n" not in text  # no double-escaped line break
    assert 'label="Persons protected\\nArt 27(a)\\ncompliant"' in text
    assert 'subgraph "cluster_V"' in text and 'subgraph "cluster_II"' in text


def test_rule_and_part_cut_the_graph_to_one_verdict(tmp_path: Path) -> None:
    whole, rule, part = (tmp_path / n for n in ("all.dot", "rule.dot", "part.dot"))
    assert main(["graph", EXAMPLIA, "-o", str(whole)]) == 0
    assert main(["graph", EXAMPLIA, "--rule", "V-27-coverage", "-o", str(rule)]) == 0
    assert main(["graph", EXAMPLIA, "--part", "v", "-o", str(part)]) == 0
    sizes = [p.read_text().count("label=") for p in (rule, part, whole)]
    assert sizes[0] < sizes[1] < sizes[2]
    assert "cluster_II" not in rule.read_text()


def test_unknown_rule_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["graph", EXAMPLIA, "--rule", "V-99-nothing"]) == 2
    assert "rule ids look like" in capsys.readouterr().err
