"""The smallest change that closes each gap: found exactly, at the fact's written precision, and
verified — the value reported closes the gap, one step less does not."""

from __future__ import annotations

import json
from decimal import Decimal
from functools import cache
from pathlib import Path

import jsonschema
import pytest

import c102
from c102.cli.main import main
from c102.evaluate.engine import assess
from c102.language.load import load_description
from c102.model.values import Money, Percent
from c102.reform.closing import Closing, smallest_changes
from c102.reform.paths import resolve, with_fact
from c102.reform.workbench import Workbench
from c102.resources import data_path

CEILING_FAIL = str(data_path("countries") / "examples" / "ceiling-fail.c102")
BENEFIT = 'scheme."Old-age insurance".benefit.old_age.'


@cache
def closings() -> dict[str, list[Closing]]:
    return smallest_changes(Workbench(load_description(CEILING_FAIL)))


def verdict_with(path: str, value: object) -> str:
    bench = Workbench(load_description(CEILING_FAIL))
    fact_path = resolve(bench.original, path)
    changed, _, _ = with_fact(bench.original, fact_path, bench.fact_for(fact_path, value))
    return assess(changed).rule("V-28-benefit-level").verdict


def test_the_ceiling_that_closes_the_benefit_level_gap_is_found_exactly() -> None:
    ceiling = next(c for c in closings()["V-28-benefit-level"] if c.path.endswith("ceiling"))
    assert ceiling.text == "raise the ceiling (Old-age insurance, old age benefit) from 800 per month to 888.89 per month"
    assert ceiling.exact == "8000/9 (= 888.888889…)"


@pytest.mark.parametrize(
    ("field", "closes", "one_step_less"),
    [
        ("ceiling", Money(Decimal("888.89"), "month"), Money(Decimal("888.88"), "month")),
        ("rate", Percent(Decimal("50")), Percent(Decimal("49.99"))),
    ],
)
def test_the_reported_value_closes_the_gap_and_one_step_less_does_not(field: str, closes: object, one_step_less: object) -> None:
    found = {c.path: c for c in closings()["V-28-benefit-level"]}
    assert BENEFIT + field in found
    assert verdict_with(BENEFIT + field, closes) == "compliant"
    assert verdict_with(BENEFIT + field, one_step_less) == "not_compliant"


def test_assess_lists_smallest_changes_in_text_and_schema_valid_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["assess", CEILING_FAIL, "--smallest-changes"]) == 0
    assert "smallest change: raise the rate (Old-age insurance, old age benefit) from 45% to 50%" in capsys.readouterr().out
    assert main(["assess", CEILING_FAIL, "--smallest-changes", "--format", "json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    schema = json.loads((Path(c102.__file__).parent / "schemas" / "assessment.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(payload, schema)
    rule = next(r for r in payload["rules"] if r["id"] == "V-28-benefit-level")
    assert {c["to"] for c in rule["smallest_changes"]} >= {"888.89 per month", "50%"}
