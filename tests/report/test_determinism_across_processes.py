"""Same inputs, same bytes, whatever the hash seed and the time zone of the process."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

from c102.resources import data_path

_RENDER = """
import hashlib, sys
from c102.language.load import load_description
from c102.evaluate.engine import assess
from c102.report.output import render_report
assessment = assess(load_description(sys.argv[1]))
for kind, fmt, part in [("gap", "md", None), ("gap", "html", None), ("gap", "docx", None),
                        ("gap", "json", None), ("article22", "md", None), ("walkthrough", "html", "V")]:
    data = render_report(assessment, kind, fmt, part=part)
    print(kind, fmt, hashlib.sha256(data).hexdigest())
"""


def _digests(path: Path, seed: str, tz: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed, "TZ": tz}
    done = subprocess.run(
        [sys.executable, "-c", _RENDER, str(path)], env=env, capture_output=True, text=True, check=True
    )
    return done.stdout


def test_reports_are_byte_identical_across_processes() -> None:
    path = data_path("countries") / "examples" / "examplia.c102"
    runs = {
        _digests(path, seed, tz)
        for seed, tz in (("0", "UTC"), ("1", "Pacific/Kiritimati"), ("12345", "America/Adak"))
    }
    assert len(runs) == 1, runs
    assert len(next(iter(runs)).splitlines()) == 6
    assert hashlib.sha256(next(iter(runs)).encode()).hexdigest()
