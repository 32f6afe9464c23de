"""Blocks written twice and values that cannot be true are positioned errors, never verdicts."""

from __future__ import annotations

from pathlib import Path

import pytest

from c102.language.load import diagnose_text
from c102.resources import data_path

HEAD = 'country "X" {\n  as_of: 2025-01-01\n}\n'
EXAMPLES = data_path("countries") / "examples"


def found(text: str) -> list[tuple[str, int, str]]:
    _, diagnostics = diagnose_text(HEAD + text, "t.c102")
    return [(d.severity, d.position.line, d.message) for d in diagnostics]


def errors(text: str) -> list[str]:
    return [m for s, _, m in found(text) if s == "error"]


def scheme(body: str, name: str = "S", branches: str = "old_age") -> str:
    return f'scheme "{name}" {{\n  branches: {branches}\n  kind: social_insurance\n{body}}}\n'


def _block(path: Path, start: str) -> str:
    """The text of the first top-level block starting with ``start`` in a bundled example."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    first = next(i for i, line in enumerate(lines) if line.startswith(start))
    last = next(i for i in range(first, len(lines)) if lines[i].startswith("}"))
    return "".join(lines[first : last + 1])


def test_a_scheme_written_twice_is_an_error_at_the_copy() -> None:
    text = (EXAMPLES / "coverage-27a-pass.c102").read_text(encoding="utf-8")
    copy = _block(EXAMPLES / "coverage-27a-pass.c102", "scheme")
    _, diagnostics = diagnose_text(text + copy, "t.c102")
    duplicates = [d for d in diagnostics if d.code == "duplicate"]
    assert len(duplicates) == 1 and duplicates[0].severity == "error"
    assert duplicates[0].position.line == len(text.splitlines()) + 1
    assert "written twice" in duplicates[0].message


def test_scheme_names_differing_only_in_case_and_spaces_are_the_same_scheme() -> None:
    assert any("written twice" in m for m in errors(scheme("") + scheme("", name="s ")))


def test_a_protected_group_pasted_twice_is_an_error() -> None:
    group = "  protected {\n    persons: 10\n    basis: residents\n  }\n"
    assert any("repeats the one at line" in m for m in errors(scheme(group + group)))


def test_two_different_groups_of_one_scheme_are_accepted() -> None:
    one = "  protected {\n    persons: 10\n    basis: residents\n  }\n"
    two = "  protected {\n    persons: 11\n    basis: residents\n  }\n"
    assert errors(scheme(one + two)) == []


def test_two_benefit_blocks_for_one_branch_are_an_error() -> None:
    benefit = "  benefit old_age {\n    rate: 40%\n  }\n"
    assert any("benefit for 'old_age' is written twice" in m for m in errors(scheme(benefit + benefit)))


def test_a_convention_written_twice_is_an_error() -> None:
    block = "convention C121 {\n  registered: 1970-01-01\n}\n"
    assert any("convention 'C121' is written twice" in m for m in errors(block + block))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "statistics 2023 {\n  residents: 1_000_000\n}\n"
            + scheme("  protected {\n    persons: 999_999_999\n    basis: economically_active\n  }\n"),
            "more than the 1_000_000 residents they are counted against",
        ),
        (
            scheme("  protected {\n    persons: 99_999_999_999\n    basis: residents\n  }\n"),
            "more than the world's population",
        ),
        (
            scheme("  benefit old_age {\n    base_rate: 90%\n    accrual_rate: 10%\n  }\n"),
            "reaches 490% of earnings after 40 years, with no max_rate",
        ),
        (
            scheme("  benefit old_age {\n    rate: 40%\n    spouse_supplement: 5000%\n  }\n"),
            "'spouse_supplement' is a share and cannot exceed 100% (got 5000%)",
        ),
        (
            "statistics 2023 {\n  skilled_wage: 0.000001 per month\n  labourer_wage: 1_000 per month\n}\n",
            "the two reference wages differ more than 20 times",
        ),
        (
            "statistics 2023 {\n  skilled_wage: 0 per month\n}\n",
            "'skilled_wage' must be more than zero",
        ),
        (
            "convention C121 {\n  registered: 2099-01-01\n}\n",
            "C121 registered on 2099-01-01, after the date the description is true of (2025-01-01)",
        ),
        (
            scheme("  benefit old_age {\n    rate: 40%\n    assessed_under: -67\n  }\n"),
            "'assessed_under: -67' is not an Article of Part XI",
        ),
    ],
)
def test_impossible_values_are_errors_at_their_position(text: str, expected: str) -> None:
    messages = found(text)
    hits = [(s, line) for s, line, m in messages if expected in m]
    assert hits and all(s == "error" and line > 3 for s, line in hits), messages


def test_an_unusual_value_is_only_a_warning() -> None:
    messages = found(scheme("  benefit old_age {\n    rate: 40%\n    child_supplement: 60%\n  }\n"))
    assert [s for s, _, m in messages if "child_supplement" in m] == ["warning"]


def test_the_limits_are_data() -> None:
    text = (data_path("rules") / "plausibility.yaml").read_text(encoding="utf-8")
    assert "max_number_digits" in text and "counted_against" in text and "assessed_under" in text


def test_protected_seafarers_above_the_group_or_the_country_are_errors() -> None:
    stats = "statistics 2024 {\n  seafarers: 1_000  source \"register\"\n}\n"

    def group(seafarers: str) -> str:
        return scheme(f'  protected {{\n    persons: 5_000\n    basis: employees\n    seafarers: {seafarers}  source "report"\n  }}\n')

    assert any("more than the 5_000 persons protected" in m for m in errors(stats + group("6_000")))
    assert any("more than the country's 1_000 seafarers" in m for m in errors(stats + group("2_000")))
    assert not [m for m in errors(stats + group("900")) if "seafarers" in m]
