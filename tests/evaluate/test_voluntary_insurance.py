"""Article 6: voluntary insurance counts for Parts II-V, VIII (medical care only), IX and X, never
for VI or VII, and only once the conditions 6(a)-(c) are answered yes."""

from __future__ import annotations

from pathlib import Path

from c102.language.diagnose import check_file
from tests.evaluate.conftest import rule, run, scheme, statistics

ROOT = Path(__file__).resolve().parents[2]
STATS = statistics(employees=1000, residents=5000)
CHOICE = 'choices {\n  voluntary_insurance_counts: yes\n}\n'


def group(persons: int) -> str:
    return f"protected {{\n  persons: {persons}\n  basis: employees\n  dependants_covered: yes\n}}\n"


def schemes(branches: str) -> str:
    return scheme("Compulsory", branches, group(400)) + scheme(
        "Voluntary", branches, group(200), "voluntary_insurance"
    )


def answered(value: str) -> str:
    return f'answers {{\n  "I-6-voluntary-insurance": {value}\n}}\n'


def test_voluntary_insurance_answered_yes_counts_for_old_age() -> None:
    result = rule(run(STATS, schemes("old_age"), CHOICE, answered("yes")), "V-27-coverage")
    assert result.verdict == "compliant" and result.alternative == "27(a)"


def test_voluntary_insurance_answered_no_is_not_counted_and_does_not_fail_part_i() -> None:
    assessment = run(STATS, schemes("old_age"), CHOICE, answered("no"))
    assert rule(assessment, "V-27-coverage").verdict == "not_compliant"
    assert "conditions of Art 6 are not met" in rule(assessment, "V-27-coverage").explanation
    assert rule(assessment, "I-6-voluntary-insurance").verdict == "not_applicable"


def test_unanswered_conditions_leave_coverage_awaiting_the_art_6_question() -> None:
    result = rule(run(STATS, schemes("old_age"), CHOICE), "V-27-coverage")
    assert result.verdict == "needs_review"
    assert result.question is not None and "6(a)" in result.question and "6(c)" in result.question


def test_unanswered_conditions_that_could_not_change_the_verdict_ask_nothing() -> None:
    small = scheme("Compulsory", "old_age", group(100)) + scheme(
        "Voluntary", "old_age", group(100), "voluntary_insurance"
    )
    assert rule(run(STATS, small, CHOICE), "V-27-coverage").verdict == "not_compliant"


def test_voluntary_insurance_never_counts_for_family_benefit() -> None:
    result = rule(run(STATS, schemes("family"), CHOICE, answered("yes")), "VII-41-coverage")
    assert result.verdict == "not_compliant"
    assert "does not let voluntary insurance count for this Part" in result.explanation


def test_for_maternity_voluntary_insurance_is_judged_by_the_care_rules_only() -> None:
    big = scheme("Compulsory", "maternity", group(600)) + scheme(
        "Voluntary", "maternity", group(200), "voluntary_insurance"
    )
    assessment = run(STATS, big, CHOICE, answered("yes"))
    coverage = rule(assessment, "VIII-48-coverage")
    assert coverage.verdict == "compliant" and coverage.value is not None and coverage.value * 100 == 60
    assert "Voluntary" in rule(assessment, "VIII-49-care").schemes
    assert "Voluntary" not in rule(assessment, "VIII-50-benefit-level").schemes
    assert "Voluntary" not in rule(assessment, "VIII-52-duration").schemes


def test_check_warns_at_the_choice_that_voluntary_insurance_is_read_anew() -> None:
    path = ROOT / "tests" / "legal" / "art-6-voluntary-insurance-unanswered.c102"
    readings = [d for d in check_file(path) if d.code == "reading"]
    assert len(readings) == 1
    assert readings[0].severity == "warning" and "Art 6" in readings[0].message
    choice_line = next(
        i for i, line in enumerate(path.read_text().splitlines(), 1) if "voluntary_insurance_counts" in line
    )
    assert readings[0].position.line == choice_line


def test_a_description_without_voluntary_insurance_gets_no_new_reading_warning() -> None:
    path = ROOT / "tests" / "legal" / "art-27-a-two-protected-groups.c102"
    assert not [d for d in check_file(path) if d.code == "reading"]


def conditions(a: str, b: str | None, c: str) -> str:
    lines = [f'  "I-6-voluntary-insurance.6({k})": {v}\n' for k, v in (("a", a), ("b", b), ("c", c)) if v]
    return "answers {\n" + "".join(lines) + "}\n"


def test_each_condition_answered_yes_counts_the_voluntary_insurance() -> None:
    result = rule(run(STATS, schemes("old_age"), CHOICE, conditions("yes", "yes", "yes")), "V-27-coverage")
    assert result.verdict == "compliant" and result.alternative == "27(a)"


def test_one_condition_answered_no_leaves_it_out_and_names_the_condition() -> None:
    assessment = run(STATS, schemes("old_age"), CHOICE, conditions("yes", "yes", "no"))
    art6 = rule(assessment, "I-6-voluntary-insurance")
    assert art6.verdict == "not_applicable" and "Condition 6(c) answered no" in art6.explanation
    assert rule(assessment, "V-27-coverage").verdict == "not_compliant"


def test_a_no_wins_over_an_unanswered_condition() -> None:
    assessment = run(STATS, schemes("old_age"), CHOICE, conditions("no", None, "yes"))
    assert rule(assessment, "I-6-voluntary-insurance").verdict == "not_applicable"
    assert rule(assessment, "V-27-coverage").verdict == "not_compliant"


def test_unanswered_conditions_are_named_and_only_they_are_asked() -> None:
    result = rule(run(STATS, schemes("old_age"), CHOICE, conditions("yes", None, "yes")), "I-6-voluntary-insurance")
    assert result.verdict == "needs_review" and result.question is not None
    assert "6(b)" in result.question and "6(a):" not in result.question and "6(c):" not in result.question


def test_check_warns_at_the_single_answer_with_its_new_reading() -> None:
    path = ROOT / "tests" / "legal" / "art-6-single-answer.c102"
    readings = [d for d in check_file(path) if d.code == "reading" and "one by one" in d.message]
    answer_line = next(i for i, line in enumerate(path.read_text().splitlines(), 1) if '"I-6-voluntary-insurance"' in line)
    assert [d.position.line for d in readings if d.position] == [answer_line]
    assert "yes to each of 6(a), 6(b), 6(c)" in readings[0].message


def test_answering_both_ways_is_an_error_at_the_single_answer(tmp_path: Path) -> None:
    text = (ROOT / "tests" / "legal" / "art-6-single-answer.c102").read_text().replace(
        '  "I-6-voluntary-insurance": yes', '  "I-6-voluntary-insurance": yes\n  "I-6-voluntary-insurance.6(b)": no'
    )
    path = tmp_path / "both.c102"
    path.write_text(text)
    errors = [d for d in check_file(path) if d.severity == "error"]
    assert len(errors) == 1 and "condition by condition" in errors[0].message
