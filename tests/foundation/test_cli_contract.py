"""The command's promises: help everywhere, documented exit codes, no traceback for user mistakes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from c102.cli.main import SUBCOMMANDS, main

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "countries" / "examples" / "examplia.c102"


def c102(*args: str, debug: bool = False) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "C102_DEBUG"}
    if debug:
        env["C102_DEBUG"] = "1"
    return subprocess.run([sys.executable, "-m", "c102", *args], capture_output=True, text=True, env=env, cwd=ROOT)


def test_version_and_help_name_the_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.startswith("c102 ")
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "exit codes:" in out and "2  bad input" in out


@pytest.mark.parametrize("command", SUBCOMMANDS)
def test_every_subcommand_explains_itself_with_an_example(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main([command, "--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert "example:" in out and "c102 " in out


def test_a_missing_file_is_exit_2_without_traceback() -> None:
    result = c102("assess", "no-such-country.c102")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "no-such-country.c102" in result.stderr


def test_a_syntax_error_names_file_line_and_column(tmp_path: Path) -> None:
    broken = tmp_path / "broken.c102"
    broken.write_text('country "X" {\n  iso: XX\n  as_of 2025-01-01\n}\n', encoding="utf-8")
    result = c102("assess", str(broken))
    assert result.returncode == 2
    assert f"{broken}:3:" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_unknown_option_is_a_usage_error() -> None:
    result = c102("assess", "--no-such-option", str(EXAMPLE))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_debug_mode_shows_the_traceback_for_a_user_mistake() -> None:
    result = c102("assess", "no-such-country.c102", debug=True)
    assert result.returncode != 0
    assert "Traceback" in result.stderr


def test_fail_on_gap_exits_1_only_when_asked_and_an_accepted_part_fails(tmp_path: Path) -> None:
    togo = str(ROOT / "countries" / "togo.c102")  # accepted Parts V, VII, VIII and X fail
    assert c102("assess", togo).returncode == 0
    assert c102("assess", togo, "--fail-on-gap").returncode == 1
    assert c102("assess", str(EXAMPLE), "--fail-on-gap").returncode == 0  # its failing Parts are not accepted
    kenya = c102("assess", str(ROOT / "countries" / "kenya.c102"), "--fail-on-gap")  # not ratified
    assert kenya.returncode == 0, "an Article 2 undecided for lack of facts is not a gap"
    none = tmp_path / "none.c102"  # not ratified, and the law is stated to provide no benefit at all
    branches = "medical_care, sickness, unemployment, old_age, employment_injury, family, maternity"
    none.write_text(
        f'country "X" {{\n  fictional: yes\n}}\n\nabsent: {branches}, invalidity, survivors  source "Act"\n'
    )
    nothing = c102("assess", str(none), "--fail-on-gap")
    assert nothing.returncode == 1 and "no set of Parts meets Article 2" in nothing.stderr


def test_explain_an_unknown_rule_suggests_the_nearest(capsys: pytest.CaptureFixture[str]) -> None:
    result = c102("explain", str(EXAMPLE), "V-28-benefit-levl")
    assert result.returncode == 2
    assert "V-28-benefit-level" in result.stderr
