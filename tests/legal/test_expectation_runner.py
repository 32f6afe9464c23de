"""`c102 test` itself: a failing expectation fails (exit 1) with a diff, bad files are positioned errors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from c102.testing.values import parse_value

ROOT = Path(__file__).resolve().parents[2]
CASE = ROOT / "tests" / "legal" / "art-29-2-reduced-after-fifteen.c102"


def c102_test(*paths: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "c102", "test", *map(str, paths)], capture_output=True, text=True, cwd=ROOT
    )


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def one_case(expect: str, description: Path = CASE) -> str:
    return f"title: t\narticle: Art 28\nwhy: w\ndescription: {description}\nexpect:\n{expect}"


def test_holding_expectations_pass_with_exit_0(tmp_path: Path) -> None:
    path = write(tmp_path, "ok.yaml", one_case("  - rule: V-28-benefit-level\n    verdict: compliant\n    value: 45%\n"))
    result = c102_test(path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "1 passed, 0 failed"
    assert result.stdout.startswith("PASS ")


def test_a_wrong_verdict_fails_with_exit_1_and_shows_expected_got_and_the_explanation(tmp_path: Path) -> None:
    path = write(tmp_path, "wrong.yaml", one_case("  - rule: V-28-benefit-level\n    verdict: not_compliant\n"))
    result = c102_test(path)
    assert result.returncode == 1
    out = result.stdout
    assert out.startswith("FAIL ")
    assert f"{path}:6:5: rule V-28-benefit-level" in out
    assert "- verdict: not_compliant" in out and "+ verdict: compliant" in out
    assert "explanation: Old age" in out
    assert out.splitlines()[-1] == "0 passed, 1 failed"


def test_a_value_is_compared_exactly(tmp_path: Path) -> None:
    near = one_case("  - rule: V-28-benefit-level\n    verdict: compliant\n    value: 45.0001%\n")
    result = c102_test(write(tmp_path, "near.yaml", near))
    assert result.returncode == 1
    assert "+ value: 45%" in result.stdout


def test_part_and_article_2_expectations_are_checked(tmp_path: Path) -> None:
    text = one_case("  - part: V\n    verdict: compliant\n  - article2: met\n")
    result = c102_test(write(tmp_path, "part.yaml", text))
    assert result.returncode == 1
    assert "- article2: met" in result.stdout and "+ article2: not_met" in result.stdout
    assert "part V" in result.stdout


def test_several_cases_in_one_file_share_the_description(tmp_path: Path) -> None:
    text = (
        f"description: {CASE}\nfictional: yes\ncases:\n"
        "  - {title: a, article: Art 28, why: w, expect: [{rule: V-28-benefit-level, verdict: compliant}]}\n"
        "  - {title: b, article: Art 28, why: w, expect: [{rule: V-28-benefit-level, verdict: needs_review}]}\n"
    )
    result = c102_test(write(tmp_path, "two.yaml", text))
    assert result.returncode == 1
    assert result.stdout.splitlines()[-1] == "1 passed, 1 failed"


def test_a_bad_verdict_is_a_positioned_schema_error_with_exit_2(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.yaml", one_case("  - rule: V-28-benefit-level\n    verdict: complaint\n"))
    result = c102_test(path)
    assert result.returncode == 2
    assert f"{path}:7:14: error:" in result.stderr
    assert "expected one of: compliant" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_unknown_rule_id_is_bad_input_with_a_suggestion(tmp_path: Path) -> None:
    path = write(tmp_path, "typo.yaml", one_case("  - rule: V-28-benefit-levl\n    verdict: compliant\n"))
    result = c102_test(path)
    assert result.returncode == 2
    assert f"{path}:6:5: error: rule 'V-28-benefit-levl' is not in the rulebook" in result.stderr
    assert "did you mean V-28-benefit-level" in result.stderr


def test_a_missing_description_points_at_the_description_line(tmp_path: Path) -> None:
    path = write(tmp_path, "nodesc.yaml", one_case("  - part: V\n    verdict: compliant\n", tmp_path / "no.c102"))
    result = c102_test(path)
    assert result.returncode == 2
    assert f"{path}:4:14: error: description" in result.stderr


def test_yaml_syntax_errors_and_unreadable_values_are_positioned(tmp_path: Path) -> None:
    broken = write(tmp_path, "broken.yaml", "title: t\nexpect: [\n  - rule: x\n")
    assert f"{broken}:3:3: error: YAML syntax" in c102_test(broken).stderr
    value = write(
        tmp_path, "value.yaml", one_case("  - rule: V-28-benefit-level\n    verdict: compliant\n    value: lots\n")
    )
    result = c102_test(value)
    assert result.returncode == 2
    assert f"{value}:8:12: error: value 'lots'" in result.stderr


def test_a_folder_skips_yaml_descriptions_and_finds_expectation_files(tmp_path: Path) -> None:
    write(tmp_path, "country.yaml", "country:\n  name: X\n")
    write(tmp_path, "ok.yaml", one_case("  - rule: V-28-benefit-level\n    verdict: compliant\n"))
    result = c102_test(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[-1] == "1 passed, 0 failed"


@pytest.mark.parametrize(
    ("written", "number", "unit"),
    [("45%", 45, "percent"), ("4/3%", 4 / 3, "percent"), ("1/60", 1 / 60, None), ("30 years", 30, "years"),
     ("1 418 059", 1418059, None), (49.5, 49.5, None)],
)
def test_values_are_read_as_laws_write_them(written: str | float, number: float, unit: str | None) -> None:
    parsed = parse_value(written)
    assert parsed is not None
    assert float(parsed.number) == pytest.approx(number) and parsed.unit == unit


def test_fractions_stay_exact() -> None:
    parsed = parse_value("4/3%")
    assert parsed is not None and parsed.number.denominator == 3
