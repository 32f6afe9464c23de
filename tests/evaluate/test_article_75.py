"""Article 75: a later Convention ends the C102 Parts it names from the date it comes into force
for the State; C168 ends Part IV; ceased Parts come from the description or the ratification
record."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from c102.evaluate.engine import assess
from c102.evaluate.kinds.general import _add_months
from c102.language.diagnose import check_file
from c102.language.load import parse_text
from tests.evaluate.conftest import HEADER, rule, run

RULE = "XIV-75-later-conventions"


def convention(name: str, registered: str) -> str:
    return f'convention {name} {{\n  registered: {registered}  source "Instrument of ratification"\n}}\n'


def test_c168_in_force_ends_part_iv() -> None:
    assessment = run(convention("C168", "2020-01-10"))
    assert assessment.ratification.ceased_parts == {"IV": "C168"}
    assert assessment.parts["IV"].ceased_by == "C168"


def test_a_convention_in_force_twelve_months_after_registration_ends_the_part_on_that_day() -> None:
    on_the_day = run(convention("C168", "2024-01-01"))  # as_of 2025-01-01
    assert on_the_day.ratification.ceased_parts == {"IV": "C168"}
    a_day_short = run(convention("C168", "2024-01-02"))
    assert a_day_short.ratification.ceased_parts == {}
    assert "2025-01-02" in rule(a_day_short, RULE).explanation


def test_a_convention_registered_after_the_description_date_is_an_error_at_its_date(tmp_path: Path) -> None:
    path = tmp_path / "late.c102"
    path.write_text(HEADER + convention("C121", "2025-03-01"), encoding="utf-8")
    errors = [d for d in check_file(path) if d.severity == "error"]
    assert len(errors) == 1 and errors[0].position.line == 8 and "C121" in errors[0].message


def test_c168_is_a_convention_that_ends_a_part(tmp_path: Path) -> None:
    path = tmp_path / "c168.c102"
    path.write_text(HEADER + convention("C168", "2020-01-10"), encoding="utf-8")
    assert not [d for d in check_file(path) if "not a Convention that ends" in d.message]


def test_the_ratification_record_supplies_ceased_parts_the_description_does_not_state() -> None:
    text = 'country "Netherlands" {\n  iso: NL\n  as_of: 2025-01-01\n}\n'
    assessment = assess(parse_text(text, "nl.c102"))
    # countries/ratifications.yaml: C130 ended III, C121 VI, C128 V, IX and X.
    assert assessment.ratification.ceased_parts == {
        "III": "C130",
        "V": "C128",
        "VI": "C121",
        "IX": "C128",
        "X": "C128",
    }


def test_months_are_added_to_the_last_day_of_a_shorter_month() -> None:
    assert _add_months(dt.date(2023, 1, 31), 1) == dt.date(2023, 2, 28)
    assert _add_months(dt.date(2023, 12, 15), 12) == dt.date(2024, 12, 15)
