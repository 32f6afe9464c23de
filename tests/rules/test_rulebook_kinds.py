"""Every kind of the contract is used by at least one well-formed rule of the real rulebook."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from c102.resources import data_path
from c102.rules.load import load_rulebook
from c102.rules.schema import _inline


def _schema() -> dict[str, Any]:
    with (data_path("rules") / "schema.json").open(encoding="utf-8") as handle:
        schema: dict[str, Any] = json.load(handle)
    return schema


def _kind_params_schemas() -> dict[str, dict[str, Any]]:
    """The params schema of each kind, taken from the rule definition's if/then clauses."""
    schema = _schema()
    defs = schema["$defs"]
    out: dict[str, dict[str, Any]] = {}
    for clause in defs["rule"]["allOf"]:
        kind = clause["if"]["properties"]["kind"].get("const")
        params = clause["then"].get("properties", {}).get("params")
        if kind and params is not None:
            out[kind] = _inline(params, defs)
    return out


KIND_SCHEMAS = _kind_params_schemas()


def _documented_kinds() -> set[str]:
    """Kinds named in docs/rule-kinds.md: the `### `kind`` headings and the Part I list items."""
    text = (data_path("rules").parent / "docs" / "rule-kinds.md").read_text(encoding="utf-8")
    headings = re.findall(r"^### `([a-z_0-9]+)`", text, flags=re.M)
    items = re.findall(r"^- `([a-z_0-9]+)` — ", text, flags=re.M)
    return set(headings) | set(items)


def test_schema_kinds_are_exactly_the_documented_kinds() -> None:
    enum = set(_schema()["$defs"]["rule"]["properties"]["kind"]["enum"])
    assert enum == _documented_kinds()
    assert set(KIND_SCHEMAS) == enum


@pytest.mark.parametrize("kind", sorted(KIND_SCHEMAS))
def test_real_rulebook_has_a_well_formed_rule_of_each_kind(kind: str) -> None:
    rules = [r for r in load_rulebook().rules if r.kind == kind]
    assert rules, f"no rule of kind {kind}"
    validator = Draft202012Validator(
        {"$schema": "https://json-schema.org/draft/2020-12/schema", **KIND_SCHEMAS[kind]}
    )
    for rule in rules:
        errors = [e.message for e in validator.iter_errors(rule.params)]
        assert not errors, (rule.id, errors)
        assert rule.articles and rule.title and rule.summary and rule.topic


def test_a_params_schema_rejects_what_it_should() -> None:
    validator = Draft202012Validator(KIND_SCHEMAS["coverage"])
    bad = {
        "alternatives": [
            {"id": "27(a)", "counts": ["employees"], "denominator": "employees", "threshold": 101}
        ]
    }
    assert list(validator.iter_errors(bad))
    no_denominator = {"alternatives": [{"id": "27(a)", "counts": ["employees"], "threshold": 50}]}
    assert list(validator.iter_errors(no_denominator))


def test_kinds_that_can_need_review_carry_a_question() -> None:
    for rule in load_rulebook().rules:
        needs = rule.kind in {
            "judgment",
            "pensionable_age",
            "commutation",
            "review_of_rates",
            "equal_treatment",
        }
        needs = needs or (rule.kind == "cost_sharing" and rule.params["permitted"])
        if needs:
            assert rule.question and rule.question.endswith("?"), rule.id
