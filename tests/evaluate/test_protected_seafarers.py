"""Article 77: seafarers taken out of a population are taken out of the persons protected too;
unstated, they leave an alternative unknown only where they could tip it."""

from __future__ import annotations

from pathlib import Path

from c102.language.diagnose import check_file
from tests.evaluate.conftest import HEADER, rule, run, scheme, statistics

ROOT = Path(__file__).resolve().parents[2]
EXCLUDED = HEADER.replace("  fictional: yes\n", "  fictional: yes\n  seafarers_excluded: yes\n")


def group(persons: int, seafarers: int | None = None) -> str:
    stated = f"  seafarers: {seafarers}\n" if seafarers is not None else ""
    return f"protected {{\n  persons: {persons}\n  basis: employees\n{stated}}}\n"


def assess(stats: str, *schemes: str, header: str = EXCLUDED):
    from c102.evaluate.engine import assess as run_assess
    from c102.language.load import parse_text

    return run_assess(parse_text(header + stats + "".join(schemes), "test.c102"))


def test_protected_seafarers_are_not_taken_out_where_the_population_keeps_them() -> None:
    # Art 77(2) is used but the number of seafarers is not given: the employees keep theirs, so do the groups.
    stats = statistics(employees=100_000, residents=1_000_000)
    result = rule(assess(stats, scheme("Pensions", "old_age", group(50_000, 3_000))), "V-27-coverage")
    assert result.verdict == "compliant" and "protected seafarers" not in result.explanation


def test_protected_seafarers_are_not_taken_out_where_art_77_2_is_not_used() -> None:
    stats = statistics(employees=100_000, residents=1_000_000, seafarers=5_000)
    result = rule(run(stats, scheme("Pensions", "old_age", group(50_000, 3_000))), "V-27-coverage")
    assert result.verdict == "compliant" and result.value is not None and result.value * 100 == 50


def test_unstated_protected_seafarers_that_cannot_tip_the_share_leave_it_settled() -> None:
    stats = statistics(employees=100_000, residents=1_000_000, seafarers=5_000)
    result = rule(assess(stats, scheme("Pensions", "old_age", group(80_000))), "V-27-coverage")
    assert result.verdict == "compliant" and result.alternative == "27(a)"


def test_unstated_protected_seafarers_name_the_fact_of_each_group() -> None:
    stats = statistics(employees=100_000, residents=1_000_000, seafarers=5_000)
    two = scheme("Pensions", "old_age", group(30_000) + group(20_000))
    result = rule(assess(stats, two), "V-27-coverage")
    assert result.verdict == "insufficient_data"
    assert any(m.startswith("scheme.pensions.protected.seafarers") for m in result.missing)
    assert any(m.startswith("scheme.pensions.protected[1].seafarers") for m in result.missing)


def test_check_warns_at_each_group_that_does_not_state_its_seafarers() -> None:
    path = ROOT / "tests" / "legal" / "art-77-protected-seafarers-unstated.c102"
    readings = [d for d in check_file(path) if d.code == "reading" and "Art 77" in d.message]
    line = next(i for i, text in enumerate(path.read_text().splitlines(), 1) if "protected {" in text)
    assert len(readings) == 1 and readings[0].position.line == line
    stated = ROOT / "tests" / "legal" / "art-77-protected-seafarers.c102"
    assert not [d for d in check_file(stated) if d.code == "reading" and "Art 77" in d.message]


def test_no_smallest_change_proposes_fewer_protected_seafarers() -> None:
    from c102.language.load import load_description
    from c102.reform.closing import closings_for

    closings = closings_for(load_description(ROOT / "tests" / "legal" / "art-77-protected-seafarers.c102"))
    paths = [c.path for found in closings.values() for c in found]
    assert any(p.endswith("protected[0].persons") for p in paths)
    assert not any(p.endswith("seafarers") for p in paths)
