"""Importing c102 and building the command line does no heavy work: heavy modules load when used."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("networkx", "jsonschema", "jinja2", "lark", "yaml", "docx", "rich", "starlette", "uvicorn", "anyio")


def test_import_and_cli_parser_load_no_heavy_module() -> None:
    code = (
        "import sys, c102, c102.cli.main; c102.cli.main.build_parser(); "
        f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    )
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert loaded == ""


def test_an_assessment_does_not_need_networkx() -> None:
    code = (
        "import sys; from c102 import load_description, assess; from c102.resources import data_path; "
        "assess(load_description(str(data_path('countries') / 'examples' / 'examplia.c102'))); "
        "print('networkx' in sys.modules)"
    )
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip() == "False"
