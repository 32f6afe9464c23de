"""Rates written as laws write them (``1/60`` of earnings, ``4/3%``) are kept exact from the text
to the model, back to the text, through the YAML/JSON form and into the Part XI arithmetic."""

from __future__ import annotations

import json
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
import yaml

from c102.errors import DescriptionError
from c102.language.canonical import format_description, to_dict
from c102.language.load import load_description, parse_text

TEXT = """country "Fractia" {
  fictional: yes
}

scheme "Pensions" {
  branches: old_age
  kind: social_insurance
  benefit old_age {
    form: periodic
    accrual_rate: 1/60  source "Act, s. 1"
    max_rate: 4/3%
    spouse_supplement: 10/3%
  }
}
"""


def _benefit(text: str = TEXT):  # type: ignore[no-untyped-def]
    return parse_text(text, "f.c102").scheme[0].benefit[0]


def test_a_share_of_one_is_read_as_that_exact_percentage() -> None:
    accrual = _benefit().accrual_rate
    assert accrual is not None
    assert accrual.value.fraction == Fraction(1, 60)
    assert str(accrual.value) == "1/60"


def test_a_fraction_of_a_percent_stays_exact() -> None:
    cap = _benefit().max_rate
    assert cap is not None
    assert cap.value.fraction == Fraction(4, 300)
    assert str(cap.value) == "4/3%"


def test_fmt_writes_fractions_back_as_the_law_writes_them() -> None:
    assert format_description(parse_text(TEXT, "f.c102")) == TEXT


@pytest.mark.parametrize("dump", [yaml.safe_dump, json.dumps], ids=["yaml", "json"])
def test_yaml_and_json_forms_keep_the_fraction(tmp_path: Path, dump) -> None:  # type: ignore[no-untyped-def]
    original = parse_text(TEXT, "f.c102")
    path = tmp_path / ("f.yaml" if dump is yaml.safe_dump else "f.json")
    path.write_text(dump(to_dict(original)), encoding="utf-8")
    again = load_description(path)
    assert again == original
    assert again.scheme[0].benefit[0].accrual_rate.value.fraction == Fraction(1, 60)  # type: ignore[union-attr]


def test_a_decimal_rate_is_unchanged() -> None:
    rate = _benefit(TEXT.replace("1/60", "1.5%")).accrual_rate
    assert rate is not None and rate.value.value == Decimal("1.5") and not rate.value.share


def test_a_zero_denominator_is_an_error_at_the_value() -> None:
    with pytest.raises(DescriptionError) as raised:
        parse_text(TEXT.replace("1/60", "1/0"), "f.c102")
    diagnostic = raised.value.diagnostics[0]
    assert "divides by zero" in diagnostic.message
    assert (diagnostic.position.line, diagnostic.position.column) == (10, 19)  # type: ignore[union-attr]


def test_the_accrual_is_computed_exactly() -> None:
    from c102.evaluate.engine import assess

    legal = Path(__file__).parents[1] / "legal" / "art-65-exact-fraction-percent.c102"
    text = legal.read_text(encoding="utf-8").replace("form: periodic", "form: periodic\n    spouse_supplement: 10/3%")
    assessment = assess(parse_text(text, "f.c102"))
    rule = next(r for r in assessment.rules if r.id == "V-28-benefit-level")
    # 30 years x 4/3% = 40% exactly, plus the 10/3% spouse supplement of that benefit.
    assert rule.value == Fraction(40, 100) * (1 + Fraction(10, 300))
