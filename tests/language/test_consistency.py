"""Units, references and impossible values: what makes a description not make sense."""

from __future__ import annotations

import pytest

from c102.errors import DescriptionError
from c102.language.load import diagnose_text, parse_text
from c102.language.rulebook_checks import missing_fact_warnings, rulebook_references
from c102.resources import data_path

HEAD = 'country "X" {\n  as_of: 2025-01-01\n}\n'


def messages(text: str) -> list[tuple[str, int, str]]:
    _, diagnostics = diagnose_text(HEAD + text, "t.c102")
    return [(d.severity, d.position.line, d.message) for d in diagnostics]


def scheme(body: str, branches: str = "old_age") -> str:
    return f'scheme "S" {{\n  branches: {branches}\n  kind: social_insurance\n{body}}}\n'


def test_a_wage_must_be_money_per_period() -> None:
    found = messages("statistics 2023 {\n  skilled_wage: 1_000\n}\n")
    assert found == [("error", 5, "'skilled_wage' must be an amount per period, e.g. 1_000 per month")]


def test_a_qualifying_period_must_be_a_duration() -> None:
    found = messages(scheme("  qualifying_period {\n    length: 2026-01-01\n    kind: residence\n  }\n"))
    assert found == [("error", 8, "expected a duration, e.g. 15 years, got 2026-01-01")]


def test_branches_must_be_served_by_the_scheme() -> None:
    body = "  qualifying_period {\n    length: 1 years\n    kind: residence\n    branches: sickness\n  }\n"
    body += "  benefit family {\n  }\n"
    found = messages(scheme(body))
    assert [m for _, _, m in found] == [
        "this qualifying period names branch 'sickness', which scheme 'S' does not serve",
        "benefit for 'family', which scheme 'S' does not serve",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "statistics 2023 {\n  residents: -5\n}\n",
            "'residents' is a number of persons and cannot be negative",
        ),
        (
            "statistics 2023 {\n  residents: 10\n  economically_active: 20\n}\n",
            "'economically_active' (20) is more than 'residents' (10) it is part of",
        ),
        (
            "statistics 2023 {\n  children_of_residents: 10\n  children_of_protected: 20\n}\n",
            "'children_of_protected' (20) is more than 'children_of_residents' (10) it is part of",
        ),
        (
            scheme("  invalidity_degree: 101%\n"),
            "'invalidity_degree' is a share and cannot exceed 100% (got 101%)",
        ),
        (
            scheme("  financing {\n    employer_rate: -1%\n  }\n"),
            "'employer_rate' is a percentage and cannot be negative",
        ),
        (
            "ratification {\n  registered: 2026-01-01\n}\n",
            "registered on 2026-01-01, after the date the description is true of (2025-01-01)",
        ),
        (
            "convention C121 {\n  registered: 1960-01-01\n}\n",
            "C121 was adopted on 1964-07-08; it cannot have been registered on 1960-01-01",
        ),
        (
            "statistics 2023 {\n  employees: 100\n}\n"
            + scheme("  protected {\n    persons: 101\n    basis: employees\n  }\n"),
            "101 persons protected, more than the 100 employees they are counted against",
        ),
    ],
)
def test_impossible_values_are_errors(text: str, expected: str) -> None:
    assert ("error", expected) in [(s, m) for s, _, m in messages(text)]


def test_warnings_do_not_stop_loading() -> None:
    text = HEAD + "statistics 2023 {\n  employees: 10 (men 4, women 5)\n}\n"
    description, diagnostics = diagnose_text(text, "t.c102")
    assert description is not None
    assert [d.severity for d in diagnostics] == ["warning"]
    assert parse_text(text).statistics.employees.value.total == 10


def test_errors_stop_loading() -> None:
    with pytest.raises(DescriptionError) as raised:
        parse_text(HEAD + scheme("  benefit family {\n  }\n"))
    assert raised.value.diagnostics[0].code == "reference"


def test_answers_must_name_rules_of_the_rulebook() -> None:
    pytest.importorskip("c102.rules.load")
    description = parse_text(
        HEAD + 'answers {\n  "II-10-cost-sharing-hardshp": yes\n}\nchoices {\n  nope: yes\n}\n'
    )
    found = rulebook_references(description)
    assert [d.message for d in found] == [
        "'II-10-cost-sharing-hardshp' is not a rule id of the rulebook",
        "'nope' is not a choice of the rulebook",
    ]
    assert found[0].hint == "did you mean 'II-10-cost-sharing-hardship'?"


def test_examplia_references_are_all_known() -> None:
    pytest.importorskip("c102.rules.load")
    from c102.language.load import load_description

    assert rulebook_references(load_description(data_path("countries") / "examples" / "examplia.c102")) == []


def test_missing_facts_become_warnings_at_the_block_they_belong_in() -> None:
    text = HEAD + scheme("")
    scheme_line = (
        text.splitlines().index(next(line for line in text.splitlines() if line.startswith("scheme "))) + 1
    )
    warnings = missing_fact_warnings(parse_text(text))
    assert warnings, "a scheme with no facts leaves rules undecided"
    assert {(w.severity, w.code) for w in warnings} == {("warning", "missing-fact")}
    assert all("cannot be decided: missing" in w.message for w in warnings)
    at_scheme = [w for w in warnings if w.position.line == scheme_line]
    assert at_scheme and all("scheme." in w.message for w in at_scheme)
    assert {w.position.line for w in warnings} <= {1, scheme_line}  # the rest, without a block, at country


def test_an_article_3_exception_the_rulebook_does_not_list_is_a_reference_error() -> None:
    from c102.language.rulebook_checks import rulebook_references

    description = parse_text(HEAD + "article_3 {\n  in_force: yes\n  exceptions: 9(a)\n}\n")
    found = [(d.severity, d.message, d.hint) for d in rulebook_references(description)]
    assert ("error", "'9(a)' is not a temporary exception of Art 3(1)", "did you mean '9(d)'?") in found


def test_a_branch_stated_absent_and_served_by_a_scheme_is_an_error_at_the_branch_word() -> None:
    text = 'absent: unemployment, old_age  source "Act"\n' + scheme("")
    _, diagnostics = diagnose_text(HEAD + text, "t.c102")
    assert [(d.position.line, d.position.column, d.message) for d in diagnostics] == [
        (4, 23, 'old age is stated absent, but scheme "S" at line 5 serves it')
    ]


def test_a_branch_stated_absent_twice_is_an_error() -> None:
    text = 'absent: family  source "Act"\nabsent: sickness, family  source "Other act"\n'
    _, diagnostics = diagnose_text(HEAD + text, "t.c102")
    assert [(d.position.line, d.position.column, d.message) for d in diagnostics] == [
        (5, 19, "family is stated absent twice (first at line 4)")
    ]


def test_absent_lines_may_repeat_each_with_its_own_source() -> None:
    text = 'absent: family  source "Act 1"\nabsent: sickness, unemployment  source "Act 2"\n'
    description = parse_text(HEAD + text, "t.c102")
    assert [(f.value, f.source) for f in description.absent] == [
        (["family"], "Act 1"),
        (["sickness", "unemployment"], "Act 2"),
    ]
    assert description.absence("unemployment") is description.absent[1]
    assert description.absence("old_age") is None


def test_absent_names_branch_words_only() -> None:
    found = messages("absent: unemploymnet\n")
    assert found[0][2].startswith("unknown value 'unemploymnet'")
