"""The bundled rulebook and ratification records are schema-checked here, not on every run.

Ordinary runs trust the bundled data (a cold start would otherwise spend most of its time in
jsonschema); these tests are what makes that trust safe.
"""

from __future__ import annotations

import pytest

from c102.cli.main import main
from c102.errors import RulebookError
from c102.model.ratifications import parse_ratifications, ratifications_path
from c102.resources import data_path
from c102.rules.load import _load, load_rulebook


def test_bundled_rulebook_passes_its_schema() -> None:
    rulebook = _load(data_path("rules"), "c102", check_schema=True)
    assert rulebook.rules


def test_bundled_ratifications_pass_their_schema() -> None:
    path = ratifications_path()
    records = parse_ratifications(path.read_text(encoding="utf-8"), path, validate=True)
    assert records


def test_a_rulebook_from_another_folder_is_schema_checked(tmp_path: pytest.TempPathFactory) -> None:
    import shutil
    from pathlib import Path

    root = Path(str(tmp_path)) / "rules"
    shutil.copytree(data_path("rules"), root)
    part = root / "c102" / "part-05.yaml"
    part.write_text(part.read_text(encoding="utf-8").replace("kind:", "kindd:", 1), encoding="utf-8")
    with pytest.raises(RulebookError) as raised:
        load_rulebook("c102", root)
    assert any("part-05.yaml" in d.position.file for d in raised.value.diagnostics)


def test_c102_rules_validate_checks_the_bundled_rulebook(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "--validate", "--part", "V"]) == 0
    assert "V-" in capsys.readouterr().out


def test_an_ordinary_run_does_not_import_jsonschema() -> None:
    import subprocess
    import sys

    probe = (
        "import sys\n"
        "from c102 import assess, load_description\n"
        "from c102.resources import data_path\n"
        "assess(load_description(str(data_path('countries') / 'togo.c102')))\n"
        "print('jsonschema' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
